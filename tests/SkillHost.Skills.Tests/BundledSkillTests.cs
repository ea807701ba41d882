using SkillHost.Skills.Tests.Support;
using SkillHost.Skills.Validation;

namespace SkillHost.Skills.Tests;

/// <summary>The bundled performance-optimization skill parses into everything the tools read from it.</summary>
public sealed class BundledSkillTests
{
    private static readonly Lazy<SkillDocument> Skill = new(() => SkillParser.ParseFile(Path.Combine(RepoPaths.BundledSkill, "SKILL.md")));

    // The checklist slugs fixed in DESIGN.md (the 25 of the first release, then rust/sequential-await); rules and SARIF rely on exactly these.
    private static readonly string[] DesignSlugs =
    [
        "python/quadratic", "python/list-where-generator", "python/missing-slots", "python/alloc-in-loop",
        "python/sequential-await", "python/repeated-lookup", "python/logging-in-loop", "python/stdlib-json",
        "python/sync-io-in-async", "python/missing-cache",
        "rust/quadratic", "rust/missing-with-capacity", "rust/unnecessary-clone", "rust/string-alloc-in-loop",
        "rust/needless-heap", "rust/excessive-spawn", "rust/struct-padding", "rust/missing-inline",
        "rust/lock-contention", "rust/logging-in-loop", "rust/sequential-await",
        "pyo3/gil-per-item", "pyo3/pyobject-in-loop", "pyo3/missing-allow-threads", "pyo3/copy-across-boundary",
        "pyo3/single-item-api",
    ];

    [Fact]
    public void Then_it_has_three_cost_tables_of_17_8_and_6_rows_all_in_nanoseconds()
    {
        var tables = Skill.Value.CostTables;

        Assert.Equal([17, 8, 6], tables.Select(t => t.Rows.Length));
        Assert.All(tables.SelectMany(t => t.Rows), row => Assert.True(row.MinNs > 0 && row.MaxNs >= row.MinNs, $"{row.Operation}: {row.Text}"));
        var l1 = tables[0].Rows.Single(r => r.Operation.StartsWith("L1", StringComparison.Ordinal));
        Assert.Equal((0.5, 0.5), (l1.MinNs, l1.MaxNs));
        Assert.Equal(150e6, tables[0].Rows[^1].MaxNs);
    }

    [Fact]
    public void Then_its_checklist_has_26_items_in_three_groups_with_exactly_the_design_slugs()
    {
        var checklist = Skill.Value.Checklist!;

        Assert.Equal(["Python", "Rust", "PyO3 boundary"], checklist.Groups.Select(g => g.Title));
        Assert.Equal([10, 11, 5], checklist.Groups.Select(g => g.Items.Length));
        Assert.Equal(DesignSlugs, checklist.AllItems.Select(i => i.Slug));
        Assert.All(checklist.AllItems, item => Assert.DoesNotContain(item.Slug!, item.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Then_examples_A_B_and_C_have_input_code_and_every_part()
    {
        var examples = Skill.Value.Examples;

        Assert.Equal(["A", "B", "C"], examples.Select(e => e.Id));
        Assert.Equal(["python", "rust", "python"], examples.Select(e => e.Inputs[0].Language));
        Assert.All(examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Issue), $"{e.Id} issue");
            Assert.False(string.IsNullOrWhiteSpace(e.Fix), $"{e.Id} fix");
            Assert.False(string.IsNullOrWhiteSpace(e.Impact), $"{e.Id} impact");
            Assert.NotEmpty(e.FixCode);
        });
    }

    [Fact]
    public void Then_it_names_the_five_report_parts() =>
        Assert.Equal(5, Skill.Value.ReportParts.Length);

    [Fact]
    public void Then_it_has_two_estimation_templates_whose_per_item_lines_multiply_out()
    {
        var templates = Skill.Value.Templates;

        Assert.Equal(2, templates.Length);
        var perItem = templates.SelectMany(t => t.Lines).Where(l => l.Count is not null).ToList();
        Assert.NotEmpty(perItem);
        Assert.All(perItem, l => Assert.Equal(l.PerItem!.Value.MinNs * l.Count!.Value, l.Duration!.Value.MinNs, 3));
    }

    [Fact]
    public void Then_its_technique_code_in_references_carries_BAD_and_GOOD_labels()
    {
        var skill = Skill.Value;

        Assert.Contains(skill.References, r => r.Path == "references/techniques.md");
        var labelled = skill.CodeBlocks.Where(b => b.Source == "references/techniques.md" && b.Label is not null).ToList();
        Assert.Contains(labelled, b => b.Label == "BAD");
        Assert.Contains(labelled, b => b.Label == "GOOD");
    }

    [Fact]
    public void Then_it_reads_without_warnings_and_is_valid_under_both_profiles()
    {
        Assert.Empty(Skill.Value.Diagnostics);
        Assert.True(SkillValidator.Validate(Skill.Value, "performance-optimization", ValidationProfile.Spec).IsValid);
        Assert.True(SkillValidator.Validate(Skill.Value, "performance-optimization", ValidationProfile.ClaudeCode).IsValid);
    }
}
