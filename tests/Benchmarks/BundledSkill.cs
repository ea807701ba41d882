using System.Reflection;
using SkillHost.Skills;

namespace SkillHost.Benchmarks;

/// <summary>Finds the repository's bundled skill from wherever the benchmarks run.</summary>
internal static class BundledSkill
{
    // BenchmarkDotNet runs from its own generated folder: try the repo root recorded at build time, then walk up.
    public static string Folder()
    {
        var recorded = typeof(BundledSkill).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SkillHost.RepoRoot")?.Value;
        foreach (var start in new[] { recorded, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "skill", "performance-optimization");
                if (File.Exists(Path.Combine(candidate, SkillParser.SkillFileName)))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("skill/performance-optimization not found: run the benchmark from the repository root.");
    }
}
