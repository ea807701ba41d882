namespace SkillHost.Server.Tests.Team;

/// <summary>Project config in a temporary git repository: each file kind, nearest wins, per-file-ignores, exclude, --config, --isolated, errors.</summary>
public sealed class ProjectConfigTests : IDisposable
{
    private const string Slow = "def a(xs):\n    for x in xs:\n        slow(x)\n";
    private const string Clone = "fn f(v: &[String]) {\n    for s in v {\n        let _ = s.clone();\n    }\n}\n";

    private readonly TempGitRepository _repo = new();

    public ProjectConfigTests()
    {
        _repo.Write("pkg/app.py", Slow);
        _repo.Write("crate/src/lib.rs", Clone);
        _repo.Write("crate/Cargo.toml", "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Given_no_config_When_reviewed_Then_both_findings_are_reported()
    {
        Assert.Equal(["crate/src/lib.rs:3 TST002", "pkg/app.py:3 TST001"], _repo.Findings(".").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_a_pyproject_with_tool_skillhost_When_reviewed_Then_its_ignore_applies_below_it()
    {
        _repo.Write("pyproject.toml", "[project]\nname = \"demo\"\n\n[tool.skillhost]\nignore = [\"TST001\"]\n");

        Assert.Equal(["crate/src/lib.rs:3 TST002"], _repo.Findings("."));
    }

    [Fact]
    public void Given_a_pyproject_without_tool_skillhost_When_reviewed_Then_the_walk_goes_on_to_the_folder_above()
    {
        _repo.Write("skillhost.toml", "select = [\"rust\"]\n");
        _repo.Write("pkg/pyproject.toml", "[tool.ruff]\nline-length = 100\n");

        Assert.Equal(["crate/src/lib.rs:3 TST002"], _repo.Findings("."));
    }

    [Fact]
    public void Given_a_skillhost_toml_beside_a_crates_cargo_toml_When_reviewed_Then_it_governs_that_crate_only()
    {
        _repo.Write("crate/skillhost.toml", "ignore = [\"rust/test-clone-in-loop\"]\n");

        Assert.Equal(["pkg/app.py:3 TST001"], _repo.Findings("."));
    }

    [Fact]
    public void Given_a_dot_skillhost_toml_beside_a_pyproject_When_reviewed_Then_the_dot_file_wins_in_its_folder()
    {
        _repo.Write("pkg/pyproject.toml", "[tool.skillhost]\nignore = [\"TST001\"]\n");
        _repo.Write("pkg/.skillhost.toml", "select = [\"TST001\"]\n");

        Assert.Equal(["crate/src/lib.rs:3 TST002", "pkg/app.py:3 TST001"], _repo.Findings(".").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_per_file_ignores_When_reviewed_Then_only_matching_files_lose_those_rules()
    {
        _repo.Write("pkg/tests/test_app.py", Slow);
        _repo.Write("pyproject.toml", "[tool.skillhost.per-file-ignores]\n\"**/tests/*\" = [\"python/test-slow-call\"]\n\"*.rs\" = [\"TST001\"]\n");

        Assert.Equal(["crate/src/lib.rs:3 TST002", "pkg/app.py:3 TST001"], _repo.Findings(".").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_exclude_globs_When_a_folder_is_walked_Then_excluded_files_are_not_reviewed_and_force_exclude_covers_named_ones()
    {
        _repo.Write("docs/example.py", Slow);
        _repo.Write("benches/bench.rs", Clone);
        _repo.Write("skillhost.toml", "exclude = [\"docs/\"]\nextend-exclude = [\"benches/**\"]\n");

        Assert.Equal(["crate/src/lib.rs:3 TST002", "pkg/app.py:3 TST001"], _repo.Findings(".").Order(StringComparer.Ordinal));
        Assert.Equal(["docs/example.py:3 TST001"], _repo.Findings("docs/example.py"));
        var (exitCode, _, error) = _repo.Review("docs/example.py", "pkg/app.py", "--force-exclude", "--format", "text");
        Assert.Equal(1, exitCode);
        Assert.Equal(["pkg/app.py:3 TST001"], _repo.Findings("docs/example.py", "pkg/app.py", "--force-exclude"));
        Assert.DoesNotContain("error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_config_When_the_command_line_selects_or_isolates_Then_the_command_line_wins()
    {
        _repo.Write("skillhost.toml", "ignore = [\"TST001\"]\nper-file-ignores = { \"lib.rs\" = [\"TST002\"] }\n");
        _repo.Write("other.toml", "select = [\"TST002\"]\n");

        Assert.Empty(_repo.Findings("."));
        Assert.Equal(["pkg/app.py:3 TST001"], _repo.Findings(".", "--select", "TST001"));
        Assert.Equal(["crate/src/lib.rs:3 TST002", "pkg/app.py:3 TST001"], _repo.Findings(".", "--isolated").Order(StringComparer.Ordinal));
        Assert.Equal(["crate/src/lib.rs:3 TST002"], _repo.Findings(".", "--config", "other.toml"));
    }

    [Fact]
    public void Given_max_issues_in_the_config_When_the_report_is_written_Then_it_lists_that_many_unless_the_command_line_says()
    {
        _repo.Write("skillhost.toml", "max-issues = 1\nassume-n = 500\n");

        var (_, one, _) = _repo.Review(".", "--format", "json");
        var (_, two, _) = _repo.Review(".", "--format", "json", "--max-issues", "2");

        Assert.Equal(1, Issues(one));
        Assert.Equal(2, Issues(two));
    }

    [Theory]
    [InlineData("skillhost.toml", "selct = [\"PY001\"]\n", "skillhost.toml:1: unknown key 'selct'; valid keys: select, ignore, extend-select, per-file-ignores, exclude, extend-exclude, assume-n, max-issues")]
    [InlineData("pyproject.toml", "[project]\nname = \"x\"\n\n[tool.skillhost]\nselect = [\"TST001\"]\nmax_issues = 3\n", "pyproject.toml:6: unknown key 'max_issues' in [tool.skillhost]; valid keys: select")]
    [InlineData(".skillhost.toml", "select = \"TST001\"\n", ".skillhost.toml:1: 'select' must be a list of rule ids or slugs")]
    [InlineData("skillhost.toml", "\n\nselect = [\"NOPE9\"]\n", "skillhost.toml:3: 'select' names no rule: 'NOPE9'")]
    [InlineData("skillhost.toml", "assume-n = 0\n", "skillhost.toml:1: 'assume-n' must be a positive whole number")]
    [InlineData("skillhost.toml", "select = [\"TST001\"\nignore = 3\n", "skillhost.toml:2: not valid TOML")]
    public void Given_a_malformed_config_When_reviewed_Then_it_exits_2_naming_the_file_line_and_valid_keys(string name, string text, string expected)
    {
        _repo.Write(name, text);

        var (exitCode, output, error) = _repo.Review(".", "--format", "text");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains(Path.Combine(_repo.Root, expected.Split(':')[0]) + expected[expected.IndexOf(':', StringComparison.Ordinal)..], error, StringComparison.Ordinal);
    }

    private static int Issues(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("report").GetProperty("topIssues").GetArrayLength();
}
