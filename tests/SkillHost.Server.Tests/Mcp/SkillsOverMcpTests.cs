using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>SEP-2640: the extension is declared; skills/list and skills/get give URIs, frontmatter and digests that match the served bytes.</summary>
public sealed class SkillsOverMcpTests
{
    [Fact]
    public async Task Given_initialize_Then_the_skills_extension_is_declared()
    {
        await using var server = await InProcessServer.StartAsync();

        Assert.True(server.Client.ServerCapabilities.Extensions?.ContainsKey("io.modelcontextprotocol/skills"));
    }

    [Fact]
    public async Task Given_skills_list_Then_every_manifest_entry_has_the_sha256_and_size_of_the_bytes_resources_read_serves()
    {
        await using var server = await InProcessServer.StartAsync();

        var list = await server.Client.RequestAsync("skills/list");

        var skill = list!["skills"]!.AsArray().Single(s => (string?)s!["uri"] == "skill://performance-optimization/SKILL.md")!;
        Assert.Equal("performance-optimization", (string?)skill["frontmatter"]!["name"]);
        Assert.Equal("Apache-2.0", (string?)skill["frontmatter"]!["license"]);
        Assert.IsType<JsonObject>(skill["frontmatter"]!["metadata"]);
        var manifest = skill["resources"]!.AsArray();
        Assert.Contains(manifest, r => (string?)r!["uri"] == "skill://performance-optimization/SKILL.md");
        foreach (var entry in manifest)
        {
            var read = await server.Client.ReadResourceAsync((string)entry!["uri"]!, cancellationToken: TestContext.Current.CancellationToken);
            var bytes = System.Text.Encoding.UTF8.GetBytes(Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
            Assert.Equal((long)entry["size"]!, bytes.Length);
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), (string?)entry["digest"]);
        }
    }

    [Fact]
    public async Task Given_a_skill_uri_When_skills_get_Then_the_entry_is_wrapped_in_skill()
    {
        await using var server = await InProcessServer.StartAsync();

        var result = await server.Client.RequestAsync("skills/get", new JsonObject { ["uri"] = "skill://performance-optimization/SKILL.md" });

        Assert.Equal("skill://performance-optimization/SKILL.md", (string?)result!["skill"]!["uri"]);
        Assert.NotEmpty(result["skill"]!["resources"]!.AsArray());
    }

    [Theory]
    [InlineData("skill://nope/SKILL.md", "skills/list gives the URIs")]
    [InlineData(null, "needs a 'uri'")]
    public async Task Given_a_bad_uri_When_skills_get_Then_invalid_params_and_the_server_keeps_serving(string? uri, string message)
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.RequestAsync("skills/get", uri is null ? new JsonObject() : new JsonObject { ["uri"] = uri }));
        var next = await server.Client.RequestAsync("skills/list");

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.NotEmpty(next!["skills"]!.AsArray());
    }
}
