using System.Globalization;
using SkillHost.Skills.Durations;

namespace SkillHost.Analysis.Cost;

/// <summary>How estimates write counts and durations: "10,000 × 50–100 ns = 0.5–1 ms".</summary>
public static class CostText
{
    /// <summary>A count with thousands separators ("10,000"), or up to two decimals below 1,000 ("2.5").</summary>
    public static string Count(double count) =>
        Math.Abs(count) >= 1000 && count == Math.Floor(count) && Math.Abs(count) < 1e18
            ? count.ToString("#,0", CultureInfo.InvariantCulture)
            : count.ToString(Math.Abs(count) >= 1000 ? "#,0.##" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>A per-item cost: the largest unit that keeps the upper figure at 1 or more ("500 ns", "50–100 µs").</summary>
    public static string PerItem(DurationRange range) => Write(range, threshold: 1);

    /// <summary>
    /// A total as people write them in estimates: the largest unit that keeps the upper figure at 0.5 or
    /// more, so 500,000 ns reads "0.5 ms" (as the skill's templates write it) rather than "500 µs".
    /// </summary>
    public static string Total(DurationRange range) => Write(range, threshold: 0.5);

    /// <summary>"count × per-item = total", the count left out when it is 1.</summary>
    public static string Line(double count, DurationRange perItem, DurationRange total) =>
        count == 1 ? Total(total) : $"{Count(count)} × {PerItem(perItem)} = {Total(total)}";

    private static string Write(DurationRange range, double threshold)
    {
        var (scale, unit) = Unit(range.MaxNs, threshold);
        var prefix = range.Approximate ? "~" : string.Empty;
        var min = Figure(range.MinNs / scale);
        var max = Figure(range.MaxNs / scale);
        return min == max ? $"{prefix}{min} {unit}" : $"{prefix}{min}–{max} {unit}";
    }

    private static (double Scale, string Unit) Unit(double ns, double threshold) =>
        ns >= 1e9 * threshold ? (1e9, "s")
        : ns >= 1e6 * threshold ? (1e6, "ms")
        : ns >= 1e3 * threshold ? (1e3, "µs")
        : (1, "ns");

    private static string Figure(double value) =>
        value >= 1000 ? value.ToString("#,0.##", CultureInfo.InvariantCulture)
        : value >= 10 ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
