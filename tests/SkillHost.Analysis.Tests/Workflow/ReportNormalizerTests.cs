using SkillHost.Analysis.Reporting;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary><c>format_report</c>: an agent's report rearranged into the skill's five parts, with what is missing.</summary>
public sealed class ReportNormalizerTests
{
    private static ReportNormalizer Normalizer => WorkflowFixture.Workflow.Normalizer;

    private static IReadOnlyList<string> Parts => WorkflowFixture.Skill.ReportParts;

    private const string Complete = """
        Some preamble the agent wrote.

        **Hot-path hypothesis:** the per-row call into Rust dominates: an estimate of 10,000 × 200 ns = 2 ms.

        ### Top issues
        1. One crossing per row → estimate 2–5 ms → fix: add a batch entry point → expected impact: about 10× faster.

        **Patch sketch**
        ```python
        verdicts = skus_are_valid(skus)
        ## not a heading: inside code
        ```

        ## Trade-offs and risks
        - Results arrive all at once.

        ## Measurement plan
        Run py-spy on 10,000 rows; success is the call dropping below 0.5 ms.
        """;

    [Fact]
    public void Given_a_complete_markdown_report_with_other_spellings_Then_it_is_normalised_under_the_skills_names()
    {
        var normalized = Normalizer.Normalize(Complete);

        Assert.Equal("markdown", normalized.InputFormat);
        Assert.Empty(normalized.Missing);
        Assert.Equal(Parts, normalized.Parts.Select(p => p.Name));
        Assert.Equal(["Hot-path hypothesis", "Top issues", "Patch sketch", "Trade-offs and risks", "Measurement plan"], normalized.Parts.Select(p => p.FoundAs));
        Assert.Contains("## not a heading: inside code", normalized.Parts[2].Content, StringComparison.Ordinal);
        Assert.Equal("Some preamble the agent wrote.", normalized.Unplaced);
        var positions = Parts.Select(p => normalized.Markdown.IndexOf($"\n## {p}\n", StringComparison.Ordinal)).ToList();
        Assert.StartsWith($"## {Parts[0]}\n", normalized.Markdown, StringComparison.Ordinal);
        Assert.Equal(positions.Skip(1).Order(), positions.Skip(1));
        Assert.DoesNotContain(-1, positions.Skip(1));
    }

    [Fact]
    public void Given_a_report_missing_parts_and_details_Then_each_gap_is_listed()
    {
        var normalized = Normalizer.Normalize("## Top issues (ranked)\n1. The loop is slow.\n\n## Measurement plan\nProfile it.\n");

        Assert.Contains($"{Parts[0]}: missing.", normalized.Missing);
        Assert.Contains($"{Parts[2]}: missing.", normalized.Missing);
        Assert.Contains($"{Parts[3]}: missing.", normalized.Missing);
        Assert.Contains(normalized.Missing, m => m.StartsWith($"{Parts[1]}: no issue names its fix", StringComparison.Ordinal));
        Assert.Contains(normalized.Missing, m => m.StartsWith($"{Parts[1]}: no issue states its expected impact", StringComparison.Ordinal));
        Assert.Contains(normalized.Missing, m => m.StartsWith($"{Parts[4]}: no success criterion", StringComparison.Ordinal));
        Assert.Contains("_Missing._", normalized.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_parts_out_of_order_Then_they_are_reordered_and_the_order_is_reported()
    {
        var normalized = Normalizer.Normalize("## Measurement plan\nRun py-spy; success: 2× faster.\n\n## Hot path hypothesis\nThe loop, an estimate of 1 ms.\n");

        Assert.Contains(normalized.Missing, m => m.StartsWith("The parts are out of order", StringComparison.Ordinal));
        Assert.True(normalized.Markdown.IndexOf($"## {Parts[0]}", StringComparison.Ordinal) < normalized.Markdown.IndexOf($"## {Parts[4]}", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_figures_never_marked_as_estimates_Then_that_is_listed()
    {
        var normalized = Normalizer.Normalize("## Hot path hypothesis\nThe loop costs 5 ms.\n");

        Assert.Contains(normalized.Missing, m => m.StartsWith("Figures are not marked", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_json_report_with_camel_case_keys_Then_it_is_read_as_the_five_parts()
    {
        var json = """
            {
              "hotPathHypothesis": "The per-row call dominates (estimate: 2 ms).",
              "topIssues": [{ "issue": "one crossing per row", "estimate": "10,000 × 200 ns = 2 ms", "fix": "batch entry point", "expectedImpact": "10× faster" }],
              "patchSketch": "`skus_are_valid(skus)`",
              "tradeoffsAndRisks": ["results arrive at once"],
              "measurementPlan": { "tool": "py-spy", "successCriterion": "below 0.5 ms per batch" },
              "author": "agent"
            }
            """;

        var normalized = Normalizer.Normalize(json);

        Assert.Equal("json", normalized.InputFormat);
        Assert.Empty(normalized.Missing);
        Assert.Contains("Fix: batch entry point", normalized.Parts[1].Content, StringComparison.Ordinal);
        Assert.Contains("author", normalized.Unplaced, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_workflows_own_json_report_Then_it_normalises_without_gaps()
    {
        var example = WorkflowFixture.Example("C");
        var report = WorkflowFixture.Workflow.Review(WorkflowFixture.ExampleInputs(example)).Report;

        var normalized = Normalizer.Normalize(WorkflowJson.Serialize(report));

        Assert.Equal("json", normalized.InputFormat);
        Assert.Empty(normalized.Missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Given_an_empty_report_Then_it_is_refused_with_what_to_pass(string text) =>
        Assert.Contains("The report is empty", Assert.Throws<ArgumentException>(() => Normalizer.Normalize(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Given_a_huge_report_Then_it_is_refused() =>
        Assert.Contains("over the", Assert.Throws<ArgumentException>(() => Normalizer.Normalize(new string('x', ReportNormalizer.MaxInputChars + 1))).Message, StringComparison.Ordinal);
}
