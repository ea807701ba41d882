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

    [Fact]
    public void Given_nested_loops_whose_counts_the_code_states_Then_the_counts_multiply_exactly()
    {
        var finding = Only("def f(self):\n    for shard in range(16):\n        for key in range(500):\n            self.sink.out.put(shard, key)\n");

        Assert.Equal(8_000, finding.Evidence.Repetitions);
        Assert.Contains(finding.Evidence.Facts, f => f.Contains("500 passes, stated in the code", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_stated_count_inside_a_data_loop_Then_it_multiplies_the_plausible_count()
    {
        var finding = Only("def f(self, rows):\n    for row in rows:\n        for b in range(2**8):\n            self.sink.out.put(row, b)\n");

        Assert.Equal(N * 256, finding.Evidence.Repetitions);
    }

    [Theory]
    [InlineData("python", "for i in range(100):\n    pass\n", 100)]
    [InlineData("python", "for i in range(10, 1_010, 10):\n    pass\n", 100)]
    [InlineData("python", "for i in range(2**8):\n    pass\n", 256)]
    [InlineData("python", "for i in range(n):\n    pass\n", null)]
    [InlineData("rust", "fn f() {\n    for b in 0..=255u8 {\n        g(b);\n    }\n}\n", 256)]
    [InlineData("rust", "fn f() {\n    for i in 0..1_000 {\n        g(i);\n    }\n}\n", 1000)]
    [InlineData("rust", "fn f(n: usize) {\n    for i in 0..n {\n        g(i);\n    }\n}\n", null)]
    public void Given_a_loop_Then_its_trip_count_is_the_one_the_code_states(string language, string code, int? expected)
    {
        var path = language == "python" ? "counts.py" : "counts.rs";
        var tree = SkillHost.Analysis.Syntax.SyntaxParsers.Parse(SkillHost.Analysis.Text.SourceText.From(code, path), path)!;
        var loop = Assert.Single(tree.All<SkillHost.Analysis.Syntax.LoopNode>());

        Assert.Equal(expected, HotPathAnalysis.TripCount(loop) is { } count ? (int)count : null);
    }
}
