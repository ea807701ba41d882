using System.CommandLine;
using System.Text;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost review PATH... [--format markdown|text|json|sarif|diff] [--fix] [--select X]... [--ignore X]... [--skill PATH] [--output FILE] [--max-issues N]</c>:
/// the skill's workflow over files and folders: the five-part report (markdown, the default) or the findings
/// (text, json, sarif; json and sarif carry the report too; github, gitlab and junit for CI), or the findings' mechanical
/// fixes as one patch (diff). Project config, suppression comments, a baseline and --diff REF narrow what is reported
/// (see <see cref="ReviewPolicy"/>).
/// With <c>--fix</c> the fixes are made in the files and the report is of the code as it is then.
/// Exit 0 = no findings, 1 = findings, 2 = usage or I/O error (as ruff).
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
        var fix = new Option<bool>("--fix") { Description = "Make the findings' mechanical fixes in the files (each file is rewritten in place, and only if it is unchanged since the review and writable), then report what is left. Without it, files are never changed; --format diff prints the same fixes as a patch." };
        var file = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of stdout." };
        var maxIssues = new Option<int>("--max-issues") { Description = "How many ranked issues the report lists (the findings formats list all).", DefaultValueFactory = _ => PerformanceReportBuilder.DefaultMaxIssues };
        maxIssues.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100)
            {
                r.AddError("--max-issues must be between 1 and 100.");
            }
        });
        var minConfidence = new Option<Confidence?>("--min-confidence")
        {
            Description = "The least confidence a finding needs to be shown: low, medium or high. Default: medium when a folder is reviewed, low when every path names a file. Low-confidence findings are right patterns on code with no evidence that it repeats on a path that matters (examples, tests, a name matched in a loop elsewhere); they are counted, not listed, unless you ask.",
        };
        var fileBudget = FileBudgetOption.Create();
        var team = new ReviewTeamOptions();
        var assumeN = new Option<double>("--assume-n")
        {
            Description = "The scenario count for each loop or collection whose size the code does not state (default 1,000). Estimates that use it say so (\"if `rows` has 1,000 items: …\"); counts the code states are used as written.",
            DefaultValueFactory = _ => ReviewOptions.DefaultAssumeN,
        };
        assumeN.Validators.Add(r =>
        {
            if (ReviewOptions.AssumeNProblem(r.GetValueOrDefault<double>()) is { } problem)
            {
                r.AddError("--" + problem);
            }
        });
        var profile = new Option<string[]>("--profile")
        {
            Description = "A profile of the code's run (cProfile pstats, collapsed stacks, speedscope JSON or perf script text; the format is read from the content). Findings then carry what it measured and rank by measured time. Repeatable.",
        };
        var verbose = new Option<bool>("--verbose") { Description = "In the report, classify every file (step 1), not only those holding a listed issue." };
        var command = new Command("review", "Review Python and Rust code with the performance skill: classify, check, estimate, and report in five parts (markdown), list the findings (text, json, sarif; github, gitlab, junit for CI), or print their mechanical fixes as a patch for git apply (diff); --fix makes those fixes in the files. Exit 0 clean, 1 findings, 2 usage/I-O error.")
        {
            paths, format, fix, select, ignore, skill, file, maxIssues, minConfidence, fileBudget, assumeN, verbose, profile,
        };
        team.AddTo(command);
        command.SetAction(r => Run(
            new ReviewArguments(r.GetValue(paths)!, r.GetValue(format)!, r.GetValue(select) ?? [], r.GetValue(ignore) ?? [], r.GetValue(skill)!, r.GetValue(file), r.GetValue(maxIssues), r.GetValue(fix)) { MinConfidence = r.GetValue(minConfidence), FileBudget = FileBudgetOption.ToBudget(r.GetValue(fileBudget)), Team = team.Read(r, select, maxIssues), AssumeN = r.GetValue(assumeN), AssumeNGiven = r.GetResult(assumeN) is { Implicit: false }, Verbose = r.GetValue(verbose), Profiles = r.GetValue(profile) ?? [] },
            output,
            environment ?? ReviewEnvironment.Current()));
        return command;
    }

    public static int Run(ReviewArguments arguments, CliOutput output, ReviewEnvironment environment)
    {
        var selection = ReviewRuleSelection.Parse(arguments.Select, arguments.Ignore, environment.Catalogue, out var selectionError);
        var pathProblem = SourceDiscovery.PathProblem(arguments.Paths, environment.WorkingDirectory);
        if (selection is null || pathProblem is not null)
        {
            output.Error.WriteLine($"error: {PrintableText.Escape(selectionError ?? pathProblem ?? "")}");
            return ExitCodes.UsageOrIo;
        }

        if (arguments.Fix && arguments.Format == ReportFormats.Diff)
        {
            output.Error.WriteLine("error: --fix makes the fixes in the files and --format diff prints them as a patch instead; use one of the two.");
            return ExitCodes.UsageOrIo;
        }

        if (SkillLoading.LoadForVerb(arguments.Skill, output, environment) is not { } skill)
        {
            return ExitCodes.UsageOrIo;
        }

        if (ReviewPolicy.Create(arguments, environment, output) is not { } policy)
        {
            return ExitCodes.UsageOrIo;
        }

        if (ProfileFiles.Read(arguments.Profiles, environment.WorkingDirectory, output) is not { } profiles)
        {
            return ExitCodes.UsageOrIo;
        }

        // --assume-n wins; else the project config's assume-n; else the default.
        var assume = arguments.AssumeNGiven ? arguments.AssumeN : policy.Governing?.AssumeN ?? arguments.AssumeN;
        var workflow = new PerformanceWorkflow(skill, selection.Apply(environment.Catalogue), ReviewOptions.Default with { MinConfidence = arguments.MinConfidence, AssumeN = assume, Verbose = arguments.Verbose });
        if (!workflow.CanReport && arguments.Format == ReportFormats.Markdown)
        {
            output.Error.WriteLine($"error: {workflow.ReportProblem} Use --format text, json or sarif for the findings alone.");
            return ExitCodes.UsageOrIo;
        }

        using var report = ReviewOutput.Open(arguments.OutputFile, environment.WorkingDirectory, output);
        if (report is null)
        {
            return ExitCodes.UsageOrIo;
        }

        // A one-shot run keeps nearly all it allocates until the output is written: once the files are found,
        // no collections for the rest of it (see BatchHeap).
        using var heap = new BatchHeap();
        var options = new SourceReviewOptions
        {
            Discovered = heap.Reserve, FileBudget = arguments.FileBudget,
            Filters = policy.Filters, Exclude = policy.Excludes, ForceExclude = arguments.Team.ForceExclude,
            Profiles = profiles,
        };
        var maxIssues = policy.MaxIssues(arguments.MaxIssues);

        // Without report parts the findings are still worth having (text, JSON, SARIF).
        (ReviewOutcome, PerformanceReport?) Review()
        {
            if (workflow.CanReport)
            {
                var result = workflow.ReviewPaths(arguments.Paths, environment.WorkingDirectory, options, maxIssues);
                return (result.Outcome, result.Report);
            }

            return (new SourceReview(new ChecklistReview(workflow.Knowledge, workflow.Rules, workflow.Options)).Run(arguments.Paths, environment.WorkingDirectory, options)
                .AtLeast(workflow.Options.MinConfidenceFor(SourceReview.NamesFilesOnly(arguments.Paths, environment.WorkingDirectory))), null);
        }

        ReviewOutcome outcome;
        PerformanceReport? performance;
        try
        {
            (outcome, performance) = Review();
        }
        catch (Analysis.Configuration.ProjectConfigException e)
        {
            // A config below the first path, met while walking.
            output.Error.WriteLine($"error: {PrintableText.Escape(e.Message)}");
            return ExitCodes.UsageOrIo;
        }

        // The report describes the code as it is after the fixes: reviewed again when a file changed. The first review
        // is garbage by then: its no-collection region ends, and the second review's region starts with a collection
        // that frees it (about half the peak memory).
        if (arguments.Fix && FixFiles(outcome, environment.WorkingDirectory, output) > 0)
        {
            (outcome, performance) = (null!, null);
            heap.Dispose();
            (outcome, performance) = Review();
        }

        foreach (var skipped in outcome.Skipped)
        {
            output.Error.WriteLine($"warning: skipped {PrintableText.Escape(skipped.Path)}: {PrintableText.Line(skipped.Describe())}");
        }

        foreach (var failure in outcome.RuleFailures)
        {
            output.Error.WriteLine($"warning: {PrintableText.Line(failure.Describe())} Please report this with the file, or leave the rule out with --ignore {failure.RuleId}.");
        }

        if (outcome.Files.Count == 0 && outcome.Skipped.Count > 0)
        {
            output.Error.WriteLine("error: nothing could be reviewed (see the warnings above). Pass Python (.py) or Rust (.rs) source files or folders holding them.");
            return ExitCodes.UsageOrIo;
        }

        var reviewReport = new ReviewReport(outcome, environment.Catalogue, environment.Tool, environment.WorkingDirectory, performance);
        if (arguments.Format == ReportFormats.Json && report.Writer is StreamWriter { Encoding: UTF8Encoding } utf8)
        {
            // The JSON is UTF-8 already: straight onto the stream under the writer, not decoded to text and encoded back.
            utf8.Flush();
            JsonReportRenderer.Write(reviewReport, utf8.BaseStream);
        }
        else
        {
            // In 64 K blocks: a console writer flushes on every write (see BlockWriter).
            using var rendered = new BlockWriter(report.Writer);
            ReportFormats.Write(arguments.Format, reviewReport, rendered);
        }

        if (!policy.Finish(outcome, output, out var unusedSuppressions) | !report.Close())
        {
            return ExitCodes.UsageOrIo;
        }

        return (outcome.Findings.Count > 0 || unusedSuppressions) && !arguments.Team.ExitZero ? ExitCodes.Problems : ExitCodes.Ok;
    }

    /// <summary>
    /// Makes the findings' mechanical fixes in place (see <see cref="MechanicalFixes.Write"/>) and says on stderr what it
    /// did: each file it left alone and why, then a count. Returns how many files it changed.
    /// </summary>
    private static int FixFiles(ReviewOutcome outcome, string workingDirectory, CliOutput output)
    {
        var fixable = outcome.Findings.Count(f => f.Edits.Count > 0);
        var (files, findings) = (0, 0);
        foreach (var fix in MechanicalFixes.Plan(outcome.Findings, workingDirectory, insideWorkingFolderOnly: false))
        {
            if (MechanicalFixes.Write(fix) is { } problem)
            {
                output.Error.WriteLine($"warning: {PrintableText.Escape(fix.Path)}: not fixed, {PrintableText.Line(problem)}");
                continue;
            }

            files++;
            findings += fix.FixedFindings;
        }

        output.Error.WriteLine(fixable == 0
            ? $"fixed nothing: no finding of the {outcome.Findings.Count} has a mechanical fix; the others need judgement"
            : $"fixed {findings} of {outcome.Findings.Count} findings in {files} file(s); the report is of the code as it is now");
        return files;
    }
}

/// <summary>The parsed command line of <c>review</c>.</summary>
internal sealed record ReviewArguments(
    IReadOnlyList<string> Paths,
    string Format,
    IReadOnlyList<string> Select,
    IReadOnlyList<string> Ignore,
    string Skill = ReviewCommand.BundledSkill,
    string? OutputFile = null,
    int MaxIssues = PerformanceReportBuilder.DefaultMaxIssues,
    bool Fix = false)
{
    /// <summary>The least confidence a shown finding has (<c>--min-confidence</c>); null decides by scope (see <see cref="ReviewOptions.MinConfidenceFor"/>).</summary>
    public Confidence? MinConfidence { get; init; }

    /// <summary>Project config, suppressions, baseline, changed lines, exit code for CI (see <see cref="ReviewTeamArguments"/>).</summary>
    public ReviewTeamArguments Team { get; init; } = ReviewTeamArguments.None;

    /// <summary>The scenario count for sizes the code does not state (<c>--assume-n</c>).</summary>
    public double AssumeN { get; init; } = ReviewOptions.DefaultAssumeN;

    /// <summary>True when <c>--assume-n</c> was given: it then wins over the project config's <c>assume-n</c>.</summary>
    public bool AssumeNGiven { get; init; }

    /// <summary>Profiles of the code's run (<c>--profile</c>), as given.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Classify every file in the report (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }

    /// <summary>How long one file's analysis may take (<c>--file-budget</c>); null for no limit.</summary>
    public TimeSpan? FileBudget { get; init; } = SourceReviewOptions.DefaultFileBudget;
}
