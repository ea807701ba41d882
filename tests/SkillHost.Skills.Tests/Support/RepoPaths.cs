using SkillHost.Testing;

namespace SkillHost.Skills.Tests.Support;

/// <summary>Finds files in the source tree (not the build output), so golden files can be rewritten in place.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string TestProject => Path.Combine(Root, "tests", "SkillHost.Skills.Tests");

    public static string TestSkill(string name) => Path.Combine(TestProject, "Skills", name);

    public static string BundledSkill => Path.Combine(Root, "skill", "performance-optimization");
}
