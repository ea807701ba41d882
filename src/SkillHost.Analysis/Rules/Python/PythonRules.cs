namespace SkillHost.Analysis.Rules.Python;

/// <summary>The Python rules, in id order.</summary>
public static class PythonRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
    ];
}
