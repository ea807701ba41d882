using System.CommandLine;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Reporting;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost estimate "operation=count[@duration]"... [--concurrency N] [--format text|markdown|json] [--skill PATH]</c>:
/// the skill's step 2, priced with its cost tables. Exit 0, or 2 for an unknown operation, a bad count or usage error.
/// </summary>
internal static class EstimateCommand
{
    public static Command Create(CliOutput output, ReviewEnvironment? environment = null)
    {
        var operations = new Argument<string[]>("OPERATION=COUNT")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "An operation of the skill's cost tables and how many times it runs: \"python function call=10000\", \"dict lookup=1e6\"; \"label=count@50 ns\" gives a cost of your own.",
        };
        var concurrency = new Option<int?>("--concurrency") { Description = "How many of the operations wait at the same time: concurrent waits cost the longest one, not the sum." };
        var format = SkillCommand.FormatOption(ReportFormats.Text, ReportFormats.Markdown, ReportFormats.Json);
        var skill = new Option<string>("--skill") { Description = "The skill whose cost tables price the operations.", DefaultValueFactory = _ => ReviewCommand.BundledSkill };
        var command = new Command("estimate", "Back-of-the-envelope estimate (the skill's step 2): counts × the skill's reference costs, the total and the dominant term.")
        {
            operations, concurrency, format, skill,
        };
        command.SetAction(r => Run(r.GetValue(operations)!, r.GetValue(concurrency), r.GetValue(format)!, r.GetValue(skill)!, output, environment ?? ReviewEnvironment.Current()));
        return command;
    }

    public static int Run(IReadOnlyList<string> operations, int? concurrency, string format, string skillPath, CliOutput output, ReviewEnvironment environment)
    {
        if (SkillLoading.LoadForVerb(skillPath, output, environment) is not { } skill)
        {
            return ExitCodes.UsageOrIo;
        }

        CostEstimate estimate;
        try
        {
            estimate = new CostEstimator(skill).Estimate(operations, concurrency);
        }
        catch (CostEstimateException e)
        {
            output.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageOrIo;
        }

        if (format == ReportFormats.Json)
        {
            output.Out.WriteLine(WorkflowJson.Serialize(estimate));
            return ExitCodes.Ok;
        }

        var bullet = format == ReportFormats.Markdown ? "- " : string.Empty;
        if (format == ReportFormats.Markdown)
        {
            output.Out.WriteLine("Estimate (the skill's cost tables, not a measurement):");
            output.Out.WriteLine();
        }

        foreach (var line in estimate.Describe())
        {
            output.Out.WriteLine(bullet + line);
        }

        return ExitCodes.Ok;
    }
}
