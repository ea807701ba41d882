using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// The human report, ruff-like: one <c>path:line:col: ID [slug] message</c> line per finding, then its
/// evidence, fix and impact indented below, and a closing summary line. Paths and messages are printed with
/// control characters escaped (<see cref="PrintableText"/>), so each finding is exactly one line that tools read.
/// </summary>
public static class TextReportRenderer
{
    public static void Write(ReviewReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        var outcome = report.Outcome;
        foreach (var finding in outcome.Findings)
        {
            WriteFinding(finding, w);
            w.WriteLine();
        }

        w.WriteLine($"Found {Count(outcome.Findings.Count, "finding")} in {Count(outcome.FilesWithFindings, "file")} ({Count(outcome.Files.Count, "file")} reviewed)");
        if (outcome.Findings.Count(f => f.Edits.Count > 0) is var fixable and > 0)
        {
            w.WriteLine($"{fixable} of them have a mechanical fix: --format diff prints the patch, --fix makes it");
        }

        if (outcome.Hidden > 0)
        {
            w.WriteLine($"{Count(outcome.Hidden, "finding")} below {outcome.MinConfidence.ToString().ToLowerInvariant()} confidence not shown (no evidence that the code repeats on a path that matters): --min-confidence low lists them");
        }

        if (outcome.Skipped.Count > 0)
        {
            w.WriteLine($"Skipped {Count(outcome.Skipped.Count, "file")} that could not be reviewed (listed on stderr)");
        }
    }

    public static void WriteFinding(Finding finding, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(w);
        var rule = finding.Rule;
        w.WriteLine($"{PrintableText.Escape(finding.Path)}:{finding.Start.Line}:{finding.Start.Column}: {rule.Id} [{rule.Slug}] {OneLine(finding.Message)}");
        var facts = finding.Evidence.Facts.Count == 0 ? "no loop or async context found" : string.Join("; ", finding.Evidence.Facts);
        w.WriteLine($"    evidence: {OneLine(facts)} (confidence: {finding.Confidence.ToString().ToLowerInvariant()})");
        w.WriteLine($"    fix: {OneLine(finding.Fix)}");
        w.WriteLine($"    impact: {OneLine(finding.Impact.Text)}");
        if (finding.Impact.Estimate is { } estimate)
        {
            w.WriteLine($"    estimate: {OneLine(Cost.EstimateText.Sentence(estimate))}");
        }

        if (finding.Measured is { } measured)
        {
            w.WriteLine($"    {OneLine(Cost.EstimateText.Measured(measured))}");
        }

        if (finding.Edits.Count > 0)
        {
            w.WriteLine($"    fixable: {OneLine(string.Join("; ", finding.Edits.Select(e => e.Describe())))} (--format diff writes the patch)");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    // Paths and messages quote what they found (a file name, a name in the code): a line break or ESC there must not
    // print a line of its own (a CI problem matcher would read a fake finding) or drive the terminal.
    private static string OneLine(string text) => PrintableText.Line(text);
}
