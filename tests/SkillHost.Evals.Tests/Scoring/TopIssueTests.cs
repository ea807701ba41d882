using SkillHost.Evals.Scoring;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Scoring;

public sealed class TopIssueTests
{
    [Fact]
    public void Given_the_skills_arrow_form_When_read_Then_the_four_elements_are_the_segments()
    {
        var issue = TopIssue.Read(1, "Clone per item → 2M × 20–50 ns ≈ 40–100 ms → borrow it → 40–100 ms saved");

        Assert.Equal(("Clone per item", "2M × 20–50 ns ≈ 40–100 ms", "borrow it", "40–100 ms saved"), (issue.Issue, issue.Evidence, issue.Fix, issue.Impact));
        Assert.Equal(("duration", 100e6), issue.ImpactSize());
    }

    [Fact]
    public void Given_labelled_elements_When_read_Then_each_label_starts_its_element()
    {
        var issue = TopIssue.Read(1, "**Whole file read** — *Evidence:* readlines. *Fix:* iterate. *Expected impact:* 10–50× faster");

        Assert.Equal(4, issue.ElementCount);
        Assert.Equal("Whole file read", issue.Issue);
        Assert.StartsWith("iterate", issue.Fix, StringComparison.Ordinal);
        Assert.Equal(("factor", 50), issue.ImpactSize());
    }

    [Fact]
    public void Given_an_issue_without_fix_and_impact_When_read_Then_those_are_missing()
    {
        var issue = TopIssue.Read(2, "Slow loop. Evidence: it loops.");

        Assert.Equal(["fix", "expected impact"], issue.Missing());
        Assert.Null(issue.ImpactSize());
    }

    [Fact]
    public async Task Given_issues_as_a_table_When_scored_Then_each_row_is_an_issue_with_its_columns()
    {
        var report = ReportEdits.WithPartBody(
            Bundled.Report("example-c.good.md"),
            Bundled.Rubric.PartNames[1],
            """
            | # | Issue | Evidence / estimate | Fix | Expected impact |
            |---|---|---|---|---|
            | 1 | `sku_is_valid` called once per row | 10,000 × 200–500 ns ≈ 2–5 ms | batch `#[pyfunction]` | 2–5 ms saved |
            | 2 | `rejected.append` in the loop | 10,000 × 20–40 ns | comprehension | at most 0.4 ms |
            """);

        var score = await Bundled.ScoreAsync("example-c", report);

        Assert.True(score.Passed, string.Join("\n", score.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Reason}")));
        Assert.Contains("all 2 issues", score.Checks.Single(c => c.Name == "issue-elements").Reason, StringComparison.Ordinal);
        Assert.Contains("2 impacts in decreasing order", score.Checks.Single(c => c.Name == "ranking").Reason, StringComparison.Ordinal);
    }
}
