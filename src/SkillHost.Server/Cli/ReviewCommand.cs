using System.CommandLine;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost review PATH... [--format text|json|sarif] [--select X]... [--ignore X]... [--skill PATH] [--output FILE]</c>:
/// the checklist review of files and folders. Exit 0 = no findings, 1 = findings, 2 = usage or I/O error (as ruff).
/// </summary>
internal static class ReviewCommand
{
    public const string BundledSkill = "skill/performance-optimization";

    public static Command Create(CliOutput output, ReviewEnvironment? environment = null)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files and folders to review (.py, .pyi, .rs; folders are walked, honouring .gitignore)." };
        var format = SkillCommand.FormatOption([.. ReportFormats.All]);
        var select = new Option<string[]>("--select") { Description = "Run only these rules: an id (PY001), id prefix (PY), slug (python/quadratic), group (rust) or name. Repeat or separate with commas." };
        var ignore = new Option<string[]>("--ignore") { Description = "Do not run these rules (same forms as --select)." };
        var skill = new Option<string>("--skill") { Description = "The skill whose cost tables and checklist the review uses.", DefaultValueFactory = _ => BundledSkill };
        var file = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var command = new Command("review", "Review Python and Rust code against the performance skill's checklist, hot paths first. Exit 0 clean, 1 findings, 2 usage/I-O error.")
        {
            paths, format, select, ignore, skill, file,
        };
        command.SetAction(r => Run(
            new ReviewArguments(r.GetValue(paths)!, r.GetValue(format)!, r.GetValue(select) ?? [], r.GetValue(ignore) ?? [], r.GetValue(skill)!, r.GetValue(file)),
            output,
            environment ?? ReviewEnvironment.Current()));
        return command;
    }

    public static int Run(ReviewArguments arguments, CliOutput output, ReviewEnvironment environment)
    {
        var selection = ReviewRuleSelection.Parse(arguments.Select, arguments.Ignore, environment.Catalogue, out var selectionError);
        var missing = SourceDiscovery.Missing(arguments.Paths, environment.WorkingDirectory);
        if (selection is null || missing.Count > 0)
        {
            output.Error.WriteLine($"error: {selectionError ?? $"no such file or folder: {string.Join(", ", missing.Select(m => $"'{m}'"))}"}");
            return ExitCodes.UsageOrIo;
        }

        // Like `skill show`: the path as given (from the working folder), else next to the executable.
        var skillPath = Path.Exists(Path.GetFullPath(arguments.Skill, environment.WorkingDirectory)) ? Path.GetFullPath(arguments.Skill, environment.WorkingDirectory) : arguments.Skill;
        if (SkillLoading.Load(skillPath, output, environment.BaseDirectory) is not { } skill)
        {
            return ExitCodes.UsageOrIo;
        }

        using var report = ReviewOutput.Open(arguments.OutputFile, environment.WorkingDirectory, output);
        if (report is null)
        {
            return ExitCodes.UsageOrIo;
        }

        var review = new ChecklistReview(new SkillKnowledge(skill), selection.Apply(environment.Catalogue));
        var outcome = new SourceReview(review).Run(arguments.Paths, environment.WorkingDirectory);
        foreach (var skipped in outcome.Skipped)
        {
            output.Error.WriteLine($"warning: skipped {skipped.Path}: {skipped.Describe()}");
        }

        // Rendered whole, then written at once: a console writer flushes on every line.
        using var rendered = new StringWriter();
        ReportFormats.Write(arguments.Format, new ReviewReport(outcome, environment.Catalogue, environment.Tool, environment.WorkingDirectory), rendered);
        report.Writer.Write(rendered.GetStringBuilder());
        return report.Close() ? (outcome.Findings.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok) : ExitCodes.UsageOrIo;
    }
}

/// <summary>The parsed command line of <c>review</c>.</summary>
internal sealed record ReviewArguments(IReadOnlyList<string> Paths, string Format, IReadOnlyList<string> Select, IReadOnlyList<string> Ignore, string Skill = ReviewCommand.BundledSkill, string? OutputFile = null);
