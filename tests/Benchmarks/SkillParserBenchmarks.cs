using System.Reflection;
using BenchmarkDotNet.Attributes;
using SkillHost.Skills;

namespace SkillHost.Benchmarks;

/// <summary>Warm parse of the bundled SKILL.md (text already in memory; references read from disk as in real use). Goal: under 5 ms.</summary>
[MemoryDiagnoser]
public class SkillParserBenchmarks
{
    private string _text = string.Empty;
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = FindBundledSkill();
        _text = File.ReadAllText(Path.Combine(_folder, SkillParser.SkillFileName));
    }

    [Benchmark(Description = "SKILL.md only")]
    public SkillDocument ParseSkillText() => SkillParser.Parse(_text);

    [Benchmark(Description = "SKILL.md + references")]
    public SkillDocument ParseWithReferences() => SkillParser.Parse(_text, _folder);

    // BenchmarkDotNet runs from its own generated folder: try the repo root recorded at build time, then walk up.
    private static string FindBundledSkill()
    {
        var recorded = typeof(SkillParserBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
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
