using System.Text.Json;
using ModelContextProtocol.Protocol;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>The skill:// resources: every file of the skill folder byte for byte, section views and JSON views, with MIME types.</summary>
public sealed class ResourceTests
{
    private static string SkillFolder => Path.Combine(InProcessServer.BundledSkills, "performance-optimization");

    [Fact]
    public async Task Given_the_bundled_skill_Then_every_file_of_its_folder_is_a_resource_with_size_and_mime_type()
    {
        await using var server = await InProcessServer.StartAsync();

        var resources = await server.Client.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken);
        var byUri = resources.ToDictionary(r => r.Uri, r => r.ProtocolResource);

        foreach (var file in Directory.EnumerateFiles(SkillFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(SkillFolder, file).Replace('\\', '/');
            var resource = byUri[$"skill://performance-optimization/{relative}"];
            Assert.Equal(new FileInfo(file).Length, resource.Size);
            Assert.Equal("text/markdown", resource.MimeType);
        }

        Assert.Equal("application/json", byUri["skill://performance-optimization/cost-tables.json"].MimeType);
        Assert.Equal("application/json", byUri["skill://performance-optimization/checklist.json"].MimeType);
        Assert.Contains(byUri.Keys, u => u.StartsWith("skill://performance-optimization/sections/", StringComparison.Ordinal) && u.EndsWith("/workflow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_SKILL_md_When_read_Then_the_text_is_the_file_exactly()
    {
        await using var server = await InProcessServer.StartAsync();

        var result = await server.Client.ReadResourceAsync("skill://performance-optimization/SKILL.md", cancellationToken: TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(SkillFolder, "SKILL.md"), TestContext.Current.CancellationToken), text.Text);
        Assert.Equal("text/markdown", text.MimeType);
    }

    [Fact]
    public async Task Given_the_json_views_When_read_Then_they_hold_the_parsed_cost_tables_and_checklist()
    {
        await using var server = await InProcessServer.StartAsync();
        var skill = server.Catalog.Require(null).Document;

        var costs = await ReadJsonAsync(server, "skill://performance-optimization/cost-tables.json");
        var checklist = await ReadJsonAsync(server, "skill://performance-optimization/checklist.json");

        Assert.Equal(skill.CostTables.Length, costs.GetArrayLength());
        Assert.Equal(skill.CostTables[0].Rows[0].Operation, costs[0].GetProperty("rows")[0].GetProperty("operation").GetString());
        var slugs = checklist.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("slug").GetString());
        Assert.Equal(skill.Checklist!.AllItems.Select(i => i.Slug), slugs);
    }

    [Fact]
    public async Task Given_a_section_view_When_read_Then_it_is_that_sections_markdown()
    {
        await using var server = await InProcessServer.StartAsync();
        var resources = await server.Client.ListResourcesAsync(cancellationToken: TestContext.Current.CancellationToken);
        var uri = resources.Select(r => r.Uri).Single(u => u.EndsWith("/quick-review-checklist", StringComparison.Ordinal));

        var result = await server.Client.ReadResourceAsync(uri, cancellationToken: TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text;
        Assert.StartsWith("## Quick review checklist", text, StringComparison.Ordinal);
        Assert.Contains("### Rust", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_resource_When_read_Then_an_error_and_the_next_read_is_served()
    {
        await using var server = await InProcessServer.StartAsync();

        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => server.Client.ReadResourceAsync("skill://performance-optimization/../../etc/passwd", cancellationToken: TestContext.Current.CancellationToken).AsTask());
        var next = await server.Client.ReadResourceAsync("skill://performance-optimization/SKILL.md", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(next.Contents);
    }

    private static async Task<JsonElement> ReadJsonAsync(InProcessServer server, string uri)
    {
        var result = await server.Client.ReadResourceAsync(uri, cancellationToken: TestContext.Current.CancellationToken);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents)).Text;
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
