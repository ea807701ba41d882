using System.CommandLine;
using SkillHost.Analysis.Profiles;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost profile FILE... [--source DIR] [--format text|markdown|json] [--limit N]</c>: each profile's hot
/// functions and lines with self and total shares, mapped to the source and to the findings that explain them (JSON: an
/// array, one analysis per profile).
/// Exit 0, or 2 for a usage or I/O error (a file that is no profile).
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(CliOutput output, ReviewEnvironment? environment = null)
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Profiles: " + ProfileReader.Formats + ". The format is read from the content." };
        var source = new Option<string[]>("--source") { Description = "The source the profile ran (files or folders): hot functions are mapped to it and to the review's findings in them. Repeatable." };
        var format = SkillCommand.FormatOption(ReportFormats.Text, ReportFormats.Markdown, ReportFormats.Json);
        var limit = new Option<int>("--limit") { Description = "How many hot functions to list (by own time, largest first).", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--limit must be between 1 and 10000.");
            }
        });
        var skill = new Option<string>("--skill") { Description = "The skill whose rules and advice to use.", DefaultValueFactory = _ => ReviewCommand.BundledSkill };
        var command = new Command("profile", "Read profiles (cProfile, collapsed stacks, speedscope, perf script): the hot functions and lines with self and total shares, mapped to the source (--source) and to the findings that explain them.")
        {
            files, source, format, limit, skill,
        };
        command.SetAction(r => Run(r.GetValue(files)!, r.GetValue(source) ?? [], r.GetValue(format)!, r.GetValue(limit), r.GetValue(skill)!, output, environment ?? ReviewEnvironment.Current()));
        return command;
    }

    public static int Run(IReadOnlyList<string> files, IReadOnlyList<string> source, string format, int limit, string skillPath, CliOutput output, ReviewEnvironment environment)
    {
        if (source.Count > 0 && SourceDiscovery.PathProblem(source, environment.WorkingDirectory) is { } problem)
        {
            output.Error.WriteLine($"error: --source: {PrintableText.Escape(problem)}");
            return ExitCodes.UsageOrIo;
        }

        var read = new List<ProfileReadResult>();
        foreach (var file in files)
        {
            var result = ProfileReader.Read(Path.Combine(environment.WorkingDirectory, file));
            if (result.Profile is null)
            {
                output.Error.WriteLine($"error: {PrintableText.Escape(file)}: {PrintableText.Line(result.Problem)}");
                return ExitCodes.UsageOrIo;
            }

            read.Add(result with { Profile = result.Profile with { Source = file.Replace('\\', '/') } });
        }

        if (SkillLoading.LoadForVerb(skillPath, output, environment) is not { } skill)
        {
            return ExitCodes.UsageOrIo;
        }

        var workflow = new PerformanceWorkflow(skill, environment.Catalogue);
        var analyses = workflow.AnalyzeProfiles(read, source, environment.WorkingDirectory, SourceReviewOptions.Default, limit);
        ProfileRenderer.Write(analyses, format, output.Out);
        return ExitCodes.Ok;
    }
}
