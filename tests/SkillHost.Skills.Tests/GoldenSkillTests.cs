using SkillHost.Skills.Json;
using SkillHost.Skills.Tests.Support;

namespace SkillHost.Skills.Tests;

/// <summary>
/// Skills laid out in different ways (Skills/&lt;name&gt;/SKILL.md) against the JSON of their parsed model
/// (Golden/&lt;name&gt;.json). Run with UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
/// </summary>
public sealed class GoldenSkillTests
{
    public static TheoryData<string> SkillNames() =>
        [.. Directory.GetDirectories(Path.Combine(RepoPaths.TestProject, "Skills")).Select(dir => Path.GetFileName(dir)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(SkillNames))]
    public void Given_a_test_skill_When_parsed_Then_its_model_matches_the_golden_json(string name)
    {
        var skill = SkillParser.ParseFile(Path.Combine(RepoPaths.TestSkill(name), "SKILL.md"));

        GoldenFile.Verify(Path.Combine(RepoPaths.TestProject, "Golden", name + ".json"), SkillJson.Serialize(skill));
    }

    [Fact]
    public void Given_the_test_skills_Then_there_are_at_least_five_with_golden_files()
    {
        var names = SkillNames().Select(row => row.Data).ToList();
        Assert.True(names.Count >= 5, $"only {names.Count} test skills");
        Assert.All(names, name => Assert.True(
            File.Exists(Path.Combine(RepoPaths.TestProject, "Golden", name + ".json")) || GoldenFile.Updating,
            $"{name} has no golden file"));
    }
}
