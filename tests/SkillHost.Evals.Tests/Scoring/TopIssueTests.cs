using SkillHost.Evals.Scoring;

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
}
