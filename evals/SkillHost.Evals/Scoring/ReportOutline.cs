using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace SkillHost.Evals.Scoring;

/// <summary>A part of an agent's report found under one of the skill's part names.</summary>
/// <param name="Name">The skill's name for the part.</param>
/// <param name="Label">The heading or bold label as the report wrote it.</param>
/// <param name="Markdown">The part's Markdown, label included, up to the next part.</param>
/// <param name="Blocks">The blocks after the label (a bold label's own paragraph included).</param>
/// <param name="HeadingLevel">The label's heading level, 0 for a bold label.</param>
public sealed record ReportPart(string Name, string Label, int Line, string Markdown, ImmutableArray<Block> Blocks, int HeadingLevel);

/// <summary>
/// An agent's Markdown report split into the skill's parts. A part starts at a heading or at a paragraph
/// (or list item) opening with a bold label whose text is one of the skill's part names; numbering such as
/// "1." or "Part 2:", case, and a trailing colon or dash are ignored. Near misses ("Top issues" for
/// "Top issues (ranked)") are kept so a check can say what to rename.
/// </summary>
public sealed partial class ReportOutline
{
    private ReportOutline(string markdown, ImmutableArray<ReportPart> parts, ImmutableArray<string> nearMisses)
    {
        Markdown = markdown;
        Parts = parts;
        NearMisses = nearMisses;
    }

    public string Markdown { get; }

    /// <summary>Parts in the order the report has them (a name may appear once; a repeat joins the first).</summary>
    public ImmutableArray<ReportPart> Parts { get; }

    /// <summary>Labels that look like a part but do not use the skill's name.</summary>
    public ImmutableArray<string> NearMisses { get; }

    public ReportPart? Find(string name) => Parts.FirstOrDefault(p => p.Name == name);

    public static ReportOutline Parse(string markdown, IReadOnlyList<string> partNames)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(partNames);
        var byKey = partNames.ToDictionary(Normalise, n => n, StringComparer.Ordinal);
        var starts = new List<(string Name, string Label, Block Block, int HeadingLevel)>();
        var nearMisses = new List<string>();
        var blocks = Flatten(MarkdownText.Parse(markdown), byKey).ToList();
        foreach (var block in blocks)
        {
            var (label, level) = LabelOf(block);
            if (label is null)
            {
                continue;
            }

            if (byKey.TryGetValue(Normalise(label), out var name))
            {
                starts.Add((name, label.Trim(), block, level));
            }
            else if (IsNearMiss(label, partNames))
            {
                nearMisses.Add(label.Trim());
            }
        }

        var parts = new List<ReportPart>();
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            if (parts.Any(p => p.Name == start.Name))
            {
                continue;
            }

            var end = i + 1 < starts.Count ? starts[i + 1].Block.Span.Start : markdown.Length;
            var from = blocks.IndexOf(start.Block);
            var body = blocks.Skip(start.HeadingLevel > 0 ? from + 1 : from)
                .TakeWhile(b => b.Span.Start < end)
                .ToImmutableArray();
            parts.Add(new ReportPart(
                start.Name, start.Label, start.Block.Line + 1,
                MarkdownText.Source(markdown, start.Block.Span.Start, end).TrimEnd(), body, start.HeadingLevel));
        }

        return new ReportOutline(markdown, [.. parts], [.. nearMisses]);
    }

    /// <summary>Lower case, numbering and decoration removed: "## 2. Top Issues (ranked):" → "top issues (ranked)".</summary>
    public static string Normalise(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var text = Decoration().Replace(label.Trim().ToLowerInvariant(), " ").Trim();
        text = Numbering().Replace(text, "");
        return Spaces().Replace(text.TrimEnd(':', '-', '—', '–', '.', ' '), " ").Trim();
    }

    // Top-level lists whose items carry part labels are opened up, so "- **Patch sketch** — …" starts a part.
    private static IEnumerable<Block> Flatten(MarkdownDocument document, Dictionary<string, string> byKey)
    {
        foreach (var block in document)
        {
            if (block is ListBlock list && list.OfType<ListItemBlock>().Any(item => LabelOf(item).Label is { } l && byKey.ContainsKey(Normalise(l))))
            {
                foreach (var item in list)
                {
                    yield return item;
                }
            }
            else
            {
                yield return block;
            }
        }
    }

    private static (string? Label, int HeadingLevel) LabelOf(Block block) => block switch
    {
        HeadingBlock heading => (MarkdownText.Plain(heading.Inline), heading.Level),
        ParagraphBlock paragraph => (MarkdownText.LeadingBoldLabel(paragraph), 0),
        ListItemBlock item when item.FirstOrDefault() is ParagraphBlock first => (MarkdownText.LeadingBoldLabel(first), 0),
        _ => (null, 0),
    };

    // A short label sharing the first word of a part name ("Measurement", "Top issues") but not the name.
    private static bool IsNearMiss(string label, IReadOnlyList<string> partNames)
    {
        var key = Normalise(label);
        if (key.Length is 0 or > 60)
        {
            return false;
        }

        var first = key.Split(' ')[0];
        return partNames.Any(n => Normalise(n).Split(' ')[0] == first);
    }

    [GeneratedRegex(@"[*_`#]+")]
    private static partial Regex Decoration();

    [GeneratedRegex(@"^(?:part\s+)?(?:\d+|[ivx]+)\s*[.):—–-]\s*")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
