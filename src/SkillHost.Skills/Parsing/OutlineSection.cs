using Markdig.Syntax;

namespace SkillHost.Skills.Parsing;

/// <summary>Working form of a section while recognisers run: the heading plus the Markdig blocks it owns.</summary>
internal sealed class OutlineSection(string title, int level, int line, OutlineSection? parent)
{
    public string Title { get; } = title;

    public int Level { get; } = level;

    /// <summary>1-based line of the heading.</summary>
    public int Line { get; } = line;

    public OutlineSection? Parent { get; } = parent;

    /// <summary>Top-level blocks between this heading and the next heading.</summary>
    public List<Block> Blocks { get; } = [];

    public List<OutlineSection> Children { get; } = [];

    /// <summary>This section and every section below it, in document order.</summary>
    public IEnumerable<OutlineSection> SelfAndDescendants()
    {
        var stack = new Stack<OutlineSection>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var section = stack.Pop();
            yield return section;
            for (var i = section.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(section.Children[i]);
            }
        }
    }

    /// <summary>Every block (nested ones included) of this section and its sub-sections, in document order.</summary>
    public IEnumerable<Block> AllBlocks() => SelfAndDescendants().SelectMany(s => s.OwnBlocksDeep());

    /// <summary>This section's own blocks and the blocks nested in them (list items, quotes), in document order.</summary>
    public IEnumerable<Block> OwnBlocksDeep()
    {
        foreach (var block in Blocks)
        {
            yield return block;
            if (block is ContainerBlock container)
            {
                foreach (var nested in container.Descendants<Block>())
                {
                    yield return nested;
                }
            }
        }
    }
}
