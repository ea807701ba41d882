namespace SkillHost.Analysis.Rules;

/// <summary>Finds rules by what a person types: an id, a name or a slug, case-insensitively; suggests the closest ids for a typo.</summary>
public static class RuleLookup
{
    /// <summary>
    /// The rules <paramref name="query"/> names: the one with that id or name, else every rule reporting that slug
    /// (several when a checklist item has several rules), else none.
    /// </summary>
    public static IReadOnlyList<Rule> Resolve(IEnumerable<Rule> rules, string query)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(query);
        var list = rules as IReadOnlyList<Rule> ?? [.. rules];
        var wanted = query.Trim();
        var exact = list.FirstOrDefault(r => string.Equals(r.Descriptor.Id, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Descriptor.Name, wanted, StringComparison.OrdinalIgnoreCase));
        return exact is not null ? [exact] : [.. list.Where(r => string.Equals(r.Descriptor.Slug, wanted, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Up to <paramref name="count"/> rules whose id, name or slug is nearest to <paramref name="query"/> by edit distance, nearest first.</summary>
    public static IReadOnlyList<Rule> Closest(IEnumerable<Rule> rules, string query, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(query);
        var wanted = query.Trim().ToUpperInvariant();
        return [.. rules
            .Select(r => (Rule: r, Distance: new[] { r.Descriptor.Id, r.Descriptor.Name, r.Descriptor.Slug }.Min(k => Text.EditDistance.Levenshtein(wanted, k.ToUpperInvariant()))))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Rule.Descriptor.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Rule)];
    }
}
