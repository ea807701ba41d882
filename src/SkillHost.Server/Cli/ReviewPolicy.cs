using SkillHost.Analysis.Baselines;
using SkillHost.Analysis.Configuration;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Suppressions;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Cli;

/// <summary>
/// The project's say in a review, set up from <see cref="ReviewTeamArguments"/>: configs found near each file (or
/// given), suppression comments, a baseline and the lines a change touched, as filters between the rules and the
/// report; and, once the report is written, what they left out (on stderr) and a new baseline.
/// </summary>
internal sealed class ReviewPolicy
{
    private readonly ReviewTeamArguments _team;
    private readonly string _workingDirectory;
    private readonly SuppressionFilter _suppressions;
    private readonly ProjectConfigFilter? _configs;
    private readonly BaselineFilter? _baseline;
    private readonly ChangedLinesFilter? _changes;

    private ReviewPolicy(ReviewTeamArguments team, string workingDirectory, ProjectConfigResolver resolver, ProjectConfig? governing, SuppressionFilter suppressions, ProjectConfigFilter? configs, BaselineFilter? baseline, ChangedLinesFilter? changes)
    {
        (_team, _workingDirectory, Configs, Governing) = (team, workingDirectory, resolver, governing);
        (_suppressions, _configs, _baseline, _changes) = (suppressions, configs, baseline, changes);
    }

    public ProjectConfigResolver Configs { get; }

    /// <summary>The config governing the first path: its max-issues and assume-n count for the whole review.</summary>
    public ProjectConfig? Governing { get; }

    public IReadOnlyList<FindingFilter> Filters => [_suppressions, .. new FindingFilter?[] { _configs, _baseline, _changes }.OfType<FindingFilter>()];

    /// <summary>Whether a walked path is left out by its config's exclude globs.</summary>
    public bool Excludes(string fullPath, bool isDirectory) =>
        Configs.For(fullPath, isDirectory: false) is { } config && config.Excludes(fullPath, isDirectory);

    /// <summary>The policy, or null after writing why it cannot be set up (a bad config, baseline or ref).</summary>
    public static ReviewPolicy? Create(ReviewArguments arguments, ReviewEnvironment environment, CliOutput output)
    {
        var team = arguments.Team;
        var workingDirectory = environment.WorkingDirectory;
        ReviewPolicy? Fail(string message)
        {
            output.Error.WriteLine($"error: {PrintableText.Escape(message)}");
            return null;
        }

        if (team.Isolated && team.ConfigFile is not null)
        {
            return Fail("--isolated ignores every config file and --config names one: use one of the two.");
        }

        if (team.Baseline is not null && team.WriteBaseline is not null)
        {
            return Fail("--baseline reports against a baseline and --write-baseline writes one: run them separately.");
        }

        bool Known(string selector) => environment.Catalogue.Any(r => RuleSelection.Matches(r.Descriptor, selector));
        try
        {
            var resolver = team.Isolated ? ProjectConfigResolver.Isolated
                : team.ConfigFile is { } file ? ProjectConfigResolver.FromFile(Path.GetFullPath(file, workingDirectory), Known)
                : ProjectConfigResolver.Discovering(Known);
            var first = SourceDiscovery.FullPath(arguments.Paths[0], workingDirectory);
            var governing = resolver.For(first, Directory.Exists(first));
            var configs = team.Isolated ? null : new ProjectConfigFilter(resolver, workingDirectory, useSelection: !team.SelectGiven);

            BaselineFilter? baseline = null;
            if (team.Baseline is { } known)
            {
                var full = Path.GetFullPath(known, workingDirectory);
                baseline = new BaselineFilter(Baseline.Read(full), Path.GetDirectoryName(full)!, workingDirectory);
            }
            else if (team.WriteBaseline is { } target)
            {
                baseline = new BaselineFilter(null, Path.GetDirectoryName(Path.GetFullPath(target, workingDirectory))!, workingDirectory);
            }

            var changes = team.DiffRef is { } gitRef ? new ChangedLinesFilter(ChangedLines.FromGit(workingDirectory, gitRef), workingDirectory) : null;
            return new ReviewPolicy(team, workingDirectory, resolver, governing, new SuppressionFilter(team.ReportUnusedIgnores), configs, baseline, changes);
        }
        catch (ProjectConfigException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>How many ranked issues the report lists: the command line's, else the governing config's.</summary>
    public int MaxIssues(int fromCommandLine) => _team.MaxIssuesGiven ? fromCommandLine : Governing?.MaxIssues ?? fromCommandLine;

    /// <summary>
    /// Says on stderr what the filters left out, lists unused suppressions and fixed baseline entries, and writes the
    /// baseline. Returns false when the baseline cannot be written; <paramref name="problems"/> is set when unused
    /// suppressions were asked for and found.
    /// </summary>
    public bool Finish(ReviewOutcome outcome, CliOutput output, out bool problems)
    {
        var error = output.Error;
        problems = false;
        if (_suppressions.Suppressed > 0)
        {
            error.WriteLine($"note: {_suppressions.Suppressed} finding(s) silenced by skillhost: ignore / noqa comments");
        }

        foreach (var unused in _suppressions.Unused)
        {
            problems = true;
            error.WriteLine($"{PrintableText.Escape(unused.Path)}:{unused.Comment.Line}:{unused.Comment.Column}: unused suppression '{PrintableText.Line(unused.Describe())}'"
                + (unused.TargetLine < 0 ? " (ignore-file is honoured only in the file's first comment block)" : ": it silences no finding"));
        }

        if (_configs is { LeftOut: > 0 } configs)
        {
            error.WriteLine($"note: {configs.LeftOut} finding(s) left out by the project config (select / ignore / per-file-ignores)");
        }

        if (_changes is { } changes)
        {
            error.WriteLine($"note: --diff {PrintableText.Line(_team.DiffRef!)}: {changes.Untouched} finding(s) on lines the change did not touch not shown");
        }

        if (_team.Baseline is not null && _baseline is { } baseline)
        {
            error.WriteLine($"baseline: {outcome.Findings.Count} new, {baseline.Known} known (not shown), {baseline.Fixed.Count} fixed since it was written");
            foreach (var entry in baseline.Fixed)
            {
                error.WriteLine($"  fixed: {PrintableText.Escape(entry.Path)}:{entry.Line}: {entry.Rule} {PrintableText.Line(entry.Message)}" + (entry.Function.Length > 0 ? $" (in {PrintableText.Line(entry.Function)})" : ""));
            }
        }

        if (_team.WriteBaseline is { } target && _baseline is { } recorder)
        {
            var full = Path.GetFullPath(target, _workingDirectory);
            try
            {
                recorder.BaselineOf(outcome.Findings).Write(full);
                error.WriteLine($"wrote a baseline of {outcome.Findings.Count} finding(s) to {PrintableText.Escape(target)}; review with --baseline {PrintableText.Escape(target)} to see only new ones");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot write the baseline {PrintableText.Escape(target)}: {PrintableText.Line(e.Message)}");
                return false;
            }
        }

        return true;
    }
}
