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
        _folder = BundledSkill.Folder();
        _text = File.ReadAllText(Path.Combine(_folder, SkillParser.SkillFileName));
    }

    [Benchmark(Description = "SKILL.md only")]
    public SkillDocument ParseSkillText() => SkillParser.Parse(_text);

    [Benchmark(Description = "SKILL.md + references")]
    public SkillDocument ParseWithReferences() => SkillParser.Parse(_text, _folder);
}
