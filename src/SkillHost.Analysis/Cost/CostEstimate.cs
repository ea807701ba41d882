using SkillHost.Skills.Durations;

namespace SkillHost.Analysis.Cost;

/// <summary>One priced operation: count × per-item cost = total, and the row the cost came from.</summary>
/// <param name="Label">The operation as asked (or the caller's label).</param>
/// <param name="Row">The cost-table row used; its <see cref="CostRowMatch.Kind"/> is <see cref="MatchKind.Given"/> when the caller gave the cost.</param>
/// <param name="Text">"10,000 × 50–100 ns = 0.5–1 ms".</param>
public sealed record CostLine(string Label, double Count, DurationRange PerItem, DurationRange Total, CostRowMatch Row, string Text);

/// <summary>
/// A back-of-the-envelope estimate in the skill's step-2 shape: one line per cost, the total, the term
/// that dominates it and, when the work runs concurrently, the wall-clock time with waits overlapped.
/// </summary>
/// <param name="Total">The sum of the lines (sequential execution).</param>
/// <param name="Dominant">The line with the largest (mid-range) total; null when there are no lines.</param>
/// <param name="DominantShare">Its share of the mid-range total, 0–1.</param>
/// <param name="Concurrency">How many operations run at once, when given.</param>
/// <param name="Overlapped">With <paramref name="Concurrency"/>: max(total ÷ concurrency, the longest single operation); null otherwise.</param>
public sealed record CostEstimate(
    IReadOnlyList<CostLine> Lines,
    DurationRange Total,
    CostLine? Dominant,
    double DominantShare,
    int? Concurrency,
    DurationRange? Overlapped)
{
    /// <summary>The estimate as lines of text: one per cost, then the total, the dominant term and the overlap.</summary>
    public IReadOnlyList<string> Describe()
    {
        var text = Lines.Select(l => $"{l.Label}: {l.Text} ({(l.Row.Kind == MatchKind.Given ? "cost given" : l.Row.Describe())})").ToList();
        text.Add($"Total: {CostText.Total(Total)} (estimate, run one after another)");
        if (Dominant is not null && Lines.Count > 1)
        {
            text.Add($"Dominant: {Dominant.Label}, {Math.Round(DominantShare * 100):0}% of the mid-range total");
        }

        if (Concurrency is { } n && Overlapped is { } overlapped)
        {
            text.Add($"With {n} at a time: {CostText.Total(overlapped)} (concurrent waits cost the longest one, not the sum)");
        }

        return text;
    }
}
