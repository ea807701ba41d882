using System.Collections.Immutable;

namespace SkillHost.Skills;

/// <summary>A Markdown file under the skill folder that SKILL.md links to, parsed with the same machinery.</summary>
/// <param name="Path">Path relative to the skill folder, with forward slashes.</param>
/// <param name="Line">Line in SKILL.md of the first link to it.</param>
public sealed record SkillReference(string Path, int Line, ImmutableArray<Section> Sections);
