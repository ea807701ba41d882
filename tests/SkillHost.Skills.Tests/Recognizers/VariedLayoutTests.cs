using SkillHost.Skills.Tests.Support;

namespace SkillHost.Skills.Tests.Recognizers;

/// <summary>The same kinds of structure recognised in skills laid out differently, without hints.</summary>
public sealed class VariedLayoutTests
{
    private static SkillDocument Load(string name) => SkillParser.ParseFile(Path.Combine(RepoPaths.TestSkill(name), "SKILL.md"));

    public sealed class CostTables
    {
        [Fact]
        public void Given_a_table_with_the_duration_column_first_and_other_headers_Then_it_is_a_cost_table()
        {
            var table = Assert.Single(Load("single-group-plain").CostTables);

            Assert.Equal(("Costs", "Step", "Cost"), (table.Title, table.OperationHeader, table.DurationHeader));
            Assert.Equal(["Build the image", "Push to the registry", "Roll out"], table.Rows.Select(r => r.Operation));
            Assert.Equal((30e9, 90e9), (table.Rows[1].MinNs, table.Rows[1].MaxNs));
        }

        [Fact]
        public void Given_a_row_without_a_duration_Then_it_is_left_out_with_a_warning_on_its_line()
        {
            var diagnostic = Assert.Single(Load("single-group-plain").Diagnostics);
            Assert.Equal((DiagnosticCodes.CostCellNotDuration, DiagnosticSeverity.Warning, 15), (diagnostic.Code, diagnostic.Severity, diagnostic.Line));
        }

        [Fact]
        public void Given_a_table_of_names_Then_it_is_not_a_cost_table() =>
            Assert.Empty(Load("no-structure").CostTables);

        [Fact]
        public void Given_a_cost_table_in_a_linked_reference_Then_it_is_included_with_its_source()
        {
            var table = Assert.Single(Load("full-conventions").CostTables, t => t.Source is not null);
            Assert.Equal(("references/techniques.md", "Loops", 30.0), (table.Source, table.Title, table.Rows[0].MinNs));
        }
    }

    public sealed class Checklists
    {
        [Fact]
        public void Given_a_review_checklist_without_sub_headings_Then_it_is_one_unnamed_group_of_plain_items()
        {
            var group = Assert.Single(Load("single-group-plain").Checklist!.Groups);

            Assert.Null(group.Title);
            Assert.Equal(3, group.Items.Length);
            Assert.All(group.Items, item => Assert.Null(item.Checked));
        }

        [Fact]
        public void Given_a_code_span_without_a_slash_at_the_end_of_an_item_Then_it_is_not_a_slug()
        {
            var item = Load("single-group-plain").Checklist!.Groups[0].Items[2];
            Assert.Equal(("Is there a rollback plan? `deploy`", (string?)null), (item.Text, item.Slug));
        }

        [Fact]
        public void Given_task_items_with_slugs_at_either_end_Then_slugs_are_taken_out_of_the_text()
        {
            var checklist = Load("full-conventions").Checklist!;

            Assert.Equal(["Python", "Rust"], checklist.Groups.Select(g => g.Title));
            Assert.Equal(
                [("No quadratic membership tests in loops", "python/quadratic", false), ("Generators where a list is only iterated", "python/list-where-generator", true)],
                checklist.Groups[0].Items.Select(i => (i.Text, i.Slug, i.Checked!.Value)));
            Assert.Equal(("No clones inside `format!`", "rust/unnecessary-clone"), (checklist.Groups[1].Items[0].Text, checklist.Groups[1].Items[0].Slug));
        }

        [Fact]
        public void Given_no_checklist_heading_Then_there_is_no_checklist() =>
            Assert.Null(Load("no-structure").Checklist);

        [Fact]
        public void Given_an_earlier_numbered_sub_checklist_and_a_top_level_task_list_checklist_Then_the_task_list_is_the_review_checklist_and_both_are_kept()
        {
            var skill = Load("two-checklists");

            var review = skill.Checklist!;
            Assert.Equal("Quick review checklist", review.Title);
            Assert.Equal(12, review.AllItems.Count());
            Assert.All(review.AllItems, item => Assert.False(item.Checked));
            Assert.Equal("Is there O(N²) work on a realistic N?", review.AllItems.First().Text);
            Assert.Equal("Was the change measured with a benchmark before and after?", review.AllItems.Last().Text);

            var other = Assert.Single(skill.OtherChecklists);
            Assert.Equal("Memory layout checklist", other.Title);
            Assert.Equal(7, other.AllItems.Count());
            Assert.All(other.AllItems, item => Assert.Null(item.Checked));
            Assert.True(other.Line < review.Line);
        }

        [Fact]
        public void Given_one_checklist_Then_there_are_no_other_checklists() =>
            Assert.Empty(Load("full-conventions").OtherChecklists);
    }

    public sealed class Examples
    {
        [Fact]
        public void Given_worked_example_headings_with_numbers_colons_and_hyphens_Then_both_are_examples()
        {
            var examples = Load("worked-numbered").Examples;

            Assert.Equal([("1", "caching a lookup"), ("2", "batching writes")], examples.Select(e => (e.Id, e.Title)));
        }

        [Fact]
        public void Given_synonym_labels_and_continuation_paragraphs_Then_the_parts_are_filled()
        {
            var example = Load("worked-numbered").Examples[0];

            Assert.Equal("the same URL is fetched on every call. This continues the problem paragraph.", example.Issue);
            Assert.Equal("memoise by URL.", example.Fix);
            Assert.Equal("stale data until the cache is cleared.", example.Tradeoff);
            Assert.Equal(("js", "const v = await fetch(url);"), (example.Inputs.Single().Language, example.Inputs.Single().Code));
            Assert.Equal("const cache = new Map();", example.FixCode.Single().Code);
        }

        [Fact]
        public void Given_labels_in_list_items_and_no_tradeoff_Then_the_tradeoff_is_null()
        {
            var example = Load("worked-numbered").Examples[1];
            Assert.Equal(("one write per row.", "100× fewer round trips.", (string?)null), (example.Issue, example.Impact, example.Tradeoff));
        }

        [Fact]
        public void Given_an_example_heading_without_a_separator_Then_it_stays_a_plain_section() =>
            Assert.DoesNotContain(Load("worked-numbered").Examples, e => e.Title.Contains("usage", StringComparison.Ordinal));
    }

    public sealed class CodeBlocks
    {
        [Fact]
        public void Given_labelled_comments_Then_labels_and_slugs_are_read_in_any_comment_syntax()
        {
            var blocks = Load("full-conventions").CodeBlocks.Where(b => b.Label is not null).ToList();

            Assert.Equal(
                [("BAD", "python/quadratic", (string?)null), ("GOOD", null, null), ("BETTER", "python/quadratic", "references/techniques.md")],
                blocks.Select(b => (b.Label!, b.Slug, b.Source)));
        }

        [Fact]
        public void Given_a_code_block_Then_language_line_and_section_are_kept()
        {
            var block = Assert.Single(Load("no-structure").CodeBlocks);
            Assert.Equal(("bash", "echo \"hello\"", 19, "Script"), (block.Language, block.Code, block.Line, block.Section));
        }
    }

    public sealed class ReportParts
    {
        [Fact]
        public void Given_a_step_5_report_list_with_bold_names_Then_the_names_are_the_parts_in_order() =>
            Assert.Equal(["Summary", "Estimate", "Measurements", "Change"], Load("full-conventions").ReportParts);

        [Fact]
        public void Given_an_output_format_heading_Then_its_bold_list_gives_the_parts() =>
            Assert.Equal(["Findings", "Plan"], Load("worked-numbered").ReportParts);
    }

    public sealed class Templates
    {
        [Fact]
        public void Given_templates_under_bold_lines_and_in_code_Then_each_line_has_its_figures()
        {
            var templates = Load("templates-in-code").Templates;

            Assert.Equal(["Batch job", "Web request"], templates.Select(t => t.Name));
            var rows = templates[0].Lines[0];
            Assert.Equal(("Rows read", 1_000_000.0, 200.0, 200e6), (rows.Label, rows.Count!.Value, rows.PerItem!.Value.MinNs, rows.Duration!.Value.MinNs));
            var handler = templates[1].Lines[1];
            Assert.Equal(("Handler", 5.0, 100e3, 20), (handler.Label, handler.Count!.Value, handler.Duration!.Value.MaxNs, handler.Line));
            Assert.Equal(2, templates[1].Lines.Length);
        }
    }

    public sealed class References
    {
        [Fact]
        public void Given_links_inside_and_outside_the_skill_Then_only_inside_ones_are_read_once_and_escapes_are_reported()
        {
            var skill = Load("full-conventions");

            var reference = Assert.Single(skill.References);
            Assert.Equal(("references/techniques.md", "Techniques"), (reference.Path, reference.Sections[0].Title));
            var escape = Assert.Single(skill.Diagnostics);
            Assert.Equal((DiagnosticCodes.ReferenceOutsideSkill, 100), (escape.Code, escape.Line));
        }
    }
}
