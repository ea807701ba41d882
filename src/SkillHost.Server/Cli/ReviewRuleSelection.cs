using SkillHost.Analysis.Rules;

namespace SkillHost.Server.Cli;

/// <summary>Turns --select/--ignore values (repeated or comma-separated) into a <see cref="RuleSelection"/>, or a message naming the valid choices.</summary>
internal static class ReviewRuleSelection
{
    public static RuleSelection? Parse(IEnumerable<string> select, IEnumerable<string> ignore, IReadOnlyList<Rule> catalogue, out string? error)
    {
        var selection = new RuleSelection(Split(select), Split(ignore));
        var unknown = selection.Unknown(catalogue).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count == 0)
        {
            error = null;
            return selection;
        }

        var rules = catalogue.Count == 0
            ? "This build has no rules."
            : "Rules:\n" + string.Join('\n', catalogue.Select(r => $"  {r.Descriptor.Id,-7} {r.Descriptor.Slug,-34} {r.Descriptor.Name}"));
        error = $"unknown rule selector{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown.Select(u => $"'{u}'"))}. "
            + "Select by id (PY001), id prefix (PY, RS, PYO), slug (python/quadratic), slug group (python, rust, pyo3) or rule name.\n" + rules;
        return null;
    }

    private static string[] Split(IEnumerable<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
