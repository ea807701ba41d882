using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Suppressions;

/// <summary>
/// Drops the findings that a suppression comment in their file silences, and remembers which comments silenced
/// nothing (<c>--report-unused-ignores</c>). Only files with findings or, when unused ones are wanted, every file, are scanned.
/// </summary>
public sealed class SuppressionFilter(bool findUnused = false) : FindingFilter
{
    /// <summary>Findings dropped by the last <see cref="Apply"/>.</summary>
    public int Suppressed { get; private set; }

    /// <summary><c>skillhost:</c> comments that silenced nothing in the last <see cref="Apply"/> (with <c>findUnused</c>), in file order.</summary>
    public IReadOnlyList<SuppressionComment> Unused { get; private set; } = [];

    public override IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(trees);
        var byFile = findings.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var dropped = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var unused = new List<SuppressionComment>();
        foreach (var tree in trees.OrderBy(t => t.Source.Path, StringComparer.Ordinal))
        {
            var own = byFile.GetValueOrDefault(tree.Source.Path ?? "");
            if (own is null && !findUnused)
            {
                continue;
            }

            foreach (var comment in SuppressionScanner.Scan(tree.Source, tree.Language))
            {
                var covered = own?.Where(comment.Covers).ToList() ?? [];
                dropped.UnionWith(covered);
                if (covered.Count == 0 && !comment.IsNoqa)
                {
                    unused.Add(comment);
                }
            }
        }

        Suppressed = dropped.Count;
        Unused = findUnused ? unused : [];
        return dropped.Count == 0 ? findings : [.. findings.Where(f => !dropped.Contains(f))];
    }
}
