using System.Text.Json.Serialization;

namespace SkillHost.Analysis.Rules;

/// <summary>Where a finding's pass count comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PassSource>))]
public enum PassSource
{
    /// <summary>Every count is written in the code (literal or constant bounds, a written-out collection), or the code runs once.</summary>
    [JsonStringEnumMemberName("code")]
    Code,

    /// <summary>A profile counted the calls.</summary>
    [JsonStringEnumMemberName("profile")]
    Profile,

    /// <summary>At least one count is the review's scenario value (<see cref="ReviewOptions.AssumeN"/>), not a fact.</summary>
    [JsonStringEnumMemberName("assumed")]
    Assumed,
}

/// <summary>
/// A finding's back-of-the-envelope estimate as data: the cost of one pass (a row of the skill's cost tables), how many
/// passes and where that count comes from, and the total, which exists only when no count is assumed. Renderers format
/// it (<see cref="Cost.EstimateText"/>); nothing parses it back from prose.
/// </summary>
/// <param name="Total">Per call of the enclosing code; null when a count is assumed (the scenario figure is not a fact).</param>
/// <param name="Measured">From a profile; null until one is given.</param>
public sealed record FindingEstimate(EstimatePerPass PerPass, EstimatePasses Passes, EstimateTotal? Total, MeasuredCost? Measured)
{
    /// <summary>The cost per call under the stated scenario (the total when the code states every count): what findings are ranked by.</summary>
    [JsonIgnore]
    public EstimateTotal Scenario => Total ?? new EstimateTotal(PerPass.MinNs * Passes.Count, PerPass.MaxNs * Passes.Count);
}

/// <summary>The cost of one pass, and the cost-table row (or the code's own figure, a sleep's argument) it comes from.</summary>
/// <param name="Row">"Python costs: dict lookup (20-50 ns)", or what the code states ("`time.sleep(0.25)` blocks for 0.25 s by itself").</param>
public sealed record EstimatePerPass(double MinNs, double MaxNs, string Row)
{
    [JsonIgnore]
    public double MidNs => (MinNs + MaxNs) / 2;
}

/// <summary>How many times the priced operation runs per call of the enclosing code.</summary>
/// <param name="Basis">The loops and facts the count is derived from, outermost first ("`for shard in range(16)` (line 2): 16 passes, stated in the code").</param>
public sealed record EstimatePasses(double Count, PassSource Source, IReadOnlyList<string> Basis)
{
    /// <summary>What the count assumes, one clause per assumed level ("`orders` has 1,000 items"); empty when nothing is assumed.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}

/// <summary>A nanosecond range per call.</summary>
public sealed record EstimateTotal(double MinNs, double MaxNs)
{
    [JsonIgnore]
    public double MidNs => (MinNs + MaxNs) / 2;
}

/// <summary>What part of the code a measurement covers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeasuredScope>))]
public enum MeasuredScope
{
    /// <summary>The finding's own lines (the profile's frames carry lines).</summary>
    [JsonStringEnumMemberName("line")]
    Line,

    /// <summary>The function around the finding, callees included (the profile has functions only).</summary>
    [JsonStringEnumMemberName("function")]
    Function,
}

/// <summary>What a profile measured for the finding's code.</summary>
/// <param name="Share">Of the profile's total, 0–1, callees included: on the finding's lines when the profile has lines, else in its enclosing function.</param>
/// <param name="SelfShare">The same without callees.</param>
/// <param name="Function">The enclosing function as the profile names it.</param>
/// <param name="Profiler">"cProfile", "perf", "speedscope", "collapsed stacks".</param>
public sealed record MeasuredCost(double Share, double SelfShare, MeasuredScope Scope, string Function, string Profiler)
{
    /// <summary>Seconds measured on the scope (profiles that measure time), else null.</summary>
    public double? Seconds { get; init; }

    /// <summary>Samples on the scope (sampling profiles), else null.</summary>
    public long? Samples { get; init; }

    /// <summary>How many times the enclosing function was called (pstats' <c>nc</c>), else null.</summary>
    public long? Calls { get; init; }

    /// <summary>The whole profile: seconds or samples, as <see cref="Seconds"/> or <see cref="Samples"/> count.</summary>
    public double ProfileTotal { get; init; }
}
