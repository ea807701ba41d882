using System.Collections.Immutable;

namespace SkillHost.Skills.Validation;

/// <summary>The outcome of validating a skill: valid when no problem is an error (warnings are advice).</summary>
public sealed record ValidationResult(string Profile, bool IsValid, ImmutableArray<Diagnostic> Problems);
