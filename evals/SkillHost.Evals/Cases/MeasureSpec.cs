namespace SkillHost.Evals.Cases;

/// <summary>What a measured case compares: wall time (timeit / a timed Rust harness) or peak memory (tracemalloc).</summary>
public enum MeasureMetric
{
    Time,
    Memory,
}

/// <summary>
/// How the eval runs a case's code and a report's patched code (<c>measure</c> in evals.json): the harness (Python
/// with the standard library, or Rust with <c>std</c> only) builds an input of <see cref="Size"/> items and calls the
/// code under test; the runner times it (or takes its peak memory) <see cref="Runs"/> times and compares the outputs.
/// </summary>
/// <param name="Target">The case file whose code is measured (before) and patched (after).</param>
/// <param name="Harness">The harness: <c>make_input(n)</c> and <c>run(input)</c> in Python; <c>fn make_input(n: usize) -&gt; Input</c> and <c>fn run(input: &amp;Input) -&gt; String</c> (the output as text) in Rust.</param>
public sealed record MeasureSpec(CaseFile Target, CaseFile Harness, CaseLanguage Language, MeasureMetric Metric, int Size, int Runs)
{
    public const int DefaultRuns = 5;
    public const int MaxRuns = 50;
}
