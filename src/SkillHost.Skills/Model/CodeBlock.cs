namespace SkillHost.Skills;

/// <summary>A fenced or indented code block with its language and the BAD/GOOD/BETTER label of its leading comment.</summary>
/// <param name="Language">The fence's info string up to the first space; null when absent.</param>
/// <param name="Label">BAD, GOOD or BETTER when the first line is a comment starting with it.</param>
/// <param name="Slug">The checklist slug in brackets after the label (<c># BAD [python/quadratic]: …</c>).</param>
/// <param name="Section">Title of the nearest heading above the block.</param>
/// <param name="Source">File the block came from, relative to the skill folder (null for SKILL.md).</param>
public sealed record CodeBlock(
    string? Language,
    string Code,
    int Line,
    string? Label,
    string? Slug,
    string? Section,
    string? Source = null);
