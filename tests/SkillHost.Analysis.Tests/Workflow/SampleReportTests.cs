using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>
/// The repository's <c>samples/</c> (Python, Rust and PyO3 code with real problems) reviewed end to end:
/// the five-part reports are golden files (<c>UPDATE_GOLDEN=1</c> rewrites them), and the samples keep
/// exercising a wide part of the checklist.
/// </summary>
public sealed class SampleReportTests
{
    private static readonly string[] Groups = ["python/", "rust/", "pyo3/"];

    private static WorkflowResult Review(string folder) => WorkflowFixture.Workflow.ReviewPaths([folder], RepoPaths.Root);

    [Theory]
    [InlineData("samples", "samples.md")]
    [InlineData("samples/python", "samples_python.md")]
    [InlineData("samples/rust", "samples_rust.md")]
    [InlineData("samples/pyo3", "samples_pyo3.md")]
    public void Given_a_samples_folder_When_reviewed_Then_the_report_matches_its_golden_file(string folder, string golden)
    {
        var result = Review(folder);

        Assert.Empty(result.Outcome.Skipped);
        GoldenFile.Verify(WorkflowFixture.GoldenPath(golden), MarkdownReportRenderer.Render(result.Report));
    }

    [Fact]
    public void Given_all_samples_When_reviewed_Then_the_findings_list_matches_its_golden_file()
    {
        var result = Review("samples");
        using var writer = new StringWriter();
        ReportFormats.Write(ReportFormats.Text, new ReviewReport(result.Outcome, WorkflowFixture.Workflow.Rules, new ReportTool("skillhost", "0.0.0-test", ReportTool.DefaultInformationUri), RepoPaths.Root), writer);

        GoldenFile.Verify(WorkflowFixture.GoldenPath("samples.txt"), writer.ToString());
    }

    [Fact]
    public void Given_all_samples_When_reviewed_Then_they_exercise_every_checklist_group_and_many_items()
    {
        var findings = Review("samples").Outcome.Findings;

        var slugs = findings.Select(f => f.Rule.Slug).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(slugs.Count >= 15, $"only {slugs.Count} checklist items: {string.Join(", ", slugs)}");
        Assert.All(Groups, group => Assert.Contains(slugs, s => s.StartsWith(group, StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_the_python_samples_When_reviewed_Then_test_code_ranks_after_application_and_library_code()
    {
        var issues = Review("samples/python").Report.TopIssues;

        var firstTest = issues.ToList().FindIndex(i => i.CodeClass == "test");
        Assert.True(firstTest == -1 || issues.Skip(firstTest).All(i => i.CodeClass == "test"), string.Join("\n", issues.Select(i => $"{i.Rank} {i.CodeClass} {i.Slug}")));
        Assert.DoesNotContain(Review("samples/python").Outcome.Findings, f => f.Path.Contains("tests/", StringComparison.Ordinal) && !f.Rule.Slug.EndsWith("/quadratic", StringComparison.Ordinal) && issues.Any(i => i.Path == f.Path && i.Line == f.Start.Line));
    }
}
