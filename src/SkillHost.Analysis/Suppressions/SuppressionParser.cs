using System.Text.RegularExpressions;

namespace SkillHost.Analysis.Suppressions;

/// <summary>
/// Reads one comment's text (after <c>#</c> or <c>//</c>) as a suppression: <c>skillhost: ignore</c>,
/// <c>skillhost: ignore[ID, slug] -- reason</c>, <c>skillhost: ignore-file[…]</c>, and flake8's <c>noqa</c> /
/// <c>noqa: ID, ID</c>. Anything else is not a suppression.
/// </summary>
public static partial class SuppressionParser
{
    /// <summary>A parsed directive: whole file or not, the selectors (empty = every rule), the reason, and whether it is a noqa.</summary>
    public readonly record struct Directive(bool WholeFile, IReadOnlyList<string> Selectors, string? Reason, bool IsNoqa);

    /// <summary>The directive in <paramref name="comment"/> (the comment's text without its marker), or null.</summary>
    public static Directive? Parse(string comment, bool allowNoqa)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (SkillHostDirective().Match(comment) is { Success: true } match)
        {
            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null;
            return new Directive(match.Groups["file"].Success, Split(match.Groups["ids"].Value), string.IsNullOrEmpty(reason) ? null : reason, IsNoqa: false);
        }

        if (allowNoqa && NoqaDirective().Match(comment) is { Success: true } noqa)
        {
            return new Directive(false, Split(noqa.Groups["ids"].Value), null, IsNoqa: true);
        }

        return null;
    }

    private static string[] Split(string ids) =>
        ids.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "skillhost: ignore", "skillhost:ignore[PY001,RS003]", "skillhost: ignore-file[PY] -- generated code". The directive
    // starts the comment; a bracket that never closes is not a directive (so a typo silences nothing).
    [GeneratedRegex(@"^\s*skillhost:\s*ignore(?<file>-file)?(?:\[(?<ids>[^\]]*)\])?\s*(?:$|--\s*(?<reason>.*)$)", RegexOptions.CultureInvariant)]
    private static partial Regex SkillHostDirective();

    // flake8's form: "noqa" alone, or "noqa: E501,W291" / "noqa:E501 W291"; it may follow other text ("type: ignore  # noqa").
    [GeneratedRegex(@"(?:^|[\s#])noqa(?::\s*(?<ids>[A-Za-z][\w/-]*(?:[\s,]+[A-Za-z][\w/-]*)*))?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NoqaDirective();
}
