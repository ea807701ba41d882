namespace SkillHost.Analysis.Rules.Rust;

/// <summary>The Rust rules, in id order.</summary>
public static class RustRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
    ];
}
