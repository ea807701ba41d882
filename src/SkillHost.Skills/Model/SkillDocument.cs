using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SkillHost.Skills;

/// <summary>A parsed SKILL.md: its frontmatter, section tree and every convention SkillHost recognised in it.</summary>
/// <remarks>
/// Serialised as-is (camelCase) by <see cref="Json.SkillJsonContext"/>; the property names are the public JSON contract.
/// Cost tables, code blocks, examples and templates include those found in linked reference files
/// (each carries its <c>source</c>); the checklist and report parts come from the first file that has them.
/// </remarks>
public sealed record SkillDocument(
    string? Name,
    string? Description,
    FrontmatterMap? Frontmatter,
    ImmutableArray<Section> Sections,
    ImmutableArray<CostTable> CostTables,
    Checklist? Checklist,
    ImmutableArray<WorkedExample> Examples,
    ImmutableArray<CodeBlock> CodeBlocks,
    ImmutableArray<string> ReportParts,
    ImmutableArray<EstimationTemplate> Templates,
    ImmutableArray<SkillReference> References,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Checklists besides the review checklist (<see cref="Checklist"/>), from the same file, in document order.</summary>
    public ImmutableArray<Checklist> OtherChecklists { get; init; } = [];

    /// <summary>True when parsing produced an error-severity diagnostic.</summary>
    [JsonIgnore]
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Depth-first search of the heading tree (SKILL.md only) for the first section whose title satisfies <paramref name="match"/>.</summary>
    public Section? FindSection(Func<Section, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var stack = new Stack<Section>(Sections.Reverse());
        while (stack.Count > 0)
        {
            var section = stack.Pop();
            if (match(section))
            {
                return section;
            }

            for (var i = section.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(section.Children[i]);
            }
        }

        return null;
    }
}
