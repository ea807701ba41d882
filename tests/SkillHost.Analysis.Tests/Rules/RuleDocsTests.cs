using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Documentation;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// The generated rule docs (<c>docs/rules/ID.md</c> and the index) are what <see cref="RuleDocRenderer"/> writes today
/// (UPDATE_GOLDEN=1 regenerates them), and every doc's code is true: its Example triggers the rule, its "Use instead" does not.
/// </summary>
public sealed class RuleDocsTests
{
    private static readonly string DocsFolder = RepoPaths.Combine("docs", "rules");

    public static TheoryData<string> RuleIds() => [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

    private static RuleDescriptor Descriptor(string id) => RuleCatalog.All.Single(r => r.Descriptor.Id == id).Descriptor;

    public sealed class Generated
    {
        [Theory]
        [MemberData(nameof(RuleIds), MemberType = typeof(RuleDocsTests))]
        public void Given_a_rule_Then_its_committed_doc_is_what_the_renderer_writes(string id)
        {
            var rule = Descriptor(id);
            using var w = new StringWriter();

            RuleDocRenderer.WriteMarkdown(RuleDoc.From(rule, RuleFixture.Skill, RuleCatalog.All), w);

            GoldenFile.Verify(Path.Combine(DocsFolder, RuleDoc.FileName(rule)), w.ToString());
        }

        [Fact]
        public void Given_the_catalogue_Then_the_committed_index_is_what_the_renderer_writes()
        {
            using var w = new StringWriter();

            RuleDocRenderer.WriteIndexMarkdown(RuleCatalog.All.Select(r => r.Descriptor), w);

            GoldenFile.Verify(Path.Combine(DocsFolder, "README.md"), w.ToString());
        }

        [Fact]
        public void Given_the_docs_folder_Then_it_holds_the_index_and_one_page_per_rule_and_nothing_else()
        {
            var expected = RuleCatalog.All.Select(r => RuleDoc.FileName(r.Descriptor)).Append("README.md").Order(StringComparer.Ordinal);

            var actual = Directory.EnumerateFiles(DocsFolder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);

            Assert.Equal(expected, actual);
        }
    }

    public sealed class Examples
    {
        // Every confidence: a rule's example shows the pattern alone, with no caller to say it repeats (a one-function snippet of
        // a small public fn, say), so some are low and a default review hides them; the doc is about what the rule recognises.
        private static readonly Lazy<PerformanceWorkflow> Workflow = new(() => new PerformanceWorkflow(RuleFixture.Skill.Skill, RuleCatalog.All, ReviewOptions.Default with { MinConfidence = Confidence.Low }));

        private static IReadOnlyList<Finding> Review(RuleDescriptor rule, string code) =>
            Workflow.Value.Review([new SourceInput(code, rule.Id + rule.FileExtension)]).Outcome.Findings;

        [Theory]
        [MemberData(nameof(RuleIds), MemberType = typeof(RuleDocsTests))]
        public void Given_a_rules_doc_example_When_reviewed_with_every_rule_Then_that_rule_reports_it(string id)
        {
            var rule = Descriptor(id);

            var findings = Review(rule, rule.Example);

            Assert.True(findings.Any(f => f.Rule.Id == id), $"{id}'s Example raised no {id} finding (found: {string.Join(", ", findings.Select(f => f.Rule.Id))}):\n{rule.Example}");
        }

        [Theory]
        [MemberData(nameof(RuleIds), MemberType = typeof(RuleDocsTests))]
        public void Given_a_rules_doc_use_instead_When_reviewed_with_every_rule_Then_that_rule_stays_silent(string id)
        {
            var rule = Descriptor(id);

            var findings = Review(rule, rule.UseInstead).Where(f => f.Rule.Id == id).ToList();

            Assert.True(findings.Count == 0, $"{id}'s Use instead raised: {string.Join("; ", findings.Select(f => $"{f.Start.Line}: {f.Message}"))}\n{rule.UseInstead}");
        }
    }
}
