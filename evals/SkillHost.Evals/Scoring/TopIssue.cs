using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace SkillHost.Evals.Scoring;

/// <summary>
/// One ranked issue of a report's top-issues part, with the four elements the skill asks for:
/// the issue → the evidence or estimate → the fix → the expected impact. Elements are found by their
/// labels (<c>Evidence:</c>, <c>**Fix:**</c>…) or, in the skill's arrow form, by the segments between arrows.
/// </summary>
public sealed partial record TopIssue(int Rank, string Markdown, string? Issue, string? Evidence, string? Fix, string? Impact)
{
    /// <summary>How many of the four elements are present.</summary>
    public int ElementCount => new[] { Issue, Evidence, Fix, Impact }.Count(e => !string.IsNullOrWhiteSpace(e));

    /// <summary>The element names missing from this issue, in the skill's order.</summary>
    public IEnumerable<string> Missing()
    {
        if (string.IsNullOrWhiteSpace(Issue)) yield return "issue";
        if (string.IsNullOrWhiteSpace(Evidence)) yield return "evidence or estimate";
        if (string.IsNullOrWhiteSpace(Fix)) yield return "fix";
        if (string.IsNullOrWhiteSpace(Impact)) yield return "expected impact";
    }

    /// <summary>
    /// The size of the expected impact, for ranking: the largest duration it names (in ns), else the largest
    /// speed-up factor (10×), else the largest percentage. Null when it names none; kinds never mix.
    /// </summary>
    public (string Kind, double Value)? ImpactSize()
    {
        if (Impact is null)
        {
            return null;
        }

        var durations = Duration().Matches(Impact).Select(m => Number(m.Groups["max"].Success ? m.Groups["max"].Value : m.Groups["min"].Value) * Scale(m.Groups["unit"].Value)).ToList();
        if (durations.Count > 0)
        {
            return ("duration", durations.Max());
        }

        var factors = Factor().Matches(Impact).Select(m => Number(m.Groups["max"].Success ? m.Groups["max"].Value : m.Groups["min"].Value)).ToList();
        if (factors.Count > 0)
        {
            return ("factor", factors.Max());
        }

        var percents = Percent().Matches(Impact).Select(m => Number(m.Groups["value"].Value)).ToList();
        return percents.Count > 0 ? ("percent", percents.Max()) : null;
    }

    /// <summary>The issues of a top-issues part: sub-headings, else the items of its first list, else the part as one issue.</summary>
    public static ImmutableArray<TopIssue> From(ReportPart part, string reportMarkdown)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(reportMarkdown);
        var end = part.Blocks.Length == 0 ? 0 : part.Blocks[^1].Span.End + 1;
        var headings = part.Blocks.OfType<HeadingBlock>().ToList();
        if (headings.Count > 0)
        {
            return [.. headings.Select((h, i) => Read(i + 1, MarkdownText.Source(reportMarkdown, h.Span.Start, i + 1 < headings.Count ? headings[i + 1].Span.Start : end)))];
        }

        if (part.Blocks.OfType<Table>().FirstOrDefault() is { } table && FromTable(table, reportMarkdown) is { Length: > 0 } rows)
        {
            return rows;
        }

        if (part.Blocks.FirstOrDefault(b => b is ListBlock) is ListBlock list)
        {
            return [.. list.OfType<ListItemBlock>().Select((item, i) => Read(i + 1, MarkdownText.Source(reportMarkdown, item.Span.Start, item.Span.End + 1)))];
        }

        var text = part.HeadingLevel > 0 || part.Blocks.Length > 1
            ? MarkdownText.Source(reportMarkdown, part.Blocks.FirstOrDefault()?.Span.Start ?? 0, end)
            : StripLabel(part.Markdown);
        return string.IsNullOrWhiteSpace(text) ? [] : [Read(1, text)];
    }

    // A table with a header row naming the elements ("Issue | Evidence | Fix | Expected impact"): one issue per row.
    private static ImmutableArray<TopIssue> FromTable(Table table, string reportMarkdown)
    {
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count < 2 || !rows[0].IsHeader)
        {
            return [];
        }

        var kinds = rows[0].OfType<TableCell>().Select(c => HeaderKind(Cell(c))).ToList();
        if (!kinds.Contains("fix") && !kinds.Contains("impact"))
        {
            return [];
        }

        return [.. rows.Skip(1).Select((row, i) =>
        {
            var cells = row.OfType<TableCell>().Select(Cell).ToList();
            string? Column(string kind) => kinds.IndexOf(kind) is >= 0 and var at && at < cells.Count && cells[at].Length > 0 ? cells[at] : null;
            return new TopIssue(i + 1, MarkdownText.Source(reportMarkdown, row.Span.Start, row.Span.End + 1), Column("issue"), Column("evidence"), Column("fix"), Column("impact"));
        })];
    }

    private static string Cell(TableCell cell) => string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => MarkdownText.Plain(p.Inline))).Trim();

    private static string HeaderKind(string header)
    {
        var h = header.Trim().TrimEnd(':').ToLowerInvariant();
        return h is "#" or "rank" or "" ? "rank" : Kind(h);
    }

    /// <summary>Reads the four elements of one issue's Markdown.</summary>
    public static TopIssue Read(int rank, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var prose = FencedCode().Replace(markdown, " ");
        var labels = Label().Matches(prose).ToList();
        string? Segment(string kind)
        {
            var index = labels.FindIndex(m => Kind(m.Groups["label"].Value) == kind);
            if (index < 0)
            {
                return null;
            }

            var start = labels[index].Index + labels[index].Length;
            var stop = index + 1 < labels.Count ? labels[index + 1].Index : prose.Length;
            return Clean(prose[start..stop]);
        }

        var arrows = Arrow().Split(Clean(prose)).Select(Clean).Where(s => s.Length > 0).ToList();
        if (arrows.Count >= 4 && labels.Count < 2)
        {
            return new TopIssue(rank, markdown, arrows[0], arrows[1], arrows[2], string.Join(" → ", arrows.Skip(3)));
        }

        // Without an "Issue:" label, the text before the first label (the item's title or first sentence) is the issue.
        var issue = Segment("issue") ?? Clean(labels.Count > 0 ? prose[..labels[0].Index] : prose);
        return new TopIssue(rank, markdown, NullIfEmpty(issue), Segment("evidence"), Segment("fix"), Segment("impact"));
    }

    private static string Kind(string label)
    {
        var l = label.ToLowerInvariant();
        if (l.Contains("impact", StringComparison.Ordinal) || l.Contains("gain", StringComparison.Ordinal) || l.Contains("saving", StringComparison.Ordinal))
        {
            return "impact";
        }

        if (l.StartsWith("fix", StringComparison.Ordinal) || l.StartsWith("suggested fix", StringComparison.Ordinal) || l == "change")
        {
            return "fix";
        }

        return l.StartsWith("issue", StringComparison.Ordinal) || l.StartsWith("problem", StringComparison.Ordinal) ? "issue" : "evidence";
    }

    private static string StripLabel(string markdown) => LeadingBold().Replace(markdown, "", 1);

    private static string Clean(string text) => Spaces().Replace(text.Replace("**", "", StringComparison.Ordinal).Trim(' ', '\n', '\r', '\t', '-', '*', '_', ':', '—', '–', ';', ','), " ").Trim();

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static double Number(string text) => double.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static double Scale(string unit) => unit.ToLowerInvariant() switch
    {
        "ns" or "nanosecond" or "nanoseconds" => 1,
        "µs" or "μs" or "us" or "microsecond" or "microseconds" => 1e3,
        "ms" or "millisecond" or "milliseconds" => 1e6,
        _ => 1e9,
    };

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    // "Evidence:", "**Fix:**", "*Expected impact*:", "Evidence/estimate:", "Estimate (not measured):"
    [GeneratedRegex(@"(?<![\w/])[*_]{0,2}(?<label>issue|problem|evidence(?:\s*(?:/|or|and)\s*estimate)?|estimate(?:d cost)?|cost estimate|why it is hot|suggested fix|fix|change|expected impact|impact|expected gain|gain|saving)(?:\s*\([^)\n]{0,40}\))?\s*[*_]{0,2}\s*:\s*[*_]{0,2}", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"\s(?:→|->|⇒)\s")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?\*\*[^*]+\*\*\s*[:—–-]?\s*")]
    private static partial Regex LeadingBold();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<min>\d[\d,]*(?:\.\d+)?)\s*(?:(?:[-–]|to)\s*(?<max>\d[\d,]*(?:\.\d+)?)\s*)?(?<unit>ns|µs|μs|us|ms|s|nanoseconds?|microseconds?|milliseconds?|seconds?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<min>\d[\d,]*(?:\.\d+)?)\s*(?:[-–]\s*(?<max>\d[\d,]*(?:\.\d+)?)\s*)?(?:×|x\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Factor();

    [GeneratedRegex(@"(?<value>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Percent();
}
