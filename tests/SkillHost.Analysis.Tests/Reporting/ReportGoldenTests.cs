using SkillHost.Analysis.Reporting;

namespace SkillHost.Analysis.Tests.Reporting;

/// <summary>The rendered reports of the fixture folder, one golden file per format.</summary>
public sealed class ReportGoldenTests
{
    [Theory]
    [InlineData(ReportFormats.Text, "fixture.txt")]
    [InlineData(ReportFormats.Json, "fixture.json")]
    [InlineData(ReportFormats.Sarif, "fixture.sarif")]
    public void Given_the_fixture_folder_When_rendered_Then_the_report_matches_its_golden_file(string format, string golden) =>
        ReportGolden.Verify(golden, ReportGolden.Render(format, ReportGolden.FixtureReport()));

    [Fact]
    public void Given_the_fixture_folder_When_reviewed_Then_ignored_and_build_folders_are_left_out()
    {
        var outcome = ReportGolden.FixtureReport().Outcome;

        Assert.Equal(["app.py", "lib.rs", "pkg/clean.py", "pkg/util.py"], outcome.Files);
        Assert.Empty(outcome.Skipped);
    }
}
