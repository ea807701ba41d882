using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkillHost.Analysis.Reporting;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Team;

/// <summary><c>--format github|gitlab|junit</c>, <c>--exit-zero</c>, and the command line refusing unknown options.</summary>
public sealed partial class CiFormatTests : IDisposable
{
    private readonly TempGitRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Given_findings_in_awkward_file_names_When_written_as_github_annotations_Then_the_runners_parser_reads_back_every_property()
    {
        // A comma, a colon and a percent sign in a path: each must be escaped or the runner splits the properties wrongly.
        var path = "we,ird:100%.py";
        _repo.Write(path, "def a(xs):\n    for x in xs:\n        slow(x)\n");
        _repo.Write("lib.rs", "fn f(v: &[String]) {\n    for s in v {\n        let _ = s.clone();\n    }\n}\n");

        var (exitCode, output, _) = _repo.Review(".", "--format", "github");

        Assert.Equal(1, exitCode);
        var commands = output.TrimEnd('\n').Split('\n').Select(ParseWorkflowCommand).ToList();
        Assert.All(commands, c => Assert.NotNull(c));
        var python = Assert.Single(commands, c => c!.Properties.GetValueOrDefault("file") == path)!;
        Assert.Equal("error", python.Command);
        Assert.Equal("3", python.Properties["line"]);
        Assert.Equal("9", python.Properties["col"]);
        Assert.Equal("TST001 python/test-slow-call", python.Properties["title"]);
        Assert.StartsWith("`slow` runs per item", python.Message, StringComparison.Ordinal);
        Assert.Single(commands, c => c!.Properties.GetValueOrDefault("file") == "lib.rs" && c.Properties["line"] == "3");
        Assert.Equal("notice", commands[^1]!.Command);
    }

    [Theory]
    [InlineData("100% done\r\nnext", "100%25 done%0D%0Anext")]
    [InlineData("a: b, c", "a: b, c")]
    public void Given_a_message_with_special_characters_When_escaped_as_data_Then_it_follows_the_runners_rules(string message, string escaped)
    {
        Assert.Equal(escaped, GitHubAnnotationsRenderer.Data(message));
        Assert.Equal(message, Unescape(escaped, property: false));
    }

    [Fact]
    public void Given_a_property_with_colons_and_commas_When_escaped_Then_they_become_percent_codes()
    {
        Assert.Equal("a%3A b%2C c%25", GitHubAnnotationsRenderer.Property("a: b, c%"));
    }

    [Fact]
    public void Given_findings_When_written_as_gitlab_code_quality_Then_each_issue_has_the_required_fields_and_a_unique_fingerprint()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n    for x in xs:\n        slow(x)\n");

        var (_, output, _) = _repo.Review(".", "--format", "gitlab");

        var issues = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i =>
        {
            Assert.StartsWith("TST001 ", i.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal("python/test-slow-call", i.GetProperty("check_name").GetString());
            Assert.Equal("major", i.GetProperty("severity").GetString());
            Assert.Equal("app.py", i.GetProperty("location").GetProperty("path").GetString());
        });
        Assert.Equal([3, 5], issues.Select(i => i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()));
        Assert.Equal(2, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public void Given_findings_When_written_as_junit_Then_each_reviewed_file_is_a_test_case_failed_by_its_findings()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n");
        _repo.Write("clean.py", "x = 1\n");

        var (_, output, _) = _repo.Review(".", "--format", "junit");

        var suite = XDocument.Parse(output).Root!.Element("testsuite")!;
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var failure = Assert.Single(suite.Descendants("failure"));
        Assert.Equal("app.py", failure.Parent!.Attribute("name")!.Value);
        Assert.Equal("TST001", failure.Attribute("type")!.Value);
        Assert.Empty(suite.Elements("testcase").Single(t => t.Attribute("name")!.Value == "clean.py").Elements());
    }

    [Fact]
    public void Given_findings_When_reviewed_with_exit_zero_Then_it_exits_0_but_still_reports_them()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n");

        var (exitCode, output, _) = _repo.Review(".", "--format", "text", "--exit-zero");

        Assert.Equal(0, exitCode);
        Assert.Contains("Found 1 finding", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profil", "--profile")]
    [InlineData("--fromat", "--format")]
    [InlineData("--max-issue", "--max-issues")]
    [InlineData("--basline", "--baseline")]
    public void Given_an_unknown_option_When_run_Then_it_exits_2_naming_the_closest_valid_option(string typo, string closest)
    {
        var (exitCode, output, error) = CliHarness.Run("review", _repo.Root, typo, "x");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"unknown option '{typo}' for 'skillhost review'; did you mean '{closest}'?", error, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_path_starting_with_a_dash_after_double_dash_When_reviewed_Then_it_is_a_path()
    {
        _repo.Write("-odd.py", "x = 1\n");

        var (exitCode, _, error) = _repo.Review("--format", "text", "--", "-odd.py");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
    }

    private sealed record WorkflowCommand(string Command, IReadOnlyDictionary<string, string> Properties, string Message);

    // The runner's parser (actions/runner ActionCommand.TryParseV2): "::name k=v,k=v::message", split on the first
    // "::" after the name, properties on ',' and the first '=', then unescaped (%25, %0D, %0A; %3A, %2C in properties).
    private static WorkflowCommand? ParseWorkflowCommand(string line)
    {
        var end = line.StartsWith("::", StringComparison.Ordinal) ? line.IndexOf("::", 2, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            return null;
        }

        var head = line[2..end];
        var space = head.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? head : head[..space];
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space >= 0)
        {
            foreach (var pair in head[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return null;
                }

                properties[pair[..equals]] = Unescape(pair[(equals + 1)..], property: true);
            }
        }

        return CommandName().IsMatch(name) ? new WorkflowCommand(name, properties, Unescape(line[(end + 2)..], property: false)) : null;
    }

    private static string Unescape(string text, bool property)
    {
        var result = text.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal);
        if (property)
        {
            result = result.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
        }

        return result.Replace("%25", "%", StringComparison.Ordinal);
    }

    [GeneratedRegex("^(warning|error|notice)$")]
    private static partial Regex CommandName();
}
