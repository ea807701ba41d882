using Markdig.Syntax;

namespace SkillHost.Skills.Parsing;

/// <summary>A Markdown file cut into a heading tree; the recognisers read it, then it becomes <see cref="Section"/> records.</summary>
internal sealed class MarkdownOutline
{
    private readonly Dictionary<Block, OutlineSection> _owners = new(ReferenceEqualityComparer.Instance);

    private MarkdownOutline(string text, string? source)
    {
        Text = text;
        Source = source;
    }

    /// <summary>The whole file text the Markdig spans point into.</summary>
    public string Text { get; }

    /// <summary>Path relative to the skill folder; null for SKILL.md.</summary>
    public string? Source { get; }

    /// <summary>Top-level sections; a level-0 section holds any text before the first heading.</summary>
    public List<OutlineSection> Roots { get; } = [];

    public IEnumerable<OutlineSection> AllSections() => Roots.SelectMany(r => r.SelfAndDescendants());

    public IEnumerable<Block> AllBlocks() => Roots.SelectMany(r => r.AllBlocks());

    /// <summary>Builds the tree from a parsed document, skipping blocks on or before <paramref name="skipThroughLine"/> (0-based; the frontmatter).</summary>
    public static MarkdownOutline Build(MarkdownDocument document, string text, string? source, int skipThroughLine)
    {
        var outline = new MarkdownOutline(text, source);
        var open = new Stack<OutlineSection>();
        OutlineSection? preamble = null;
        foreach (var block in document)
        {
            if (block.Line <= skipThroughLine)
            {
                continue;
            }

            if (block is HeadingBlock heading)
            {
                while (open.Count > 0 && open.Peek().Level >= heading.Level)
                {
                    open.Pop();
                }

                var parent = open.Count > 0 ? open.Peek() : null;
                var section = new OutlineSection(InlineText.Plain(heading.Inline), heading.Level, heading.Line + 1, parent);
                (parent?.Children ?? outline.Roots).Add(section);
                open.Push(section);
                continue;
            }

            var owner = open.Count > 0 ? open.Peek() : preamble;
            if (owner is null)
            {
                preamble = owner = new OutlineSection(string.Empty, 0, block.Line + 1, null);
                outline.Roots.Add(preamble);
            }

            owner.Blocks.Add(block);
            outline._owners[block] = owner;
        }

        return outline;
    }

    /// <summary>The section owning <paramref name="block"/> (through its top-level ancestor).</summary>
    public OutlineSection? SectionOf(Block block)
    {
        Block? current = block;
        while (current is not null && current.Parent is not MarkdownDocument)
        {
            current = current.Parent;
        }

        return current is not null && _owners.TryGetValue(current, out var owner) ? owner : null;
    }

    /// <summary>The section's own Markdown source, trimmed.</summary>
    public string OwnText(OutlineSection section)
    {
        if (section.Blocks.Count == 0)
        {
            return string.Empty;
        }

        var start = section.Blocks[0].Span.Start;
        var end = Math.Min(section.Blocks[^1].Span.End, Text.Length - 1);
        return end < start ? string.Empty : Text[start..(end + 1)].Trim().ReplaceLineEndings("\n");
    }
}
