using System.Text.Json;
using System.Xml.Linq;
using SkillHost.Evals.Cli;
using SkillHost.Evals.Reports;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Cli;

/// <summary>The whole eval run as CI runs it: replay mode, both agents, every case, all outputs written.</summary>
public sealed class RunCommandTests
{
    private static Task<(int Exit, string Out, string Error)> RunAsync(string outputFolder, params string[] args) =>
        EvalCliHarness.RunAsync([.. args, "--out", outputFolder]);

    [Fact]
    public async Task Given_the_shipped_cases_and_cassettes_When_run_in_replay_Then_every_case_passes_for_both_agents()
    {
        using var folder = new TempFolder();

        // --no-measure: running the measured cases' code is a benchmark, kept to the eval run (CI's eval step).
        var (exit, output, error) = await RunAsync(folder.Path, "--cassettes", RepoPaths.Cassettes, "--no-measure");

        Assert.True(exit == ExitCodes.Passed, output + error);
        Assert.DoesNotContain("\"measured\"", File.ReadAllText(Path.Combine(folder.Path, RunOutputs.JsonFile)), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, RunOutputs.JsonFile), TestContext.Current.CancellationToken));
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(Bundled.Cases.Length * 2, runs.Count);
        Assert.Equal(["llm", "pipeline"], runs.Select(r => r.GetProperty("agent").GetString()).Distinct().Order());
        var junit = XDocument.Load(Path.Combine(folder.Path, RunOutputs.JUnitFile));
        Assert.Equal(Bundled.Cases.Length * 2, junit.Descendants("testcase").Count());
        Assert.Empty(junit.Descendants("failure"));
        Assert.True(File.Exists(Path.Combine(folder.Path, RunOutputs.HtmlFile)));
        Assert.Contains("pipeline: 14/14 cases passed".Replace("14", Bundled.Cases.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_case_without_a_cassette_When_replayed_Then_the_run_fails_with_the_miss()
    {
        using var folder = new TempFolder();
        var cassettes = Path.Combine(folder.Path, "cassettes");
        Directory.CreateDirectory(cassettes);
        File.Copy(Path.Combine(RepoPaths.Cassettes, "example-a.json"), Path.Combine(cassettes, "example-a.json"));

        var (exit, output, error) = await RunAsync(Path.Combine(folder.Path, "out"), "--agent", "llm", "--case", "example-a", "--case", "example-b", "--cassettes", cassettes);

        Assert.Equal(ExitCodes.BelowThreshold, exit);
        Assert.Contains("no cassette for case 'example-b'", error, StringComparison.Ordinal);
        Assert.Matches(@"llm\s+example-a\s+1\.00\s+pass", output);
        Assert.Matches(@"llm\s+example-b\s+0\.00\s+FAIL", output);
        var junit = XDocument.Load(Path.Combine(folder.Path, "out", RunOutputs.JUnitFile));
        Assert.Equal("AgentError", Assert.Single(junit.Descendants("failure")).Attribute("type")?.Value);
    }

    [Fact]
    public async Task Given_live_mode_without_an_endpoint_When_run_Then_exit_2_names_the_variables()
    {
        using var folder = new TempFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var arguments = new RunArguments(new EvalArguments(folder.Path, RepoPaths.Skill, RepoPaths.Cases, 0.9, RepoPaths.Cassettes, folder.Path), ["llm"], [], ModelMode.Live);

        var exit = await RunCommand.RunAsync(arguments, _ => null, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("SKILLHOST_EVAL_ENDPOINT and SKILLHOST_EVAL_MODEL", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_case_or_agent_When_run_Then_exit_2()
    {
        using var folder = new TempFolder();

        var unknownCase = await RunAsync(folder.Path, "--case", "nope");
        var unknownAgent = await RunAsync(folder.Path, "--agent", "robot");

        Assert.Equal(ExitCodes.UsageOrInput, unknownCase.Exit);
        Assert.Contains("no case 'nope'", unknownCase.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrInput, unknownAgent.Exit);
        Assert.Contains("robot", unknownAgent.Error, StringComparison.Ordinal);
    }
}
