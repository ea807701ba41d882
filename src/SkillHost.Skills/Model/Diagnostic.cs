using System.Text.Json.Serialization;

namespace SkillHost.Skills;

/// <summary>How bad a <see cref="Diagnostic"/> is; errors make a skill invalid.</summary>
public enum DiagnosticSeverity
{
    [JsonStringEnumMemberName("error")]
    Error,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("info")]
    Info,
}

/// <summary>A problem found while reading or validating a skill, with the 1-based line it points at.</summary>
/// <param name="Source">The file it concerns, relative to the skill folder (null for SKILL.md itself).</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, int Line, string? Source = null)
{
    public override string ToString() =>
        $"{Source ?? "SKILL.md"}:{Line}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
