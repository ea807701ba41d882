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

        // Claude Code starts the installed tool, and the plugin's server (the same tool, found on PATH, with the plugin's skills).
        environment["PATH"] = Path.GetDirectoryName(tool) + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        var (_, help) = await ProcessRunner.RunAsync(tool, ["--help"], _sandbox.Project, environment, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        if (help.Contains("  serve", StringComparison.Ordinal))
        {
            foreach (var step in new[] { new[] { "plugin", "marketplace", "add", RepoPaths.Root }, ["plugin", "install", "skillhost@skillhost"] })
            {
                var (stepCode, stepOutput) = await ProcessRunner.RunAsync(ClaudeCli.Executable, step, _sandbox.Project, environment, TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
                Assert.True(stepCode == 0, stepOutput);
            }

            var (listCode, list) = await ProcessRunner.RunAsync(ClaudeCli.Executable, ["mcp", "list"], _sandbox.Project, environment, TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            Assert.True(listCode == 0, list);
            Assert.Contains($"skillhost: {tool} serve - ✔ Connected", list, StringComparison.Ordinal);
            Assert.Matches(@"plugin:skillhost:skillhost: skillhost serve --skills \S+skills - ✔ Connected", list);
        }

        // A second run replaces the tool and finds the registration up to date.
        var (again, secondOutput) = await ProcessRunner.RunAsync("bash", [RepoPaths.Combine("installer", "install.sh")], _sandbox.Project,
            environment, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        Assert.True(again == 0, secondOutput);
        Assert.Contains("already installed and up to date", secondOutput, StringComparison.Ordinal);
    }
}

/// <summary>installer/install.ps1, run by the real PowerShell (the repository's local dotnet tool), does the same with its own paths.</summary>
[Collection(SerialPacking.Name)]
public sealed class InstallPowerShellScriptTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Install_ps1_packs_installs_the_tool_and_registers_it_with_the_client_it_is_given()
    {
        var environment = ClaudeCli.Environment(_sandbox);
        environment["SKILLHOST_NO_BUILD"] = "1";
        environment["SKILLHOST_CONFIGURATION"] = SerialPacking.Configuration;
        environment["SKILLHOST_PACKAGE_DIR"] = Path.Combine(_sandbox.Root, "package");
        var (exitCode, output) = await ProcessRunner.RunAsync(SkillHostTool.DotnetHost,
            [PowerShellEntryPoint(), "-NoProfile", "-NonInteractive", "-File", RepoPaths.Combine("installer", "install.ps1"),
                "--client", "vscode", "--scope", "project", "--project", _sandbox.Project],
            _sandbox.Project, environment, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        var tool = Path.Combine(_sandbox.Home, ".dotnet", "tools", OperatingSystem.IsWindows() ? "skillhost.exe" : "skillhost");
        Assert.True(File.Exists(tool), output);
        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(_sandbox.Project, ".vscode", "mcp.json")))!["servers"]!["skillhost"]!;
        Assert.Equal(tool, entry["command"]!.ToString());
        Assert.Equal("stdio", entry["type"]!.ToString());
    }

    // `dotnet tool restore` (run-tests.sh) put pwsh in the real NuGet packages folder; `dotnet tool run` cannot find it
    // under the sandbox HOME (its resolver cache lives in the home), so run the tool's entry point directly.
    private static string PowerShellEntryPoint()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine(".config", "dotnet-tools.json")))!;
        var version = manifest["tools"]!["powershell"]!["version"]!.ToString();
        var packages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(packages, "powershell", version);
        Assert.True(Directory.Exists(package), $"PowerShell {version} is not restored at {package}. Run ./run-tests.sh (it runs 'dotnet tool restore') or 'dotnet tool restore'.");
        var settings = Directory.GetFiles(Path.Combine(package, "tools"), "DotnetToolSettings.xml", SearchOption.AllDirectories).Single();
        var entryPoint = System.Xml.Linq.XDocument.Load(settings).Descendants("Command").Single().Attribute("EntryPoint")!.Value;
        return Path.Combine(Path.GetDirectoryName(settings)!, entryPoint);
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
