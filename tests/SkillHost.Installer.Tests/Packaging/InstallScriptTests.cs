using System.Reflection;
using System.Text.Json.Nodes;
using SkillHost.Installer.Tests.Support;

namespace SkillHost.Installer.Tests.Packaging;

/// <summary>installer/install.sh takes the clone to an installed dotnet tool registered with Claude Code, all inside a temporary HOME.</summary>
[Collection(SerialPacking.Name)]
public sealed class InstallScriptTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Install_sh_packs_installs_the_tool_and_registers_it_with_claude_code()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("install.sh is the Linux and macOS script; Windows uses install.ps1.");
        }

        var environment = ClaudeCli.Environment(_sandbox);
        environment["SKILLHOST_NO_BUILD"] = "1";
        environment["SKILLHOST_CONFIGURATION"] = SerialPacking.Configuration;
        environment["SKILLHOST_PACKAGE_DIR"] = Path.Combine(_sandbox.Root, "package");

        var (exitCode, output) = await ProcessRunner.RunAsync("bash", [RepoPaths.Combine("installer", "install.sh")], _sandbox.Project,
            environment, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        var tool = Path.Combine(_sandbox.Home, ".dotnet", "tools", "skillhost");
        Assert.True(File.Exists(tool), output);
        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(_sandbox.Home, ".claude.json")))!["mcpServers"]!["skillhost"]!;
        Assert.Equal(tool, entry["command"]!.ToString());
        Assert.Equal("""["serve"]""", entry["args"]!.ToJsonString());
        Assert.True(File.Exists(Path.Combine(_sandbox.Home, ".claude", "skills", "performance-optimization", "SKILL.md")));

        // A second run replaces the tool and finds the registration up to date.
        var (again, secondOutput) = await ProcessRunner.RunAsync("bash", [RepoPaths.Combine("installer", "install.sh")], _sandbox.Project,
            environment, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        Assert.True(again == 0, secondOutput);
        Assert.Contains("already installed and up to date", secondOutput, StringComparison.Ordinal);
    }
}

/// <summary>Tests that run <c>dotnet pack</c> on the server project share its obj folder, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SerialPacking
{
    public const string Name = "dotnet pack";

    /// <summary>The configuration the tests (and so skillhost) were built in: packing reuses that build.</summary>
    public static string Configuration =>
        typeof(SerialPacking).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SkillHost.Configuration").Value!;
}
