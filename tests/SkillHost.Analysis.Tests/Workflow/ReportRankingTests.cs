using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>
/// What the report ranks first and says: code beside the product (benchmarks, tests, scripts) never makes the hot path
/// hypothesis however large its estimate; figures resting on the scenario count say so; async code is measured with a
/// sampling profiler, not a microbenchmark.
/// </summary>
public sealed class ReportRankingTests
{
    private static PerformanceWorkflow Workflow => WorkflowFixture.Workflow;

    // Three nested loops over data: the largest estimate of the review.
    private const string Bench = "import json\n\ndef bench(batches):\n    for batch in batches:\n        for line in batch:\n            for part in line:\n                json.loads(part)\n";

    // One loop: a far smaller estimate.
    private const string Handler = "import logging\nlog = logging.getLogger(__name__)\n\ndef handle(request, rows):\n    for row in rows:\n        log.debug(f\"row {row}\")\n";

    [Fact]
    public void Given_a_costly_benchmark_and_a_cheap_handler_Then_the_handler_makes_the_hypothesis_and_ranks_first()
    {
        var result = Workflow.Review([new SourceInput(Bench, "benches/bench_parse.py"), new SourceInput(Handler, "app/handlers.py")]);

        Assert.True(result.Outcome.Findings.Any(f => f.Path == "benches/bench_parse.py"), "the benchmark's finding is still found");
        Assert.Equal("app/handlers.py", result.Report.TopIssues[0].Path);
        Assert.Contains("app/handlers.py", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("bench_parse", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_only_benchmark_code_Then_the_hypothesis_names_no_hot_path()
    {
        var result = Workflow.Review([new SourceInput(Bench, "benches/bench_parse.py")]);

        Assert.NotEmpty(result.Report.TopIssues);
        Assert.Null(result.Report.HotPathHypothesis.Estimate);
        Assert.StartsWith("No finding lies in hot or library code", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_assumed_count_Then_the_report_states_the_assumption_once_and_the_issue_says_if()
    {
        var markdown = MarkdownReportRenderer.Render(Workflow.Review([new SourceInput(Handler, "app/handlers.py")]).Report);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(markdown, "^Assumption: ", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Contains("Estimate: if `rows` has 1,000 items: 1,000 ×", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_counts_the_code_states_Then_the_report_makes_no_assumption()
    {
        const string Stated = "import logging\nlog = logging.getLogger(__name__)\n\ndef flush():\n    for shard in range(16):\n        for key in range(500):\n            log.debug(f\"{shard} {key}\")\n";

        var report = Workflow.Review([new SourceInput(Stated, "app/flush.py")]).Report;

        Assert.Null(report.Assumption);
        Assert.Equal(PassSource.Code, report.TopIssues[0].Estimate!.Passes.Source);
        Assert.Contains("8,000 ×", report.TopIssues[0].EstimateText, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_async_rust_code_Then_the_plan_names_a_sampling_profiler_and_no_microbenchmark()
    {
        const string Async = "async fn ship(readings: Vec<f64>) {\n    for reading in readings {\n        tokio::spawn(async move { reading * 2.0 });\n    }\n}\n";

        var plan = Workflow.Review([new SourceInput(Async, "src/ship.rs")]).Report.MeasurementPlan;

        Assert.NotEmpty(plan.Steps);
        Assert.DoesNotContain(plan.Steps, s => s.Why.Contains("microbenchmark", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(plan.Steps, s => s.Why.Contains("sampling", StringComparison.OrdinalIgnoreCase));
    }
}
