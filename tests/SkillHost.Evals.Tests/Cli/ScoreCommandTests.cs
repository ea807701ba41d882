using System.Text.Json;
using SkillHost.Evals.Cli;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Cli;

public sealed class ScoreCommandTests
{
    private static Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => EvalCliHarness.RunAsync(args);

    [Fact]
    public async Task Given_a_good_report_When_scored_Then_the_JSON_has_case_overall_passed_and_checks()
    {
        var (exit, output, _) = await RunAsync("score", "--case", "example-c", RepoPaths.Report("example-c.good.md"));

        Assert.Equal(ExitCodes.Passed, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("example-c", root.GetProperty("case").GetString());
        Assert.Equal(1, root.GetProperty("overall").GetDouble());
        Assert.True(root.GetProperty("passed").GetBoolean());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(SkillHost.Evals.Scoring.ReportScorer.AllChecks().Length, checks.Count);
        Assert.All(checks, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString()));
            Assert.True(c.GetProperty("passed").GetBoolean());
            Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString()));
        });
    }

    [Fact]
    public async Task Given_a_bad_report_When_scored_Then_exit_1_and_the_failed_checks_say_why()
    {
        var (exit, output, _) = await RunAsync("score", "--case", "example-b", RepoPaths.Report("example-b.wrong-issue.md"));

        Assert.Equal(ExitCodes.BelowThreshold, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.True(json.RootElement.GetProperty("overall").GetDouble() < 0.9);
    }

    [Theory]
    [InlineData("no-such-case", "example-a.good.md", "no case 'no-such-case'. Cases: example-a, example-b, example-c")]
    [InlineData("example-a", "missing.md", "cannot read the report")]
    public async Task Given_bad_input_When_scored_Then_exit_2_with_advice(string caseId, string file, string expected)
    {
        var (exit, output, error) = await RunAsync("score", "--case", caseId, RepoPaths.Report(file));

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_binary_file_When_scored_Then_it_is_refused()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "report.md");
        await File.WriteAllBytesAsync(file, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], TestContext.Current.CancellationToken);

        var (exit, _, error) = await RunAsync("score", "--case", "example-a", file);

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("is a binary file", error, StringComparison.Ordinal);
    }
}
