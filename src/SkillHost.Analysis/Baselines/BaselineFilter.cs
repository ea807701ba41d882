using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Baselines;

/// <summary>
/// Compares a review with a baseline: with <c>known</c> given, drops the findings it holds (as many of each fingerprint
/// as it holds) and remembers the entries nothing matched (fixed since); either way records every finding's fingerprint
/// so the caller can write a new baseline.
/// </summary>
/// <param name="baseDirectory">The folder the baseline's paths are relative to (the baseline file's).</param>
/// <param name="workingDirectory">What the findings' paths are relative to.</param>
public sealed class BaselineFilter(Baseline? known, string baseDirectory, string workingDirectory) : FindingFilter
{
    private readonly Dictionary<Finding, BaselineEntry> _entries = new(ReferenceEqualityComparer.Instance);

    /// <summary>Findings the baseline held, dropped by the last <see cref="Apply"/>.</summary>
    public int Known { get; private set; }

    /// <summary>Baseline entries that no finding of the last <see cref="Apply"/> matched.</summary>
    public IReadOnlyList<BaselineEntry> Fixed { get; private set; } = [];

    public override IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(trees);
        var byPath = trees.Where(t => t.Source.Path is not null).GroupBy(t => t.Source.Path!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _entries.Clear();
        foreach (var finding in findings)
        {
            var fingerprint = FindingFingerprint.Of(finding, byPath.GetValueOrDefault(finding.Path), Path.GetFullPath(finding.Path, workingDirectory), baseDirectory);
            _entries[finding] = new BaselineEntry(fingerprint.Hash, finding.Rule.Id, fingerprint.Path, fingerprint.Function, finding.Start.Line, finding.Message);
        }

        if (known is null)
        {
            return findings;
        }

        var remaining = known.Findings.GroupBy(e => e.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<BaselineEntry>(g), StringComparer.Ordinal);
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            if (remaining.TryGetValue(_entries[finding].Fingerprint, out var queue) && queue.Count > 0)
            {
                queue.Dequeue();
                continue;
            }

            kept.Add(finding);
        }

        Known = findings.Count - kept.Count;
        Fixed = [.. remaining.Values.SelectMany(q => q).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line)];
        return kept;
    }

    /// <summary>A baseline of <paramref name="findings"/> (those of the last <see cref="Apply"/> that are still shown), in report order.</summary>
    public Baseline BaselineOf(IEnumerable<Finding> findings) =>
        new(Baseline.CurrentVersion, [.. findings.Select(f => _entries.GetValueOrDefault(f)).OfType<BaselineEntry>()]);
}
