using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Clients;

/// <summary>The MCP conformance suite (npm @modelcontextprotocol/conformance, Node 22) against the built HTTP server: its generic server scenarios and DNS-rebinding protection.</summary>
public sealed class ConformanceTests
{
    [Theory]
    [InlineData("server-initialize")]
    [InlineData("ping")]
    [InlineData("tools-list")]
    [InlineData("prompts-list")]
    [InlineData("resources-list")]
    [InlineData("logging-set-level")]
    [InlineData("resources-subscribe")]
    [InlineData("resources-unsubscribe")]
    [InlineData("dns-rebinding-protection")]
    public async Task Given_the_http_server_When_a_generic_scenario_runs_Then_every_check_passes(string scenario)
    {
        await using var server = await ServerProcess.StartHttpAsync();

        var (exitCode, output, error) = await NodeClients.RunAsync([NodeClients.Conformance, "server", "--url", server.Url, "--scenario", scenario]);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Matches(@"Passed: (\d+)/\1, 0 failed", output);
    }
}
