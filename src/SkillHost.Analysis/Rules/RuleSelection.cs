namespace SkillHost.Analysis.Rules;

/// <summary>
/// Which rules run: <c>--select</c> and <c>--ignore</c> entries, each a rule id ("PY003"), an id
/// prefix ("PY", "RS0"), a slug ("python/quadratic"), a slug group ("pyo3") or a rule name.
/// </summary>
public sealed record RuleSelection(IReadOnlyList<string> Select, IReadOnlyList<string> Ignore)
{
    public static RuleSelection All { get; } = new([], []);

    public IReadOnlyList<Rule> Apply(IEnumerable<Rule> rules) =>
        [.. rules.Where(r => (Select.Count == 0 || Select.Any(s => Matches(r.Descriptor, s))) && !Ignore.Any(s => Matches(r.Descriptor, s)))];

    /// <summary>The entries that match no rule at all, so a typo can be reported instead of silently selecting nothing.</summary>
    public IEnumerable<string> Unknown(IEnumerable<Rule> rules)
    {
        var list = rules.ToList();
        return Select.Concat(Ignore).Where(s => !list.Any(r => Matches(r.Descriptor, s)));
    }

    public static bool Matches(RuleDescriptor rule, string entry)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(entry);
        return rule.Id.StartsWith(entry, StringComparison.OrdinalIgnoreCase) && IsIdPrefix(rule.Id, entry)
            || string.Equals(rule.Slug, entry, StringComparison.OrdinalIgnoreCase)
            || rule.Slug.StartsWith(entry + "/", StringComparison.OrdinalIgnoreCase)
            || string.Equals(rule.Name, entry, StringComparison.OrdinalIgnoreCase);
    }

    // "PY" selects PY001… but not PYO001; "PYO" selects the PyO3 rules.
    private static bool IsIdPrefix(string id, string entry) =>
        entry.Length == id.Length || char.IsDigit(id[entry.Length]) || char.IsDigit(entry[^1]);
}
