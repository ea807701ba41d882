using SkillHost.Testing;

namespace SkillHost.Evals.Tests.Support;

/// <summary>Finds the source tree (skill, cases, cassettes, report fixtures) from the test binary.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string Skill => Path.Combine(Root, "skill", "performance-optimization");

    public static string SkillFile => Path.Combine(Skill, "SKILL.md");

    public static string Cases => Path.Combine(Root, "evals", "cases");

    public static string Cassettes => Path.Combine(Root, "evals", "cassettes");

    public static string Report(string name) => Path.Combine(Root, "tests", "SkillHost.Evals.Tests", "Reports", name);
}
