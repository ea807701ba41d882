namespace SkillHost.Skills;

/// <summary>A parsed SKILL.md.</summary>
public sealed record SkillDocument(string Name);
