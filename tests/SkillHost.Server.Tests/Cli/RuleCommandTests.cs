using System.Text.Json;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Tests.Support;
using SkillHost.Skills;

namespace SkillHost.Server.Tests.Cli;

/// <summary><c>skillhost rule [ID]</c> through the real command tree, the real catalogue and the bundled skill.</summary>
public static class RuleCommandTests
{
    private static readonly Lazy<SkillDocument> Skill = new(() =>
        SkillParser.ParseFile(SkillHost.Analysis.Tests.RepoPaths.Combine("skill", "performance-optimization", SkillParser.SkillFileName)));

    public sealed class OneRule
    {
        [Fact]
        public void Given_an_id_When_shown_as_text_Then_it_prints_the_ruff_template_with_slug_checklist_wording_and_cost_row()
        {
            var (exitCode, output, error) = CliHarness.Run("rule", "RS011");

            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            Assert.StartsWith("RS011 SequentialAwaitInForLoop [rust/sequential-await]\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            var item = Skill.Value.Checklist!.AllItems.Single(i => i.Slug == "rust/sequential-await");
            Assert.Contains($"checklist: {item.Text}", output, StringComparison.Ordinal);
            Assert.Contains("cost row: Reference latencies: Round trip within the same datacenter", output, StringComparison.Ordinal);
            Assert.All(["What it does", "Why is this bad?", "Example", "Use instead"], title => Assert.Contains("\n" + title + "\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("rs011")]
        [InlineData("SequentialAwaitInForLoop")]
        [InlineData("sequentialawaitinforloop")]
        [InlineData("rust/sequential-await")]
        [InlineData("RUST/SEQUENTIAL-AWAIT")]
        public void Given_an_id_name_or_single_rule_slug_in_any_case_When_shown_Then_it_is_the_same_rule(string query)
        {
            var expected = CliHarness.Run("rule", "RS011", "--format", "markdown").Out;

            var (exitCode, output, _) = CliHarness.Run("rule", query, "--format", "markdown");

            Assert.Equal(0, exitCode);
            Assert.Equal(expected, output);
        }

        [Fact]
        public void Given_the_json_format_When_shown_Then_it_carries_the_descriptor_the_checklist_item_and_the_cost_row()
        {
            var (exitCode, output, _) = CliHarness.Run("rule", "PY001", "--format", "json");

            Assert.Equal(0, exitCode);
            var json = JsonDocument.Parse(output).RootElement;
            var descriptor = RuleCatalog.All.Single(r => r.Descriptor.Id == "PY001").Descriptor;
            Assert.Equal("PY001", json.GetProperty("id").GetString());
            Assert.Equal("python/quadratic", json.GetProperty("slug").GetString());
            Assert.Equal("python", json.GetProperty("group").GetString());
            Assert.Equal(descriptor.Example, json.GetProperty("example").GetString());
            Assert.False(string.IsNullOrEmpty(json.GetProperty("checklist").GetProperty("text").GetString()));
            Assert.Equal("dict lookup", json.GetProperty("cost").GetProperty("operation").GetString(), ignoreCase: true);
            Assert.Equal(["PY011"], json.GetProperty("sameChecklistItem").EnumerateArray().Select(e => e.GetString()));
        }

        [Fact]
        public void Given_another_skill_without_the_rules_checklist_item_When_shown_Then_it_says_so_instead_of_failing()
        {
            using var cli = new CliHarness();
            var skill = cli.ValidSkill();

            var (exitCode, output, _) = CliHarness.Run("rule", "PY001", "--skill", skill);

            Assert.Equal(0, exitCode);
            Assert.Contains("checklist: (not an item of this skill's checklist)", output, StringComparison.Ordinal);
            Assert.Contains("no single row of this skill's cost tables matches", output, StringComparison.Ordinal);
        }
    }

    public sealed class GeneratedDocs
    {
        public static TheoryData<string> RuleIds() => [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Given_a_rule_When_shown_as_markdown_Then_it_is_its_committed_doc(string id)
        {
            var (exitCode, output, _) = CliHarness.Run("rule", id, "--format", "markdown");

            Assert.Equal(0, exitCode);
            Assert.Equal(File.ReadAllText(Docs(id + ".md")).ReplaceLineEndings("\n"), output.ReplaceLineEndings("\n"));
        }

        [Fact]
        public void Given_no_id_When_listed_as_markdown_Then_it_is_the_committed_index()
        {
            var (exitCode, output, _) = CliHarness.Run("rule", "--format", "markdown");

            Assert.Equal(0, exitCode);
            Assert.Equal(File.ReadAllText(Docs("README.md")).ReplaceLineEndings("\n"), output.ReplaceLineEndings("\n"));
        }

        private static string Docs(string file) => SkillHost.Analysis.Tests.RepoPaths.Combine("docs", "rules", file);
    }

    public sealed class Errors
    {
        [Fact]
        public void Given_an_unknown_id_When_shown_Then_it_exits_2_naming_the_closest_valid_ids()
        {
            var (exitCode, output, error) = CliHarness.Run("rule", "RS0111");

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains("no rule 'RS0111'", error, StringComparison.Ordinal);
            Assert.Contains("Closest: RS011 (SequentialAwaitInForLoop", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_slug_that_several_rules_report_When_shown_Then_it_exits_2_listing_them()
        {
            var (exitCode, _, error) = CliHarness.Run("rule", "rust/lock-contention");

            Assert.Equal(2, exitCode);
            Assert.Contains("RS009", error, StringComparison.Ordinal);
            Assert.Contains("RS013", error, StringComparison.Ordinal);
            Assert.DoesNotContain("RS011", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_unknown_format_When_parsed_Then_it_exits_2()
        {
            Assert.Equal(2, CliHarness.Run("rule", "PY001", "--format", "sarif").ExitCode);
        }
    }

    public sealed class List
    {
        [Fact]
        public void Given_no_id_When_run_Then_every_rule_is_listed_with_id_slug_and_name_in_catalogue_order()
        {
            var (exitCode, output, error) = CliHarness.Run("rule");

            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal(RuleCatalog.All.Select(r => (r.Descriptor.Id, r.Descriptor.Slug, r.Descriptor.Name)), lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => (p[0], p[1], p[2])));
        }

        [Fact]
        public void Given_no_id_and_the_json_format_When_run_Then_it_is_an_array_of_id_slug_and_name()
        {
            var (exitCode, output, _) = CliHarness.Run("rule", "--format", "json");

            Assert.Equal(0, exitCode);
            var rules = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
            Assert.Equal(RuleCatalog.All.Count, rules.Count);
            Assert.Equal("RS011", rules.Single(r => r.GetProperty("slug").GetString() == "rust/sequential-await").GetProperty("id").GetString());
        }
    }
}
