namespace SkillHost.Analysis.Rules;

/// <summary>
/// The registry of rules: every rule, listed explicitly (no reflection: the server is published with Native AOT).
/// A rule's identity (id, slug, name, language, docs) is stated once, in its <see cref="RuleDescriptor"/>; its group
/// comes from the slug, its fixture, example snippets and generated doc are named from its id. Ids are append-only:
/// a retired rule keeps its id forever and a new rule takes the next free number.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } = [.. Python.PythonRules.All, .. Rust.RustRules.All, .. PyO3.PyO3Rules.All];

    /// <summary>The rule with this id or name (case-insensitive), or the only rule reporting this slug; null otherwise.</summary>
    public static Rule? Find(string idSlugOrName) => RuleLookup.Resolve(All, idSlugOrName) is [var only] ? only : null;
}
