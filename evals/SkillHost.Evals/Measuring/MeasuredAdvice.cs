using System.Collections.Immutable;

namespace SkillHost.Evals.Measuring;

/// <summary>How a measurement ended.</summary>
public enum MeasureStatus
{
    /// <summary>Both versions ran on the same input, gave the same output, and the patched one is not slower (or larger).</summary>
    Passed,

    /// <summary>The patched code changed the output, is slower (or uses more memory), or does not run.</summary>
    Failed,

    /// <summary>Not measured: the report's patch holds no runnable change, or the toolchain is missing. Reported, not failed.</summary>
    NotRun,
}

/// <summary>
/// The measured effect of a report's patch on a case (<c>measured</c> in results.json): the case's code (<see cref="Before"/>)
/// and the patched code (<see cref="After"/>) on the same generated input of <see cref="Size"/> items, the best of
/// <see cref="Runs"/> runs in each of <see cref="AdviceMeasurer.Rounds"/> alternating rounds, in <see cref="Unit"/> (seconds per call, or peak bytes), and <see cref="Ratio"/> =
/// before ÷ after (a speed-up, or how many times less memory). <see cref="Claimed"/> is the factor the report promised, when it gave one.
/// </summary>
public sealed record MeasuredAdvice(
    MeasureStatus Status,
    string Metric,
    int Size,
    int Runs,
    double? Before,
    double? After,
    string Unit,
    double? Ratio,
    bool? SameOutput,
    double? Claimed,
    ImmutableArray<string> Notes)
{
    /// <summary>
    /// A patched version at most this much slower still counts as not slower: the best of several alternating runs on a
    /// shared two-core machine still moves by several percent. Memory (tracemalloc) is exact; the same tolerance applies.
    /// </summary>
    public const double NoiseTolerance = 0.10;

    /// <summary>A claim this many times larger or smaller than the measurement is reported.</summary>
    public const double ClaimTolerance = 10;

    public bool Failed => Status == MeasureStatus.Failed;

    public static MeasuredAdvice NotRun(string metric, int size, int runs, string why) =>
        new(MeasureStatus.NotRun, metric, size, runs, null, null, "", null, null, null, [why]);

    /// <summary>One line for tables and reports: "time: 1.2 ms → 0.4 ms (3.0× faster), same output".</summary>
    public string Summary()
    {
        if (Before is not { } before || After is not { } after)
        {
            return $"{Metric}: not measured ({string.Join("; ", Notes)})";
        }

        var change = Ratio is not { } r ? ""
            : r < 1 && r >= 1 - NoiseTolerance ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r:0.##}×: no measurable change, within the {NoiseTolerance:P0} noise allowance")
            : Metric == "memory" ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r:0.##}× {(r >= 1 ? "less" : "MORE")} memory")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r:0.##}× {(r >= 1 ? "faster" : "SLOWER")}");
        var output = SameOutput == true ? "same output" : "DIFFERENT OUTPUT";
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Metric} on {Size:N0} items, best of {Runs}: {Format(before)} → {Format(after)} ({change}), {output}");
        return Notes.IsEmpty ? text : $"{text}; {string.Join("; ", Notes)}";
    }

    private string Format(double value) => Unit switch
    {
        "bytes" => value >= 1 << 20 ? $"{value / (1 << 20):0.##} MiB" : value >= 1 << 10 ? $"{value / (1 << 10):0.#} KiB" : $"{value:0} B",
        _ => new SkillHost.Skills.Durations.DurationRange(value * 1e9, value * 1e9).ToString(),
    };
}
