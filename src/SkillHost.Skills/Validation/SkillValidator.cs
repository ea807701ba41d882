using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SkillHost.Skills.Validation;

/// <summary>
/// Checks a parsed skill's frontmatter against a <see cref="ValidationProfile"/>. The <c>spec</c> profile agrees
/// with skills-ref 0.1.5 on accept/reject for the cases in the differential tests; where skills-ref is looser
/// than the spec's wording (metadata values), the spec profile warns instead of rejecting.
/// </summary>
public static partial class SkillValidator
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 1024;
    public const int MaxCompatibilityLength = 500;

    /// <summary>The fields the Agent Skills spec allows in frontmatter.</summary>
    public static readonly ImmutableArray<string> SpecFields =
        ["name", "description", "license", "compatibility", "metadata", "allowed-tools"];

    /// <summary>Fields Claude Code reads on top of the spec's.</summary>
    public static readonly ImmutableArray<string> ClaudeCodeFields =
    [
        "when_to_use", "argument-hint", "arguments", "disable-model-invocation", "user-invocable", "model",
        "effort", "context", "agent", "hooks", "paths", "shell", "version",
    ];

    /// <summary>Validates <paramref name="document"/>; <paramref name="folderName"/> is the skill folder's name, when known.</summary>
    public static ValidationResult Validate(SkillDocument document, string? folderName, ValidationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Reading errors (no frontmatter, broken YAML, binary…) make any skill invalid; reading warnings are advice.
        var problems = document.Diagnostics.Where(d => d.Source is null).ToList();
        if (document.Frontmatter is { } frontmatter)
        {
            var rules = new FrontmatterRules(frontmatter, folderName, profile, problems);
            rules.CheckFields();
            rules.CheckName();
            rules.CheckDescription();
            rules.CheckCompatibility();
            rules.CheckMetadata();
            rules.CheckClaudeCodeTypes();
        }

        var sorted = problems.OrderBy(p => p.Line).ThenBy(p => p.Code, StringComparer.Ordinal).ToImmutableArray();
        return new ValidationResult(
            profile == ValidationProfile.Spec ? "spec" : "claude-code",
            !sorted.Any(p => p.Severity == DiagnosticSeverity.Error),
            sorted);
    }

    /// <summary>Reads a profile name as typed on the command line (<c>spec</c>, <c>claude-code</c>).</summary>
    public static bool TryParseProfile(string? text, out ValidationProfile profile)
    {
        profile = text?.ToLowerInvariant() switch
        {
            "spec" => ValidationProfile.Spec,
            "claude-code" or "claudecode" => ValidationProfile.ClaudeCode,
            _ => (ValidationProfile)(-1),
        };
        return Enum.IsDefined(profile);
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    internal static partial Regex NameCharacters();
}
