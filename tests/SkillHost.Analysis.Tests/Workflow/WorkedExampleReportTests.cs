using SkillHost.Analysis.Reporting;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>
/// The skill's worked examples as specifications of the whole workflow: reviewing each example's input
/// code (read from the parsed skill) must put the checklist item the example's fix names first, with all five parts.
/// </summary>
public sealed class WorkedExampleReportTests
{
    public static TheoryData<string> ExampleIds => [.. WorkflowFixture.Skill.Examples.Select(e => e.Id)];

    [Fact]
    public void Given_the_bundled_skill_Then_it_has_the_three_worked_examples() =>
        Assert.Equal(["A", "B", "C"], WorkflowFixture.Skill.Examples.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void Given_an_example_input_When_reviewed_Then_the_top_issue_is_the_one_the_example_names(string id)
    {
        var example = WorkflowFixture.Example(id);
        var expected = example.FixCode.Select(b => b.Slug).OfType<string>().Distinct().Single();

        var report = WorkflowFixture.Workflow.Review(WorkflowFixture.ExampleInputs(example)).Report;

        Assert.NotEmpty(report.TopIssues);
        Assert.Equal(expected, report.TopIssues[0].Slug);
    }

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void Given_an_example_input_When_reviewed_Then_the_markdown_has_the_five_parts_named_as_the_skill_names_them(string id)
    {
        var example = WorkflowFixture.Example(id);

        var result = WorkflowFixture.Workflow.Review(WorkflowFixture.ExampleInputs(example));
        var markdown = MarkdownReportRenderer.Render(result.Report);

        var headings = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        Assert.Equal(WorkflowFixture.Skill.ReportParts, headings);
        var normalized = WorkflowFixture.Workflow.FormatReport(markdown);
        Assert.True(normalized.IsComplete, string.Join("\n", normalized.Missing));
        GoldenFile.Verify(WorkflowFixture.GoldenPath($"example_{id.ToLowerInvariant()}.md"), markdown);
    }
}
