using SkillHost.Analysis.Rules;
using SkillHost.Skills;
using SkillHost.Skills.Durations;

namespace SkillHost.Analysis.Cost;

/// <summary>
/// The skill's step 2 as an operation: counts of operations, priced with the skill's own cost tables
/// (never figures of its own), multiplied and summed as ranges, the dominant term named, and overlap
/// applied when the work runs concurrently. Built once per parsed skill; thread-safe.
/// </summary>
public sealed class CostEstimator
{
    /// <summary>Concurrency above this is refused as a typo rather than a design.</summary>
    public const int MaxConcurrency = 1_000_000;

    private readonly CostRowMatcher _matcher;

    public CostEstimator(SkillDocument skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        Skill = skill;
        _matcher = new CostRowMatcher(skill);
    }

    public SkillDocument Skill { get; }

    /// <summary>The matcher, for callers that only want to know which row an operation names.</summary>
    public CostRowMatcher Rows => _matcher;

    /// <summary>Parses each <c>"operation=count[@duration]"</c> and estimates them together.</summary>
    /// <exception cref="CostEstimateException">A text is malformed, an operation unknown, a count or the concurrency not usable.</exception>
    public CostEstimate Estimate(IEnumerable<string> operations, int? concurrency = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return Estimate([.. operations.Select(OperationCount.Parse)], concurrency);
    }

    /// <summary>Prices every operation and sums them; see <see cref="CostEstimate"/>.</summary>
    /// <exception cref="CostEstimateException">No operations, an unknown operation, a bad count or concurrency.</exception>
    public CostEstimate Estimate(IReadOnlyList<OperationCount> operations, int? concurrency = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            throw new CostEstimateException("Nothing to estimate: pass at least one \"operation=count\", e.g. \"python function call=10000\".");
        }

        if (concurrency is < 1 or > MaxConcurrency)
        {
            throw new CostEstimateException($"Concurrency must be between 1 and {CostText.Count(MaxConcurrency)} (how many operations wait at the same time); got {concurrency}.");
        }

        var lines = operations.Select(Price).ToList();
        var total = new DurationRange(lines.Sum(l => l.Total.MinNs), lines.Sum(l => l.Total.MaxNs), lines.Any(l => l.Total.Approximate));
        var dominant = lines.MaxBy(l => l.Total.MidpointNs);
        var share = total.MidpointNs > 0 && dominant is not null ? dominant.Total.MidpointNs / total.MidpointNs : 0;
        DurationRange? overlapped = null;
        if (concurrency is { } n)
        {
            // Concurrent waits cost the longest one, not the sum: n at a time take total/n, and never less than one wait.
            var longestMin = lines.Where(l => l.Count > 0).Select(l => l.PerItem.MinNs).DefaultIfEmpty(0).Max();
            var longestMax = lines.Where(l => l.Count > 0).Select(l => l.PerItem.MaxNs).DefaultIfEmpty(0).Max();
            overlapped = new DurationRange(Math.Max(total.MinNs / n, longestMin), Math.Max(total.MaxNs / n, longestMax), total.Approximate);
        }

        return new CostEstimate(lines, total, dominant, share, concurrency, overlapped);
    }

    /// <summary>The lines of a skill template (all but its "Total" line) as operations with their own costs, to re-estimate it.</summary>
    public static IReadOnlyList<OperationCount> FromTemplate(EstimationTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return
        [
            .. template.Lines
                .Where(l => l.Duration is not null && !IsTotal(l))
                .Select(l => new OperationCount(l.Label, l.Count ?? 1, l.PerItem ?? l.Duration, l.Label)),
        ];
    }

    /// <summary>The template's own "Total" line, if it has one.</summary>
    public static TemplateLine? TemplateTotal(EstimationTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Lines.LastOrDefault(IsTotal);
    }

    private static bool IsTotal(TemplateLine line) => line.Label.StartsWith("total", StringComparison.OrdinalIgnoreCase);

    private CostLine Price(OperationCount operation)
    {
        OperationCount.CheckCount(operation.Count, operation.Operation);
        var label = operation.Label ?? operation.Operation;
        CostRowMatch row;
        DurationRange perItem;
        if (operation.PerItem is { } given)
        {
            if (given.MinNs < 0 || !double.IsFinite(given.MaxNs))
            {
                throw new CostEstimateException($"The cost given for '{operation.Operation}' must be a finite, non-negative duration.");
            }

            perItem = given;
            row = new CostRowMatch("given", operation.Operation, CostText.PerItem(given), 0, MatchKind.Given);
        }
        else
        {
            var (table, match, kind) = _matcher.Match(operation.Operation);
            perItem = new DurationRange(match.MinNs, match.MaxNs);
            row = new CostRowMatch(table.Title, match.Operation, match.Text, match.Line, kind, table.Source);
        }

        var total = perItem.Times(operation.Count);
        return new CostLine(label, operation.Count, perItem, total, row, CostText.Line(operation.Count, perItem, total));
    }
}
