using System.CommandLine;
using System.Text.Json;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Cli;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Cli;

/// <summary><c>skillhost profile</c>, <c>compare</c> and <c>review --profile</c> over the profile fixtures, in a private working folder.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("skillhost-profile-cli-").FullName;

    public ProfileCommandTests() => ProfileFixtures.CopyInto(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliOutput(output, error);
        var environment = new ReviewEnvironment(RuleCatalog.All, _root, AppContext.BaseDirectory, new ReportTool("skillhost", "0.0.0-test", ReportTool.DefaultInformationUri));
        var root = new RootCommand { ReviewCommand.Create(cli, environment), ProfileCommand.Create(cli, environment), CompareCommand.Create(cli, environment) };
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Given_a_profile_and_its_source_When_profiled_Then_the_output_matches_the_golden(string format)
    {
        var (exit, output, error) = Run("profile", "app.pstats", "--source", "app.py", "--format", format, "--limit", "6");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var golden = Path.Combine(NodeClients.RepoRoot, "tests", "SkillHost.Server.Tests", "Cli", "Golden", $"profile-dedupe.{(format == "text" ? "txt" : "md")}");
        if (System.Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, output.ReplaceLineEndings("\n"));
        }

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Given_two_profiles_When_profiled_as_json_Then_the_output_is_one_array()
    {
        var (exit, output, _) = Run("profile", "app.pstats", "app.collapsed", "--format", "json");

        Assert.Equal(0, exit);
        var analyses = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, analyses.GetArrayLength());
        Assert.Equal("cProfile", analyses[0].GetProperty("profiler").GetString());
        Assert.Equal("collapsed stacks", analyses[1].GetProperty("profiler").GetString());
    }

    [Fact]
    public void Given_a_profile_When_reviewed_as_json_Then_the_first_finding_is_the_measured_quadratic_test()
    {
        var (exit, output, error) = Run("review", "app.py", "--profile", "app.pstats", "--format", "json");

        Assert.Equal(1, exit);
        Assert.Empty(error);
        var first = JsonDocument.Parse(output).RootElement.GetProperty("findings")[0];
        Assert.Equal("python/quadratic", first.GetProperty("slug").GetString());
        var measured = first.GetProperty("estimate").GetProperty("measured");
        Assert.True(measured.GetProperty("share").GetDouble() >= 0.5);
        Assert.Equal("function", measured.GetProperty("scope").GetString());
        Assert.Equal(1, measured.GetProperty("calls").GetInt64());
    }

    [Theory]
    [InlineData("app.py", "not a profile format")]
    [InlineData("missing.pstats", "cannot read the profile")]
    public void Given_a_file_that_is_no_profile_When_reviewed_or_profiled_Then_it_exits_2_saying_why(string profile, string message)
    {
        var reviewed = Run("review", "app.py", "--profile", profile);
        var profiled = Run("profile", profile);

        Assert.Equal(2, reviewed.ExitCode);
        Assert.Contains(message, reviewed.Error, StringComparison.Ordinal);
        Assert.Equal(2, profiled.ExitCode);
        Assert.Contains(message, profiled.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_same_profile_twice_When_compared_Then_the_criterion_is_not_met_and_it_exits_1()
    {
        var (exit, output, _) = Run("compare", "app.pstats", "app.pstats");

        Assert.Equal(1, exit);
        Assert.Contains("`dedupe`", output, StringComparison.Ordinal);
        Assert.Contains("not met", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_profiles_of_different_units_When_compared_Then_it_exits_2_saying_why()
    {
        var (exit, _, error) = Run("compare", "app.pstats", "app.collapsed");

        Assert.Equal(2, exit);
        Assert.Contains("record both with the same profiler", error, StringComparison.Ordinal);
    }
}
