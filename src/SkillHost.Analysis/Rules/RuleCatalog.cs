namespace SkillHost.Analysis.Rules;

/// <summary>
/// Every rule, listed explicitly (no reflection: the server is published with Native AOT). Ids are
/// append-only: a retired rule keeps its id forever and a new rule takes the next free number.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } = [.. Python.PythonRules.All, .. Rust.RustRules.All, .. PyO3.PyO3Rules.All];

    public static Rule? Find(string idOrSlugOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, idOrSlugOrName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Descriptor.Name, idOrSlugOrName, StringComparison.OrdinalIgnoreCase));
}
