using SkillHost.Server.Tests.Support;
using SkillHost.Skills;

namespace SkillHost.Server.Tests.Mcp;

/// <summary><c>get_skill_section</c>: one section of the skill, as the parsed SKILL.md has it.</summary>
public sealed class GetSkillSectionToolTests
{
    [Fact]
    public async Task Given_part_of_a_title_When_read_Then_the_section_and_its_subsections_come_from_the_skill()
    {
        await using var server = await InProcessServer.StartAsync();
        var skill = server.Catalog.Require(null).Document;
        var expected = skill.FindSection(s => s.Title.Contains("biggest lever", StringComparison.Ordinal))!;

        var section = (await server.Client.CallAsync("get_skill_section", new() { ["section"] = "biggest lever" })).Structured();

        Assert.Equal(expected.Title, section.GetProperty("title").GetString());
        Assert.Equal(expected.Line, section.GetProperty("line").GetInt32());
        Assert.StartsWith($"### {expected.Title}\n", section.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Contains(expected.Text[..40], section.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_section_with_children_When_read_Then_subsections_are_listed_with_addresses_that_resolve()
    {
        await using var server = await InProcessServer.StartAsync();

        var workflow = (await server.Client.CallAsync("get_skill_section", new() { ["section"] = "workflow" })).Structured();
        var first = workflow.GetProperty("subsections")[0];
        var again = (await server.Client.CallAsync("get_skill_section", new() { ["section"] = first.GetProperty("address").GetString() })).Structured();

        Assert.StartsWith("Step 1", first.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.GetProperty("title").GetString(), again.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("no such heading anywhere", "has no section matching", "'Workflow'")]
    [InlineData("Step", "matches", "'Step 1")]
    [InlineData(" ", "is empty", "'Workflow'")]
    public async Task Given_an_unknown_or_ambiguous_section_Then_the_error_lists_what_exists(string query, string message, string listed)
    {
        await using var server = await InProcessServer.StartAsync();

        var result = await server.Client.CallAsync("get_skill_section", new() { ["section"] = query });

        Assert.True(result.IsError);
        Assert.Contains(message, result.Text(), StringComparison.Ordinal);
        Assert.Contains(listed, result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_skill_is_the_one_parsed_from_SKILL_md()
    {
        var parsed = SkillParser.ParseFile(Path.Combine(InProcessServer.BundledSkills, "performance-optimization", "SKILL.md"));

        Assert.Equal("performance-optimization", parsed.Name);
    }
}
