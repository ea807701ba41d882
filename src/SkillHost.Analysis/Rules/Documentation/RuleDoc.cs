using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Documentation;

/// <summary>
/// A rule's documentation as data: its descriptor in the ruff template (what it does, why is this bad, example,
/// use instead) joined with what the parsed skill says about it (the checklist item's wording, the cost row).
/// </summary>
/// <param name="Checklist">The skill's checklist item for the slug, or null when this skill has none.</param>
/// <param name="Cost">The cost-table row that prices one occurrence, or null when the rule names none or the skill has no such row.</param>
/// <param name="CostOperation">The operation the rule names, as written in its descriptor (kept when no row matches, so the gap shows).</param>
/// <param name="SameChecklistItem">The ids of the other rules that report the same slug.</param>
public sealed record RuleDoc(
    string Id,
    string Name,
    string Slug,
    RuleGroup Group,
    SourceLanguage Language,
    RuleDocChecklistItem? Checklist,
    RuleDocCost? Cost,
    string? CostOperation,
    string? TechniqueSection,
    string WhatItDoes,
    string WhyBad,
    string Example,
    string UseInstead,
    IReadOnlyList<string> SameChecklistItem)
{
    /// <summary>The file a rule's generated doc is written to, in <c>docs/rules/</c>: <c>PY001.md</c>.</summary>
    public static string FileName(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Id + ".md";
    }

    /// <summary>The documentation of <paramref name="rule"/> as <paramref name="skill"/> describes it; <paramref name="catalogue"/> gives its checklist neighbours.</summary>
    public static RuleDoc From(RuleDescriptor rule, SkillKnowledge skill, IEnumerable<Rule> catalogue)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(catalogue);
        var item = skill.ChecklistItem(rule.Slug);
        var cost = rule.CostOperation is { } operation && skill.FindCost(operation) is var (table, row)
            ? new RuleDocCost(table.Title, row.Operation, row.Text, row.MinNs, row.MaxNs)
            : null;
        var neighbours = catalogue.Select(r => r.Descriptor).Where(d => d.Slug == rule.Slug && d.Id != rule.Id).Select(d => d.Id).ToList();
        return new RuleDoc(
            rule.Id, rule.Name, rule.Slug, rule.Group, rule.Language,
            item is null ? null : new RuleDocChecklistItem(item.Text, item.Line),
            cost, rule.CostOperation, rule.TechniqueSection,
            rule.WhatItDoes, rule.WhyBad, rule.Example, rule.UseInstead, neighbours);
    }
}

/// <summary>The checklist item a rule reports, as the skill words it, and its line in SKILL.md.</summary>
public sealed record RuleDocChecklistItem(string Text, int Line);

/// <summary>The skill's cost-table row that prices one occurrence: the table's title, the row as written and its nanosecond range.</summary>
public sealed record RuleDocCost(string Table, string Operation, string Text, double MinNs, double MaxNs)
{
    public string Describe() => $"{Table}: {Operation} ({Text})";
}

/// <summary>One line of the rule list: id, slug, name.</summary>
public sealed record RuleSummary(string Id, string Slug, string Name)
{
    public static RuleSummary From(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RuleSummary(rule.Id, rule.Slug, rule.Name);
    }
}
