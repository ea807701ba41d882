using System.CommandLine;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Cli;

/// <summary>
/// <c>score --case ID FILE</c>: scores any Markdown report against a case and prints the JSON score, so people can
/// grade their own agent's output. Exit 0 passed, 1 below the threshold, 2 bad input.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(EvalOptions options, TextWriter output, TextWriter error)
    {
        var caseId = new Option<string>("--case") { Description = "The case id (example-a, rs-clone-in-loop…).", Required = true };
        var file = new Argument<string>("FILE") { Description = "The report to score (Markdown), or - for standard input." };
        var command = new Command("score", "Score a Markdown report against a case and print the JSON score.") { caseId, file };
        command.SetAction((result, token) => RunAsync(options.Read(result), result.GetValue(caseId)!, result.GetValue(file)!, output, error, Console.In, token));
        return command;
    }

    public static async Task<int> RunAsync(EvalArguments arguments, string caseId, string file, TextWriter output, TextWriter error, TextReader stdin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdin);
        if (EvalArguments.Setup(arguments, error) is not { } setup || setup.FindCase(caseId, error) is not { } evalCase)
        {
            return ExitCodes.UsageOrInput;
        }

        string report;
        try
        {
            report = file == "-"
                ? await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                : await File.ReadAllTextAsync(Path.GetFullPath(file, arguments.WorkingDirectory), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read the report '{file}': {e.Message}");
            return ExitCodes.UsageOrInput;
        }

        if (report.Contains('\0', StringComparison.Ordinal))
        {
            error.WriteLine($"error: '{file}' is a binary file; pass the agent's report as Markdown text.");
            return ExitCodes.UsageOrInput;
        }

        var score = await new ReportScorer(setup.Rubric, arguments.Threshold).ScoreAsync(evalCase, report, cancellationToken).ConfigureAwait(false);
        output.WriteLine(ScoreJson.Serialize(score));
        return score.Passed ? ExitCodes.Passed : ExitCodes.BelowThreshold;
    }
}
