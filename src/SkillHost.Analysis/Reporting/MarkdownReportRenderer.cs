using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// The five-part report as Markdown: one <c>##</c> heading per part, named exactly as the skill's step 5
/// names it, in the skill's order; each issue as issue → evidence/estimate → fix → expected impact.
/// </summary>
public static class MarkdownReportRenderer
{
    // Issues ranked past this are written in two lines (issue, then estimate and fix): the report stays a two-minute read.
    private const int FullIssues = 5;

    /// <summary>The most characters a default report (<see cref="PerformanceReportBuilder.DefaultMaxIssues"/> issues) renders to: an agent reads it whole.</summary>
    public const int ShortReportCharacters = 12_000;

    // A review of a whole repository may skip hundreds of files; the report names a few.
    private const int MaxSkippedListed = 5;

    public static void Write(PerformanceReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("# Performance review");
        w.WriteLine();
        // Counts, not lists: the files and every finding are in the text, JSON and SARIF formats.
        var files = report.Files.Count == 1 ? $"1 file ({InlineCode(report.Files[0])})" : Plural(report.Files.Count, "file");
        w.WriteLine($"Reviewed {files}: {Plural(report.FindingCount, "finding")} in {Plural(report.IssueCount, "issue")} (a rule's findings in one function are one issue).");
        if (report.Hidden > 0)
        {
            w.WriteLine($"{Plural(report.Hidden, "finding")} below {report.HiddenBelow.ToString().ToLowerInvariant()} confidence {(report.Hidden == 1 ? "is" : "are")} not shown (no evidence that the code repeats on a path that matters): `--min-confidence low` lists them.");
        }

        foreach (var skipped in report.Skipped.Take(MaxSkippedListed))
        {
            w.WriteLine($"Not reviewed: {InlineCode(skipped.Path)} ({OneLine(skipped.Describe())}).");
        }

        if (report.Skipped.Count > MaxSkippedListed)
        {
            w.WriteLine($"Not reviewed: {CostText.Count(report.Skipped.Count - MaxSkippedListed)} more files (`--format text` lists them).");
        }

        if (report.Assumption is not null)
        {
            w.WriteLine();
            w.WriteLine($"Assumption: {OneLine(report.Assumption)}");
        }

        var writers = new Action<TextWriter>[]
        {
            o => Hypothesis(report.HotPathHypothesis, o),
            o => Issues(report, o),
            o => Sketch(report.PatchSketch, o),
            o => Bullets(report.TradeoffsAndRisks, o),
            o => Plan(report.MeasurementPlan, o),
        };
        for (var i = 0; i < writers.Length; i++)
        {
            w.WriteLine();
            w.WriteLine($"## {PartName(report, i)}");
            w.WriteLine();
            writers[i](w);
        }
    }

    /// <summary>The report as a string.</summary>
    public static string Render(PerformanceReport report)
    {
        using var writer = new StringWriter();
        Write(report, writer);
        return writer.ToString();
    }

    /// <summary>The Markdown of part <paramref name="index"/> (0–4) alone, without its heading (SARIF carries the parts this way).</summary>
    public static string RenderPart(PerformanceReport report, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new StringWriter();
        switch (index)
        {
            case 0: Hypothesis(report.HotPathHypothesis, w); break;
            case 1: Issues(report, w); break;
            case 2: Sketch(report.PatchSketch, w); break;
            case 3: Bullets(report.TradeoffsAndRisks, w); break;
            case 4: Plan(report.MeasurementPlan, w); break;
            default: throw new ArgumentOutOfRangeException(nameof(index), index, "a report has five parts, 0 to 4");
        }

        return w.ToString().TrimEnd();
    }

    /// <summary>The skill's name for part <paramref name="index"/> (0–4).</summary>
    public static string PartName(PerformanceReport report, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.PartNames[index];
    }

    private static void Hypothesis(HotPathHypothesis hypothesis, TextWriter w)
    {
        w.WriteLine(OneLine(hypothesis.Summary));
        if (hypothesis.Measurement.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Measured (the profile's hottest functions by their own time):");
            w.WriteLine();
            Bullets(hypothesis.Measurement, w);
        }

        if (hypothesis.Evidence.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Classification (step 1) of the files holding the leading issues below (`--verbose` or `skillhost classify` for every file):");
            w.WriteLine();
            Bullets(hypothesis.Evidence, w);
        }
    }

    private static void Issues(PerformanceReport report, TextWriter w)
    {
        var issues = report.TopIssues;
        if (issues.Count == 0)
        {
            w.WriteLine("No issue found by the checklist rules.");
            return;
        }

        foreach (var issue in issues)
        {
            w.WriteLine($"{issue.Rank}. **{OneLine(issue.Issue)}** (`{issue.RuleId}` `{issue.Slug}`, {InlineCode($"{issue.Path}:{issue.Line}")})");
            if (issue.Rank > FullIssues)
            {
                // Past the first few, an issue keeps its estimate and fix; its evidence is in the findings formats.
                w.WriteLine($"   - {(issue.Estimate is null ? string.Empty : $"Estimate: {OneLine(Cost.EstimateText.PerCall(issue.Estimate))} per call. ")}Fix: {OneLine(issue.Fix)}");
                continue;
            }

            w.WriteLine($"   - Evidence: {OneLine(issue.Evidence)}");
            if (issue.EstimateText is not null)
            {
                w.WriteLine($"   - Estimate: {OneLine(issue.EstimateText)}");
            }

            w.WriteLine($"   - Fix: {OneLine(issue.Fix)}");
            w.WriteLine($"   - Expected impact: {OneLine(issue.ExpectedImpact)}");
        }

        if (report.IssueCount > issues.Count)
        {
            var more = report.IssueCount - issues.Count;
            w.WriteLine();
            w.WriteLine($"And {CostText.Count(more)} more {(more == 1 ? "issue" : "issues")}: `--format text` lists every finding (`--max-issues N` ranks more here).");
        }
    }

    private static void Sketch(PatchSketch? sketch, TextWriter w)
    {
        if (sketch is null)
        {
            w.WriteLine("No change proposed: nothing was found to fix. Measure first (see the measurement plan).");
            return;
        }

        w.WriteLine($"{OneLine(sketch.Note)} ({InlineCode($"{sketch.Path}:{sketch.Line}")})");
        w.WriteLine();
        w.WriteLine("Before (the flagged lines):");
        w.WriteLine();
        Code(sketch.Language, sketch.Before, w);
        w.WriteLine();
        w.WriteLine(sketch.AfterIsFix ? "After (the fix applied to them):"
            : sketch.AfterSource is not null ? $"The skill's pattern (from {sketch.AfterSource}), not a rewrite of these lines: apply its shape to them."
            : "What to change (the skill shows no code for this item):");
        w.WriteLine();
        Code(sketch.AfterLanguage, sketch.After, w);
    }

    private static void Plan(MeasurementPlan plan, TextWriter w)
    {
        // One line per tool, its targets after it.
        foreach (var tool in plan.Steps.GroupBy(s => (s.Tool, s.Language, s.Why)))
        {
            w.WriteLine($"- `{tool.Key.Tool}` ({tool.Key.Language}; {OneLine(tool.Key.Why)}): {string.Join("; ", tool.Select(s => OneLine(s.Target)))}");
        }

        w.WriteLine($"- Success: {OneLine(plan.SuccessCriterion)}");
        foreach (var trap in plan.Traps)
        {
            w.WriteLine($"- Watch for {OneLine(trap)}");
        }
    }

    private static void Bullets(IReadOnlyList<string> items, TextWriter w)
    {
        foreach (var item in items)
        {
            w.WriteLine($"- {OneLine(item)}");
        }
    }

    private static void Code(string language, string code, TextWriter w)
    {
        // A fence longer than any backtick run inside the code keeps it intact.
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        w.WriteLine($"{fence}{language}");
        w.WriteLine(PrintableText.Code(code.ReplaceLineEndings("\n").TrimEnd('\n')));
        w.WriteLine(fence);
    }

    private static int LongestRun(string text, char c)
    {
        int best = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            best = Math.Max(best, run);
        }

        return best;
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{CostText.Count(n)} {noun}s";

    // Prose and paths quote what the review found: no line break, ESC or bidi control reaches the page as itself.
    private static string OneLine(string text) => PrintableText.Line(text);

    // A code span of escaped text, its fence longer than any backtick run inside (a file may be named `x`.py).
    private static string InlineCode(string text)
    {
        var escaped = PrintableText.Escape(text);
        var fence = new string('`', LongestRun(escaped, '`') + 1);
        var pad = escaped.StartsWith('`') || escaped.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{escaped}{pad}{fence}";
    }
}
