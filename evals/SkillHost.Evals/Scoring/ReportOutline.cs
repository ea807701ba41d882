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
/// <param name="Match">How closely the label matches the skill's name (exact, a paraphrase or a synonym).</param>
public sealed record ReportPart(string Name, string Label, int Line, string Markdown, ImmutableArray<Block> Blocks, int HeadingLevel, LabelMatch Match = LabelMatch.Exact);

/// <summary>
/// An agent's Markdown report split into the skill's parts. A part starts at a heading, at a paragraph (or list item)
/// opening with a bold label, or at a paragraph whose first line is a short label ending in a colon
/// ("Measurement Plan:"), when that label names one of the skill's parts as <see cref="PartNaming"/> reads it: the exact
/// name, a paraphrase ("Risks &amp; tradeoffs") or a synonym. When a part is labelled more than one way, the closest
/// labels win, so a "### Risks" sub-heading never cuts a "## Tradeoffs and risks" part short. Labels that share only a
/// first word with a part ("Measurement") are kept as near misses so a check can say what to rename.
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

    public static ReportOutline Parse(string markdown, IReadOnlyList<string> partNames) => Parse(markdown, new PartNaming(partNames));

    public static ReportOutline Parse(string markdown, PartNaming naming)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(naming);
        var candidates = new List<(string Name, string Label, Block Block, int HeadingLevel, LabelMatch Match)>();
        var nearMisses = new List<string>();
        var blocks = Flatten(MarkdownText.Parse(markdown), naming).ToList();
        foreach (var block in blocks)
        {
            var (label, level) = LabelOf(block);
            if (label is null)
            {
                continue;
            }

            if (naming.Match(label) is { } match)
            {
                candidates.Add((match.Name, label.Trim(), block, level, match.Match));
            }
            else if (IsNearMiss(label, naming.PartNames))
            {
                nearMisses.Add(label.Trim());
            }
        }

        // Per part, only its closest labels start it: an exact "## Patch sketch" beats an earlier "### Patch".
        var best = candidates.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Min(c => c.Match), StringComparer.Ordinal);
        var starts = candidates.Where(c => c.Match == best[c.Name]).ToList();
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
                MarkdownText.Source(markdown, start.Block.Span.Start, end).TrimEnd(), body, start.HeadingLevel, start.Match));
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
    private static IEnumerable<Block> Flatten(MarkdownDocument document, PartNaming naming)
    {
        foreach (var block in document)
        {
            if (block is ListBlock list && list.OfType<ListItemBlock>().Any(item => LabelOf(item).Label is { } l && naming.Match(l) is not null))
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
        ParagraphBlock paragraph => (MarkdownText.LeadingBoldLabel(paragraph) ?? ColonLabel(paragraph), 0),
        ListItemBlock item when item.FirstOrDefault() is ParagraphBlock first => (MarkdownText.LeadingBoldLabel(first), 0),
        _ => (null, 0),
    };

    // "Measurement Plan:" alone on the first line of a paragraph: a plain-text label, as models write them.
    private static string? ColonLabel(ParagraphBlock paragraph)
    {
        // Markdig releases a paragraph's source lines once its inlines are parsed: read the inlines up to the first break.
        var first = new System.Text.StringBuilder();
        for (var inline = paragraph.Inline?.FirstChild; inline is not null and not Markdig.Syntax.Inlines.LineBreakInline; inline = inline.NextSibling)
        {
            if (inline is Markdig.Syntax.Inlines.CodeInline)
            {
                return null;
            }

            first.Append(MarkdownText.Plain(inline));
        }

        var line = first.ToString().Trim();
        return line.Length is > 1 and <= 60 && line.EndsWith(':') ? line : null;
    }

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
