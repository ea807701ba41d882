using System.Collections.Frozen;
using SkillHost.Skills;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// What the rules read from the parsed skill: the checklist wording per slug and the cost-table rows
/// that price an operation. Built once per skill; rules never carry their own figures.
/// </summary>
public sealed class SkillKnowledge
{
    private readonly FrozenDictionary<string, ChecklistItem> _itemsBySlug;
    private readonly List<(CostTable Table, CostRow Row, string Key)> _rows;

    public SkillKnowledge(SkillDocument skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        Skill = skill;
        _itemsBySlug = (skill.Checklist?.AllItems ?? [])
            .Where(i => i.Slug is not null)
            .GroupBy(i => i.Slug!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _rows = [.. skill.CostTables.SelectMany(t => t.Rows.Select(r => (t, r, Normalise(r.Operation))))];
    }

    public SkillDocument Skill { get; }

    /// <summary>Every slug the skill's checklist defines.</summary>
    public IEnumerable<string> Slugs => _itemsBySlug.Keys;

    public ChecklistItem? ChecklistItem(string slug) => _itemsBySlug.GetValueOrDefault(slug);

    /// <summary>
    /// The cost row for an operation name: an exact match after normalising case, punctuation and
    /// spacing, else the only row whose name contains it. Null when nothing (or more than one row) fits.
    /// </summary>
    public (CostTable Table, CostRow Row)? FindCost(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var key = Normalise(operation);
        foreach (var (table, row, rowKey) in _rows)
        {
            if (rowKey == key)
            {
                return (table, row);
            }
        }

        var partial = _rows.Where(r => r.Key.Contains(key, StringComparison.Ordinal)).ToList();
        return partial.Count == 1 ? (partial[0].Table, partial[0].Row) : null;
    }

    private static string Normalise(string text)
    {
        var chars = text.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
