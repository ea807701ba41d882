using System.Reflection;

namespace SkillHost.Skills.Tests.Support;

/// <summary>Finds files in the source tree (not the build output), so golden files can be rewritten in place.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "SkillHost.Skills.Tests");

    public static string TestSkill(string name) => Path.Combine(TestProject, "Skills", name);

    public static string BundledSkill => Path.Combine(Root, "skill", "performance-optimization");

    // Walk up from the binary (the default build layout); with --artifacts-path elsewhere, use the root the build recorded.
    private static string FindRoot()
    {
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SkillHost.RepoRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, recorded })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "McpServer.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"McpServer.sln not found above {AppContext.BaseDirectory} or {recorded}; run the tests from the repository.");
    }
}
