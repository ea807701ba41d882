using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SkillHost.Installer.Tests.Support;

namespace SkillHost.Installer.Tests.Packaging;

/// <summary>The dotnet tool package is also an MCP server package whose .mcp/server.json names the package's own version.</summary>
[Collection(SerialPacking.Name)]
public sealed class PackageTests
{
    private static string ServerProject => RepoPaths.Combine("src", "SkillHost.Server", "SkillHost.Server.csproj");

    private static string ProjectProperty(string name) =>
        XDocument.Load(ServerProject).Descendants(name).Single().Value;

    private static JsonNode ServerJson(string text) => JsonNode.Parse(text)!;

    [Fact]
    public void Server_json_names_the_package_id_and_version_of_the_project()
    {
        var serverJson = ServerJson(File.ReadAllText(RepoPaths.Combine("src", "SkillHost.Server", ".mcp", "server.json")));
        var version = ProjectProperty("Version");

        Assert.Equal(version, serverJson["version"]!.ToString());
        var package = Assert.Single(serverJson["packages"]!.AsArray())!;
        Assert.Equal(version, package["version"]!.ToString());
        Assert.Equal(ProjectProperty("PackageId"), package["identifier"]!.ToString());
        Assert.Equal("nuget", package["registryType"]!.ToString());
        Assert.Equal("serve", package["packageArguments"]![0]!["value"]!.ToString());
    }

    [Fact]
    public void Plugin_and_marketplace_carry_the_package_version()
    {
        var version = ProjectProperty("Version");
        var plugin = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("installer", "plugin", ".claude-plugin", "plugin.json")))!;
        var marketplace = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine(".claude-plugin", "marketplace.json")))!;

        Assert.Equal(version, plugin["version"]!.ToString());
        Assert.Equal(version, marketplace["plugins"]![0]!["version"]!.ToString());
        Assert.Equal("./installer/plugin", marketplace["plugins"]![0]!["source"]!.ToString());
    }

    [Fact]
    public async Task Dotnet_pack_makes_a_tool_and_mcp_server_package_with_the_skill_and_a_matching_server_json()
    {
        using var sandbox = new Sandbox();
        var output = Path.Combine(sandbox.Root, "package");
        var configuration = SerialPacking.Configuration;

        var (exitCode, log) = await ProcessRunner.RunAsync(SkillHostTool.DotnetHost,
            ["pack", ServerProject, "--no-build", "-c", configuration, "-o", output, "-v", "quiet"],
            sandbox.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, log);

        var nupkg = Assert.Single(Directory.GetFiles(output, "*.nupkg"));
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var version = nuspec.Descendants(ns + "version").Single().Value;
        Assert.Equal(["DotnetTool", "McpServer"], nuspec.Descendants(ns + "packageType").Select(t => t.Attribute("name")!.Value).Order());

        using var serverJsonReader = new StreamReader(zip.GetEntry(".mcp/server.json")!.Open());
        var serverJson = ServerJson(await serverJsonReader.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Equal(version, serverJson["version"]!.ToString());
        Assert.Equal(version, serverJson["packages"]![0]!["version"]!.ToString());

        var settings = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        Assert.Equal("skillhost", settings.Descendants("Command").Single().Attribute("Name")!.Value);
        foreach (var file in Directory.EnumerateFiles(Sandbox.BundledSkill, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Sandbox.BundledSkill, file).Replace('\\', '/');
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/skill/performance-optimization/" + relative, StringComparison.Ordinal));
        }
    }
}
