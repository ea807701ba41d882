using System.Text.Json;
using SkillHost.Analysis.Tests;
using SkillHost.Testing;
using YamlDotNet.RepresentationModel;

namespace SkillHost.Server.Tests.Team;

/// <summary>
/// The repository's <c>action.yml</c>: a composite action whose shell steps are run here as the runner would run them
/// (bash -eo pipefail, inputs as environment variables, GITHUB_OUTPUT a file), with the skillhost these tests built on PATH; the SARIF it
/// writes is checked against the SARIF 2.1.0 schema (tests/clients/validate-sarif.cjs).
/// </summary>
public sealed class GitHubActionTests : IDisposable
{
    private readonly TempGitRepository _repo = new();
    private readonly string _bin = Path.Combine(Path.GetTempPath(), "skillhost-action-bin-" + Guid.NewGuid().ToString("N"));

    public GitHubActionTests()
    {
        Directory.CreateDirectory(_bin);
        var shim = Path.Combine(_bin, "skillhost");
        File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "skillhost.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_bin, recursive: true);
    }

    private static YamlMappingNode Action()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepoPaths.Combine("action.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IReadOnlyList<YamlMappingNode> Steps() =>
        [.. ((YamlSequenceNode)((YamlMappingNode)Action()["runs"])["steps"]).Children.Cast<YamlMappingNode>()];

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";

    [Fact]
    public void Given_the_action_When_read_Then_it_is_a_composite_that_installs_reviews_uploads_sarif_and_diffs_on_pull_requests()
    {
        var action = Action();
        var steps = Steps();

        Assert.Equal("composite", Text((YamlMappingNode)action["runs"], "using"));
        Assert.All(steps.Where(s => Text(s, "run").Length > 0), s => Assert.Equal("bash", Text(s, "shell")));
        Assert.Contains(steps, s => Text(s, "uses").StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal));
        Assert.Contains(steps, s => Text(s, "run").Contains("dotnet tool install", StringComparison.Ordinal));
        var review = Assert.Single(steps, s => Text(s, "id") == "review");
        Assert.Contains("pull_request", ((YamlScalarNode)((YamlMappingNode)review["env"])["DIFF_BASE"]).Value, StringComparison.Ordinal);
        foreach (var input in new[] { "path", "args", "diff-on-pull-request", "upload-sarif", "sarif-file" })
        {
            Assert.True(((YamlMappingNode)action["inputs"]).Children.ContainsKey(new YamlScalarNode(input)), $"input {input} missing");
        }
    }

    [Fact]
    public async Task Given_every_shell_step_When_checked_by_bash_Then_each_parses()
    {
        foreach (var step in Steps().Where(s => Text(s, "run").Length > 0))
        {
            var script = Path.Combine(_bin, "step.sh");
            await File.WriteAllTextAsync(script, Text(step, "run"), TestContext.Current.CancellationToken);
            var (exitCode, output) = await ProcessRunner.RunAsync("bash", ["-n", script], _bin, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.True(exitCode == 0, $"step '{Text(step, "name")}' does not parse: {output}");
        }
    }

    [Fact]
    public async Task Given_a_repository_with_a_finding_When_the_review_step_runs_Then_it_writes_valid_sarif_annotations_and_outputs()
    {
        _repo.Write("app.py", "def dedupe(rows):\n    out = []\n    for r in rows:\n        if r not in out:\n            out.append(r)\n    return out\n");

        var (exitCode, output, outputs, sarif) = await RunReviewStep(diffBase: "");

        Assert.True(exitCode == 0, output);
        Assert.Contains("findings=1", outputs, StringComparison.Ordinal);
        Assert.Contains("sarif-file=skillhost.sarif", outputs, StringComparison.Ordinal);
        Assert.Contains("::error file=app.py,line=4,col=12,endLine=4,title=PY001 python/quadratic::", output, StringComparison.Ordinal);
        Assert.Equal("PY001", Assert.Single(Results(sarif)).GetProperty("ruleId").GetString());
        await AssertValidSarif(Path.Combine(_repo.Root, "skillhost.sarif"));
    }

    [Fact]
    public async Task Given_a_pull_request_base_When_the_review_step_runs_Then_only_the_changed_lines_findings_are_in_the_sarif()
    {
        _repo.Write("old.py", "def dedupe(rows):\n    out = []\n    for r in rows:\n        if r not in out:\n            out.append(r)\n    return out\n");
        _repo.CommitAll();
        var baseCommit = _repo.Git("rev-parse", "HEAD").Trim();
        _repo.Write("new.py", "def unique(rows):\n    seen = []\n    for r in rows:\n        if r not in seen:\n            seen.append(r)\n    return seen\n");
        _repo.CommitAll();

        var (exitCode, output, outputs, sarif) = await RunReviewStep(diffBase: baseCommit);

        Assert.True(exitCode == 0, output);
        Assert.Contains("findings=1", outputs, StringComparison.Ordinal);
        var result = Assert.Single(Results(sarif));
        Assert.Equal("new.py", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        await AssertValidSarif(Path.Combine(_repo.Root, "skillhost.sarif"));
    }

    private static List<JsonElement> Results(string sarif) =>
        [.. JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];

    private async Task<(int ExitCode, string Output, string Outputs, string Sarif)> RunReviewStep(string diffBase)
    {
        var step = Assert.Single(Steps(), s => Text(s, "id") == "review");
        var script = Path.Combine(_bin, "review.sh");
        await File.WriteAllTextAsync(script, Text(step, "run"), TestContext.Current.CancellationToken);
        var outputs = Path.Combine(_bin, "github-output");
        var environment = new Dictionary<string, string?>
        {
            ["INPUT_PATH"] = ".",
            ["INPUT_ARGS"] = "",
            ["INPUT_SARIF_FILE"] = "skillhost.sarif",
            ["INPUT_ANNOTATIONS"] = "true",
            ["DIFF_BASE"] = diffBase,
            ["GITHUB_OUTPUT"] = outputs,
            ["PATH"] = _bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        var (exitCode, output) = await ProcessRunner.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], _repo.Root, environment, TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        var sarifFile = Path.Combine(_repo.Root, "skillhost.sarif");
        return (exitCode, output, File.Exists(outputs) ? await File.ReadAllTextAsync(outputs, TestContext.Current.CancellationToken) : "", File.Exists(sarifFile) ? await File.ReadAllTextAsync(sarifFile, TestContext.Current.CancellationToken) : "{}");
    }

    private static async Task AssertValidSarif(string file)
    {
        var clients = RepoPaths.Combine("tests", "clients");
        Assert.True(Directory.Exists(Path.Combine(clients, "node_modules", "@microsoft", "jest-sarif")),
            $"The SARIF schema validator is not installed under {clients}. Run ./run-tests.sh (it runs 'npm ci' in tests/clients).");
        var (exitCode, output) = await ProcessRunner.RunAsync("node", [Path.Combine(clients, "validate-sarif.cjs"), file], clients, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output);
    }
}
