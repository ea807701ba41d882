using System.CommandLine;
using SkillHost.Analysis.Profiles;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost compare BEFORE AFTER [--format text|markdown|json]</c>: the skill's "measure again" — per function, the
/// time before and after, the change as a ratio, and whether the success criterion is met. Exit 0 when it is met, 1
/// when not, 2 for a usage or I/O error.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliOutput output, ReviewEnvironment? environment = null)
    {
        var before = new Argument<string>("BEFORE") { Description = "The profile before the change." };
        var after = new Argument<string>("AFTER") { Description = "The profile after it (same profiler, same input)." };
        var format = SkillCommand.FormatOption(ReportFormats.Text, ReportFormats.Markdown, ReportFormats.Json);
        var limit = new Option<int>("--limit") { Description = "How many functions to list (largest change first).", DefaultValueFactory = _ => 20 };
        var command = new Command("compare", "Compare two profiles of the same program: per function the time before and after and the speed-up, and whether the change met its success criterion (exit 0 met, 1 not met).")
        {
            before, after, format, limit,
        };
        command.SetAction(r => Run(r.GetValue(before)!, r.GetValue(after)!, r.GetValue(format)!, Math.Max(1, r.GetValue(limit)), output, environment ?? ReviewEnvironment.Current()));
        return command;
    }

    public static int Run(string before, string after, string format, int limit, CliOutput output, ReviewEnvironment environment)
    {
        var profiles = new List<Profile>();
        foreach (var file in new[] { before, after })
        {
            var result = ProfileReader.Read(Path.Combine(environment.WorkingDirectory, file));
            if (result.Profile is null)
            {
                output.Error.WriteLine($"error: {PrintableText.Escape(file)}: {PrintableText.Line(result.Problem)}");
                return ExitCodes.UsageOrIo;
            }

            profiles.Add(result.Profile with { Source = file.Replace('\\', '/') });
        }

        if (ProfileComparison.Compare(profiles[0], profiles[1], out var problem, limit) is not { } comparison)
        {
            output.Error.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        ProfileRenderer.Write(comparison, format, output.Out);
        return comparison.Met ? ExitCodes.Ok : ExitCodes.Problems;
    }
}
