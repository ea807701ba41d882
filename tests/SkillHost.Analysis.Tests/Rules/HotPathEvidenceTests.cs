using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Python;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// How many times a finding's code plausibly runs per call (what its estimate multiplies): each nested level over data
/// multiplies by the plausible count, up to two levels; a loop over a written-out handful adds none.
/// </summary>
public sealed class HotPathEvidenceTests
{
    private static readonly double N = new ReviewOptions().PlausibleLoopCount;

    private static Finding Only(string code) =>
        Assert.Single(RuleFixture.Run([new AttributeChainInLoop()], code, "app.py"));

    [Fact]
    public void Given_two_nested_loops_over_data_Then_the_code_runs_N_squared_times() =>
        Assert.Equal(N * N, Only("def f(self, rows, cols):\n    for r in rows:\n        for c in cols:\n            self.sink.out.put(r, c)\n").Evidence.Repetitions);

    [Fact]
    public void Given_three_nested_loops_over_data_Then_the_estimate_stops_at_two_levels()
    {
        var finding = Only("def f(self, xs, ys, zs):\n    for x in xs:\n        for y in ys:\n            for z in zs:\n                self.sink.out.put(x, y, z)\n");

        Assert.Equal(3, finding.Evidence.LoopDepth);
        Assert.Equal(N * N, finding.Evidence.Repetitions);
    }

    [Fact]
    public void Given_a_loop_over_a_written_out_tuple_inside_a_data_loop_Then_only_the_data_loop_counts()
    {
        var finding = Only("def f(self, requests):\n    purged = (\"Content-Length\", \"Content-Type\")\n    for r in requests:\n        for h in purged:\n            self.sink.out.put(r, h)\n");

        Assert.Equal(2, finding.Evidence.LoopDepth);
        Assert.Equal(N, finding.Evidence.Repetitions);
    }
}
