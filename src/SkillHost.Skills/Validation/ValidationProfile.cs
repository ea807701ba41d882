namespace SkillHost.Skills.Validation;

/// <summary>Which rules a skill is validated against.</summary>
public enum ValidationProfile
{
    /// <summary>The Agent Skills specification, as the reference validator skills-ref 0.1.5 applies it.</summary>
    Spec,

    /// <summary>What Claude Code loads: the spec's fields plus Claude Code's own (when_to_use, hooks, …); name optional.</summary>
    ClaudeCode,
}
