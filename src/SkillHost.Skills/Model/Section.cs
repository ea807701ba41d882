using System.Collections.Immutable;

namespace SkillHost.Skills;

/// <summary>A heading and the Markdown under it up to the next heading, with its sub-sections.</summary>
/// <param name="Level">1–6 for headings; 0 for the untitled text before the first heading.</param>
/// <param name="Line">1-based source line of the heading.</param>
/// <param name="Text">The section's own Markdown source (not its children's), trimmed.</param>
public sealed record Section(string Title, int Level, int Line, string Text, ImmutableArray<Section> Children);
