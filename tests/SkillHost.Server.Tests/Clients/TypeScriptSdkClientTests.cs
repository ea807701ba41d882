using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Clients;

/// <summary>The official TypeScript SDK client (npm @modelcontextprotocol/sdk) against the built server, over stdio and HTTP.</summary>
public sealed class TypeScriptSdkClientTests
{
    [Fact]
    public async Task Given_the_stdio_server_When_the_typescript_client_drives_it_Then_every_feature_answers()
    {
        var (exitCode, output, error) = await NodeClients.RunAsync(["sdk-client.mjs", "stdio", .. ServerProcess.StdioCommand]);

        AssertSummary(exitCode, output, error);
    }

    [Fact]
    public async Task Given_the_http_server_When_the_typescript_client_drives_it_Then_every_feature_answers()
    {
        await using var server = await ServerProcess.StartHttpAsync();

        var (exitCode, output, error) = await NodeClients.RunAsync(["sdk-client.mjs", "http", server.Url]);

        AssertSummary(exitCode, output, error + server.Stderr);
    }

    [Fact]
    public async Task Given_a_token_When_the_client_sends_it_Then_it_is_served()
    {
        await using var server = await ServerProcess.StartHttpAsync("--token", "s3cret-token");

        var (exitCode, output, error) = await NodeClients.RunAsync(["sdk-client.mjs", "http", server.Url, "s3cret-token"]);

        AssertSummary(exitCode, output, error + server.Stderr);
    }

    private static void AssertSummary(int exitCode, string output, string error)
    {
        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var summary = json.RootElement;
        Assert.Equal("skillhost", summary.GetProperty("server").GetString());
        Assert.Contains("io.modelcontextprotocol/skills", summary.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("fix_code", summary.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.All(summary.GetProperty("tools").EnumerateArray(), t => Assert.True(t.GetProperty("readOnly").GetBoolean() && t.GetProperty("hasOutputSchema").GetBoolean()));
        Assert.False(summary.GetProperty("review").GetProperty("isError").GetBoolean());
        Assert.Contains("python/quadratic", summary.GetProperty("review").GetProperty("slugs").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Workflow", summary.GetProperty("section").GetString());
        Assert.False(summary.GetProperty("fix").GetProperty("isError").GetBoolean());
        Assert.Equal("import asyncio\nimport time\n\nasync def poll(ids):\n    for i in ids:\n        await asyncio.sleep(0.1)\n", summary.GetProperty("fix").GetProperty("fixedCode").GetString());
        Assert.Equal(1, summary.GetProperty("fix").GetProperty("fixed").GetInt32());
        Assert.False(summary.GetProperty("reviewCode").GetProperty("isError").GetBoolean());
        Assert.True(summary.GetProperty("reviewCode").GetProperty("hasParts").GetBoolean());
        Assert.True(summary.GetProperty("reviewCode").GetProperty("issues").GetInt32() > 0);
        Assert.Equal("library", summary.GetProperty("classify").GetString());
        Assert.Equal(1, summary.GetProperty("estimateLines").GetInt32());
        Assert.True(summary.GetProperty("formatMissing").GetInt32() > 0);
        Assert.True(summary.GetProperty("badInput").GetProperty("isError").GetBoolean());
        Assert.Contains("Unsupported language 'cobol'", summary.GetProperty("badInput").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("no_such_tool", summary.GetProperty("unknownTool").GetString(), StringComparison.Ordinal);
        Assert.True(summary.GetProperty("resources").GetInt32() > 10);
        Assert.Equal("text/markdown", summary.GetProperty("skillMimeType").GetString());
        Assert.Equal("---", summary.GetProperty("skillStartsWith").GetString());
        Assert.Contains("performance_review", summary.GetProperty("prompts").EnumerateArray().Select(p => p.GetString()));
        Assert.True(summary.GetProperty("promptMentionsGoal").GetBoolean());
    }
}
