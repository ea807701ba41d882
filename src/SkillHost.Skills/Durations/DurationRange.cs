using System.Globalization;

namespace SkillHost.Skills.Durations;

/// <summary>A duration as a closed range in nanoseconds; a single figure has <see cref="MinNs"/> = <see cref="MaxNs"/>.</summary>
/// <param name="Approximate">The text said so (<c>~1 µs</c>, <c>≈ 2 ms</c>).</param>
public readonly record struct DurationRange(double MinNs, double MaxNs, bool Approximate = false)
{
    /// <summary>The geometric middle for ranges spanning orders of magnitude would surprise readers; the arithmetic one is what people estimate with.</summary>
    public double MidpointNs => (MinNs + MaxNs) / 2;

    /// <summary>True when the range is one figure.</summary>
    public bool IsExact => MinNs == MaxNs;

    /// <summary>Multiplies both ends, e.g. a per-item cost by an item count.</summary>
    public DurationRange Times(double factor) => new(MinNs * factor, MaxNs * factor, Approximate);

    /// <summary>Human text in the largest unit that keeps the figure ≥ 1, e.g. "50–100 µs".</summary>
    public override string ToString()
    {
        var (scale, unit) = PickUnit(MaxNs);
        var prefix = Approximate ? "~" : string.Empty;
        return IsExact
            ? $"{prefix}{Format(MinNs / scale)} {unit}"
            : $"{prefix}{Format(MinNs / scale)}–{Format(MaxNs / scale)} {unit}";
    }

    private static (double Scale, string Unit) PickUnit(double ns) => ns switch
    {
        >= 1e9 => (1e9, "s"),
        >= 1e6 => (1e6, "ms"),
        >= 1e3 => (1e3, "µs"),
        _ => (1, "ns"),
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
