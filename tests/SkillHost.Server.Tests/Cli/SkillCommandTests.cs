using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Cli;

/// <summary>The skill verbs run in-process through the real command tree, writing to string writers.</summary>
public static class SkillCommandTests
{
    public sealed class Show : IDisposable
    {
        private readonly CliHarness _cli = new();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_a_skill_folder_When_shown_as_text_Then_it_summarises_the_structure_and_exits_0()
        {
            var (exitCode, output, error) = CliHarness.Run("skill", "show", _cli.ValidSkill());

            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            Assert.Contains("Skill: demo", output, StringComparison.Ordinal);
            Assert.Contains("Cost table \"Demo\" (1 rows", output, StringComparison.Ordinal);
            Assert.Contains("[demo/loops] Avoid loops", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_SKILL_md_path_When_shown_as_json_Then_it_writes_the_camelCase_contract()
        {
            var (exitCode, output, _) = CliHarness.Run("skill", "show", Path.Combine(_cli.ValidSkill(), "SKILL.md"), "--format", "json");

            Assert.Equal(0, exitCode);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal("demo", root.GetProperty("name").GetString());
            var row = root.GetProperty("costTables")[0].GetProperty("rows")[0];
            Assert.Equal((50.0, 100.0, "50-100 ns"), (row.GetProperty("minNs").GetDouble(), row.GetProperty("maxNs").GetDouble(), row.GetProperty("text").GetString()));
            Assert.Equal("demo/loops", root.GetProperty("checklist").GetProperty("groups")[0].GetProperty("items")[0].GetProperty("slug").GetString());
            foreach (var property in new[] { "frontmatter", "sections", "examples", "codeBlocks", "reportParts", "diagnostics" })
            {
                Assert.True(root.TryGetProperty(property, out _), property);
            }
        }

        [Fact]
        public void Given_the_bundled_skill_path_from_any_directory_When_shown_Then_it_is_found_next_to_the_executable()
        {
            var (exitCode, output, _) = CliHarness.Run("skill", "show", "skill/performance-optimization", "--format", "json");

            Assert.Equal(0, exitCode);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(3, json.RootElement.GetProperty("costTables").GetArrayLength());
        }

        [Fact]
        public void Given_a_missing_path_When_shown_Then_it_exits_2_with_advice()
        {
            var (exitCode, output, error) = CliHarness.Run("skill", "show", Path.Combine(_cli.Temp, "nope"));

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains("does not exist. Pass a SKILL.md file or a skill folder", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_folder_without_SKILL_md_When_shown_Then_it_exits_2()
        {
            Directory.CreateDirectory(Path.Combine(_cli.Temp, "empty"));
            var (exitCode, _, error) = CliHarness.Run("skill", "show", Path.Combine(_cli.Temp, "empty"));

            Assert.Equal(2, exitCode);
            Assert.Contains("has no SKILL.md", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_unreadable_skill_When_shown_Then_it_prints_the_diagnostics_and_exits_1()
        {
            var (exitCode, output, _) = CliHarness.Run("skill", "show", _cli.WriteSkill("binary", "---\n\0\0"));

            Assert.Equal(1, exitCode);
            Assert.Contains("SKL002", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_unknown_format_When_shown_Then_it_is_a_usage_error_with_exit_2()
        {
            var (exitCode, _, error) = CliHarness.Run("skill", "show", _cli.ValidSkill(), "--format", "xml");

            Assert.Equal(2, exitCode);
            Assert.Contains("--help", error, StringComparison.Ordinal);
        }
    }

    public sealed class Validate : IDisposable
    {
        private readonly CliHarness _cli = new();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_a_valid_skill_When_validated_Then_it_exits_0()
        {
            var (exitCode, output, _) = CliHarness.Run("skill", "validate", _cli.ValidSkill());

            Assert.Equal(0, exitCode);
            Assert.StartsWith("valid (spec)", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_invalid_skill_When_validated_Then_it_exits_1_listing_problems_with_lines()
        {
            var folder = _cli.WriteSkill("wrong", "---\nname: Wrong_Name\ndescription: d\nwhen_to_use: x\n---\n");

            var (exitCode, output, _) = CliHarness.Run("skill", "validate", folder);

            Assert.Equal(1, exitCode);
            Assert.StartsWith("invalid (spec)", output, StringComparison.Ordinal);
            Assert.Contains("SKILL.md:2: error SKL101", output, StringComparison.Ordinal);
            Assert.Contains("SKILL.md:4: error SKL107", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_claude_code_fields_When_validated_with_the_claude_code_profile_Then_it_exits_0()
        {
            var folder = _cli.WriteSkill("cc", "---\nname: cc\ndescription: d\nwhen_to_use: x\nargument-hint: \"[file]\"\n---\n");

            Assert.Equal(1, CliHarness.Run("skill", "validate", folder).ExitCode);
            Assert.Equal(0, CliHarness.Run("skill", "validate", folder, "--profile", "claude-code").ExitCode);
        }

        [Fact]
        public void Given_json_format_When_validated_Then_problems_are_structured()
        {
            var folder = _cli.WriteSkill("nodesc", "---\nname: nodesc\n---\n");

            var (exitCode, output, _) = CliHarness.Run("skill", "validate", folder, "--format", "json");

            Assert.Equal(1, exitCode);
            using var json = JsonDocument.Parse(output);
            Assert.False(json.RootElement.GetProperty("isValid").GetBoolean());
            var problem = json.RootElement.GetProperty("problems")[0];
            Assert.Equal(("error", "SKL103"), (problem.GetProperty("severity").GetString(), problem.GetProperty("code").GetString()));
        }

        [Fact]
        public void Given_a_missing_path_When_validated_Then_it_exits_2()
        {
            var (exitCode, _, error) = CliHarness.Run("skill", "validate", Path.Combine(_cli.Temp, "missing"));

            Assert.Equal(2, exitCode);
            Assert.Contains("does not exist", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_unknown_profile_When_validated_Then_it_exits_2()
        {
            Assert.Equal(2, CliHarness.Run("skill", "validate", _cli.ValidSkill(), "--profile", "vscode").ExitCode);
        }
    }
}
