using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Suppressions;

/// <summary>What a suppression comment covers.</summary>
public enum SuppressionScope
{
    /// <summary>A comment at the end of a line of code: that line.</summary>
    Line,

    /// <summary>A comment alone on its line: the next line of code.</summary>
    NextLine,

    /// <summary><c>skillhost: ignore-file[…]</c> in the file's first comment block: the whole file.</summary>
    File,
}

/// <summary>
/// One suppression written in the code: <c># skillhost: ignore[PY001, python/quadratic] -- reason</c>,
/// <c>// skillhost: ignore</c>, <c># noqa: PY001</c> or <c>skillhost: ignore-file[…]</c>.
/// </summary>
/// <param name="Comment">Where the comment is (its own line for <see cref="SuppressionScope.NextLine"/>).</param>
/// <param name="TargetLine">The 1-based line whose findings it silences (0 for a whole file).</param>
/// <param name="Selectors">Rule ids, slugs, prefixes or names (as --select takes them); empty for every rule.</param>
/// <param name="Reason">The text after <c> -- </c>, or null.</param>
/// <param name="IsNoqa">Written for flake8/ruff (<c># noqa</c>): never reported as unused, since other tools read it too.</param>
public sealed record SuppressionComment(
    string Path,
    LinePosition Comment,
    int TargetLine,
    SuppressionScope Scope,
    IReadOnlyList<string> Selectors,
    string? Reason,
    bool IsNoqa)
{
    /// <summary>True when the comment silences <paramref name="finding"/> (same file assumed).</summary>
    public bool Covers(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        // A comment ending a statement that spans lines covers a finding that starts or ends on its line.
        var onLine = Scope switch
        {
            SuppressionScope.File => true,
            SuppressionScope.Line => finding.Start.Line == TargetLine || finding.End.Line == TargetLine,
            _ => finding.Start.Line == TargetLine,
        };
        return TargetLine >= 0 && onLine
            && (Selectors.Count == 0 || Selectors.Any(s => RuleSelection.Matches(finding.Rule, s)));
    }

    /// <summary>The comment as a user would recognise it: <c>skillhost: ignore[PY001]</c>.</summary>
    public string Describe() =>
        (IsNoqa ? "noqa" : Scope == SuppressionScope.File ? "skillhost: ignore-file" : "skillhost: ignore")
        + (Selectors.Count == 0 ? "" : (IsNoqa ? ": " + string.Join(", ", Selectors) : "[" + string.Join(", ", Selectors) + "]"));
}
