using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tests.Support;
using SkillHost.Server.Tools;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>
/// The server lists its tools from <c>src/SkillHost.Server/Tools/tool-schemas.json</c> instead of deriving the schemas
/// at start-up; these tests keep that file equal to what the SDK derives from the tool methods today.
/// </summary>
public sealed class ToolSchemaSnapshotTests
{
    private static string SnapshotPath => Path.Combine(NodeClients.RepoRoot, "src", "SkillHost.Server", "Tools", ToolSchemaSnapshot.FileName);

    [Fact]
    public void Given_the_tools_as_the_SDK_builds_them_When_serialised_Then_they_equal_the_snapshot_file()
    {
        // UPDATE_GOLDEN=1 rewrites the file; rebuild afterwards, it is embedded in the server.
        var derived = ToolSchemaSnapshot.Serialize(DerivedBySdk().Select(t => t.ProtocolTool));

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(SnapshotPath, derived);
        }

        Assert.True(
            File.ReadAllText(SnapshotPath).ReplaceLineEndings("\n") == derived,
            $"{SnapshotPath} no longer matches the tool methods (a description, parameter or result type changed). Rerun the tests with UPDATE_GOLDEN=1, review the diff and rebuild.");
    }

    [Fact]
    public async Task Given_the_running_server_When_tools_are_listed_Then_they_are_the_ones_the_SDK_derives()
    {
        await using var server = await InProcessServer.StartAsync();

        var listed = await server.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            ToolSchemaSnapshot.Serialize(DerivedBySdk().Select(t => t.ProtocolTool)),
            ToolSchemaSnapshot.Serialize(listed.Select(t => t.ProtocolTool)));
    }

    // The SDK's own registration (WithTools<T>, reflection over the methods and result types), with the server's services so injected parameters stay out of the schemas.
    private static List<McpServerTool> DerivedBySdk()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_ => ServerEnvironment.Current());
        services.AddSingleton(_ => new SkillCatalog(new SkillCatalogOptions([], InProcessServer.BundledSkills, Watch: false)));
        services.AddSingleton(_ => new ReviewStore());
        services.AddMcpServer().WithSkillHostTools(listFromSnapshot: false);
        using var provider = services.BuildServiceProvider();
        return [.. provider.GetServices<McpServerTool>()];
    }
}
