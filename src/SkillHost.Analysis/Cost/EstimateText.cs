using SkillHost.Analysis.Rules;
using SkillHost.Skills.Durations;

namespace SkillHost.Analysis.Cost;

/// <summary>
/// The one formatter of <see cref="FindingEstimate"/>s: every renderer (Markdown, text, the report's issues) writes an
/// estimate with it. A figure built on an assumed count is written as a scenario ("if `orders` has 1,000 items: …"),
/// never as a fact.
/// </summary>
public static class EstimateText
{
    /// <summary>
    /// "8,000 × 50–100 ns = 0.4–0.8 ms per call, counts stated in the code (Python costs: …)", or
    /// "if `orders` has 1,000 items: 1,000 × 50–100 ns ≈ 50–100 µs per call (Python costs: …)".
    /// </summary>
    public static string Sentence(FindingEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return $"{Figure(estimate)} ({estimate.PerPass.Row})";
    }

    /// <summary>The sentence without the cost-table row: the arithmetic and, when assumed, the scenario it holds under.</summary>
    public static string Figure(FindingEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var perPass = new DurationRange(estimate.PerPass.MinNs, estimate.PerPass.MaxNs);
        var scenario = estimate.Scenario;
        var total = new DurationRange(scenario.MinNs, scenario.MaxNs);
        var passes = estimate.Passes;
        var arithmetic = passes.Count == 1 ? CostText.Total(total) : $"{CostText.Count(passes.Count)} × {CostText.PerItem(perPass)} = {CostText.Total(total)}";
        return passes.Source switch
        {
            PassSource.Assumed => $"if {Assumptions(passes.Assumptions)}: {arithmetic} per call",
            PassSource.Profile => $"{arithmetic} per call, counts from the profile",
            _ when passes.Count == 1 => $"{arithmetic} per call",
            _ => $"{arithmetic} per call, counts stated in the code",
        };
    }

    /// <summary>The per-call figure alone ("0.4–0.8 ms"), with "if …" in front when it rests on an assumption.</summary>
    public static string PerCall(FindingEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var s = estimate.Scenario;
        var figure = CostText.Total(new DurationRange(s.MinNs, s.MaxNs));
        return estimate.Total is null ? $"{figure} if {Assumptions(estimate.Passes.Assumptions)}" : figure;
    }

    /// <summary>"`orders` has 1,000 items and `customers` has 1,000 items".</summary>
    public static string Assumptions(IReadOnlyList<string> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        return clauses.Count switch
        {
            0 => "nothing is assumed",
            1 => clauses[0],
            _ => string.Join(", ", clauses.Take(clauses.Count - 1)) + " and " + clauses[^1],
        };
    }

    /// <summary>
    /// Several findings' estimates as one (an issue standing for findings of one rule in one function): the passes add up,
    /// and the total exists only when every one has one.
    /// </summary>
    public static FindingEstimate? Combine(IReadOnlyList<FindingEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        if (estimates.Count == 0)
        {
            return null;
        }

        if (estimates.Count == 1)
        {
            return estimates[0];
        }

        var first = estimates[0];
        var sameRow = estimates.All(e => e.PerPass == first.PerPass);
        var minNs = estimates.Sum(e => e.Scenario.MinNs);
        var maxNs = estimates.Sum(e => e.Scenario.MaxNs);
        var assumed = estimates.Any(e => e.Passes.Source == PassSource.Assumed);
        var count = sameRow ? estimates.Sum(e => e.Passes.Count) : 1;
        var perPass = sameRow ? first.PerPass : new EstimatePerPass(minNs, maxNs, first.PerPass.Row);
        var basis = estimates.Select((e, i) => $"finding {i + 1}: {CostText.Count(e.Passes.Count)} passes").ToList();
        var passes = new EstimatePasses(count, assumed ? PassSource.Assumed : PassSource.Code, basis)
        {
            Assumptions = [.. estimates.SelectMany(e => e.Passes.Assumptions).Distinct(StringComparer.Ordinal)],
        };
        var measured = estimates.Select(e => e.Measured).OfType<MeasuredCost>().MaxBy(m => m.Share);
        return new FindingEstimate(perPass, passes, assumed ? null : new EstimateTotal(minNs, maxNs), measured);
    }

    /// <summary>
    /// "measured: 97% of the run in `dedupe` (callees included; self 97%), 0.26 s of 0.27 s in cProfile, 1 call" — what a
    /// profile measured, never mixed up with an estimate.
    /// </summary>
    public static string Measured(MeasuredCost measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var where = measured.Scope == MeasuredScope.Line ? $"on its line (in `{measured.Function}`)" : $"in `{measured.Function}` (callees included)";
        var amount = measured.Seconds is { } seconds
            ? $"{Seconds(seconds)} of {Seconds(measured.ProfileTotal)}"
            : $"{measured.Samples ?? 0:N0} of {measured.ProfileTotal:N0} samples";
        var calls = measured.Calls is { } c ? $", {c:N0} {(c == 1 ? "call" : "calls")}" : string.Empty;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"measured: {Percent(measured.Share)} of the run {where}, self {Percent(measured.SelfShare)}; {amount} in {measured.Profiler}{calls}");
    }

    /// <summary>"97%", "4.2%", "0.3%", "0%".</summary>
    public static string Percent(double share)
    {
        var p = share * 100;
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return p >= 9.95 || p == 0 ? p.ToString("0", c) + "%" : p >= 0.05 ? p.ToString("0.0", c) + "%" : "<0.1%";
    }

    /// <summary>"0.27 s", "12.3 ms", "45 µs".</summary>
    public static string Seconds(double seconds)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return seconds >= 1 ? seconds.ToString("0.##", c) + " s" : seconds >= 1e-3 ? (seconds * 1e3).ToString("0.#", c) + " ms" : (seconds * 1e6).ToString("0", c) + " µs";
    }
}
