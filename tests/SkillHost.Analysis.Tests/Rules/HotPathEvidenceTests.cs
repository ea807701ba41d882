using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Python;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// How many times a finding's code plausibly runs per call (what its estimate multiplies): each nested level over data
/// multiplies by the plausible count, up to two levels; a loop over a written-out handful adds none.
/// </summary>
public sealed class HotPathEvidenceTests
{
    private static readonly double N = new ReviewOptions().AssumeN;

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
    public void Given_a_loop_over_a_written_out_tuple_inside_a_data_loop_Then_the_tuple_counts_its_items_exactly()
    {
        var finding = Only("def f(self, requests):\n    purged = (\"Content-Length\", \"Content-Type\")\n    for r in requests:\n        for h in purged:\n            self.sink.out.put(r, h)\n");

        Assert.Equal(2, finding.Evidence.LoopDepth);
        Assert.Equal(N * 2, finding.Evidence.Repetitions);
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
    [InlineData("python", "SHARDS = 16\nfor i in range(SHARDS):\n    pass\n", 16)]
    [InlineData("python", "N = 1_000\nfor i in range(10, N, 10):\n    pass\n", 99)]
    [InlineData("python", "for name in (\"a\", \"b\", \"c\"):\n    pass\n", 3)]
    [InlineData("python", "NAMES = [\"a\", \"b\",]\nfor name in NAMES:\n    pass\n", 2)]
    [InlineData("python", "n = 5\nn = 6\nfor i in range(n):\n    pass\n", null)]
    [InlineData("rust", "const LANES: usize = 64;\nfn f() {\n    for i in 0..LANES {\n        g(i);\n    }\n}\n", 64)]
    [InlineData("rust", "fn f() {\n    for b in [1u8, 2, 3].iter() {\n        g(b);\n    }\n}\n", 3)]
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

    [Fact]
    public void Given_the_issues_sharded_logging_loop_Then_it_is_priced_at_8000_passes_stated_in_the_code()
    {
        var finding = Assert.Single(RuleFixture.Run(
            [new EagerLogFormattingInLoop()],
            "import logging\nlog = logging.getLogger(__name__)\n\ndef flush():\n    for shard in range(16):\n        for key in range(500):\n            log.debug(f\"flushing {shard} {key}\")\n",
            "flush.py"));

        var estimate = finding.Impact.Estimate!;
        Assert.Equal(8_000, estimate.Passes.Count);
        Assert.Equal(PassSource.Code, estimate.Passes.Source);
        Assert.Empty(estimate.Passes.Assumptions);
        Assert.Equal(8_000 * estimate.PerPass.MinNs, estimate.Total!.MinNs);
        Assert.Contains("8,000 ×", SkillHost.Analysis.Cost.EstimateText.Sentence(estimate), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_nested_loops_the_code_does_not_size_Then_the_count_is_assumed_said_so_and_no_total_is_claimed()
    {
        var estimate = Only("def f(self, orders, customers):\n    for o in orders:\n        for c in customers:\n            self.sink.out.put(o, c)\n").Impact.Estimate!;

        Assert.Equal(PassSource.Assumed, estimate.Passes.Source);
        Assert.Null(estimate.Total);
        Assert.Equal(["`orders` has 1,000 items", "`customers` has 1,000 items"], estimate.Passes.Assumptions);
        Assert.StartsWith("if `orders` has 1,000 items and `customers` has 1,000 items: ", SkillHost.Analysis.Cost.EstimateText.Sentence(estimate), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_three_unsized_levels_Then_assumed_counts_stop_at_a_million_and_the_third_is_listed_not_multiplied()
    {
        var finding = Only("def f(self, xs, ys, zs):\n    for x in xs:\n        for y in ys:\n            for z in zs:\n                self.sink.out.put(x, y, z)\n");
        var estimate = finding.Impact.Estimate!;

        Assert.Equal(HotPathAnalysis.MaxAssumedPasses, finding.Evidence.Repetitions);
        Assert.Equal(2, estimate.Passes.Assumptions.Count);
        Assert.Contains(estimate.Passes.Basis, b => b.Contains("`for z in zs`", StringComparison.Ordinal) && b.Contains("not multiplied", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_code_that_leaves_the_loop_Then_it_counts_once()
    {
        var finding = Assert.Single(RuleFixture.Run(
            [new StdlibJsonOnHotPath()],
            "import json\n\ndef first(lines):\n    for line in lines:\n        if line:\n            return json.loads(line)\n",
            "first.py"));

        Assert.Equal(1, finding.Impact.Estimate!.Passes.Count);
        Assert.Equal(PassSource.Code, finding.Impact.Estimate.Passes.Source);
    }

    [Fact]
    public void Given_a_scenario_count_Then_the_assumed_levels_use_it()
    {
        var options = new ReviewOptions(AssumeN: 50);
        var tree = SkillHost.Analysis.Syntax.SyntaxParsers.Parse(SkillHost.Analysis.Text.SourceText.From("def f(self, rows):\n    for r in rows:\n        self.sink.out.put(r)\n", "app.py"), "app.py")!;

        var finding = Assert.Single(new ChecklistReview(RuleFixture.Skill, [new AttributeChainInLoop()], options).Review([tree]));

        Assert.Equal(50, finding.Evidence.Repetitions);
        Assert.Equal(["`rows` has 50 items"], finding.Impact.Estimate!.Passes.Assumptions);
    }
}
