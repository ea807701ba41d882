using System.Reflection;

namespace SkillHost.Evals.Tests.Support;

/// <summary>Finds the source tree (skill, cases, cassettes, report fixtures) from the test binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Skill => Path.Combine(Root, "skill", "performance-optimization");

    public static string SkillFile => Path.Combine(Skill, "SKILL.md");

    public static string Cases => Path.Combine(Root, "evals", "cases");

    public static string Cassettes => Path.Combine(Root, "evals", "cassettes");

    public static string Report(string name) => Path.Combine(Root, "tests", "SkillHost.Evals.Tests", "Reports", name);

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
