using SkillHost.Installer.Clients;
using SkillHost.Installer.Tests.Support;

namespace SkillHost.Installer.Tests.Installing;

public sealed class ClientTargetsTests
{
    [Fact]
    public void Claude_Desktop_and_VS_Code_on_Windows_live_under_APPDATA()
    {
        using var sandbox = new Sandbox(HostPlatform.Windows, new Dictionary<string, string> { ["APPDATA"] = "/roaming" });

        Assert.Equal(Path.Combine("/roaming", "Claude", "claude_desktop_config.json"), sandbox.Target(ClientKind.ClaudeDesktop, InstallScope.User).Config.FilePath);
        Assert.Equal(Path.Combine("/roaming", "Code", "User", "mcp.json"), sandbox.Target(ClientKind.VsCode, InstallScope.User).Config.FilePath);
    }

    [Fact]
    public void Claude_Desktop_on_macOS_lives_in_Application_Support_and_installs_despite_the_space()
    {
        using var sandbox = new Sandbox(HostPlatform.MacOS);
        var installer = sandbox.Installer();

        installer.Install(ClientKind.ClaudeDesktop, InstallScope.User, dryRun: false, TextWriter.Null);

        var config = Path.Combine(sandbox.Home, "Library", "Application Support", "Claude", "claude_desktop_config.json");
        Assert.Equal(config, sandbox.Target(ClientKind.ClaudeDesktop, InstallScope.User).Config.FilePath);
        Assert.Contains("\"command\": \"/opt/Skill Host/skillhost\"", File.ReadAllText(config), StringComparison.Ordinal);
    }

    [Fact]
    public void Linux_honours_XDG_CONFIG_HOME()
    {
        using var sandbox = new Sandbox(HostPlatform.Linux, new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = "/xdg" });

        Assert.Equal(Path.Combine("/xdg", "Claude", "claude_desktop_config.json"), sandbox.Target(ClientKind.ClaudeDesktop, InstallScope.User).Config.FilePath);
    }

    [Fact]
    public void Claude_Code_honours_CLAUDE_CONFIG_DIR()
    {
        using var sandbox = new Sandbox(HostPlatform.Linux, new Dictionary<string, string> { ["CLAUDE_CONFIG_DIR"] = "/claude-config" });

        var target = sandbox.Target(ClientKind.ClaudeCode, InstallScope.User);

        Assert.Equal(Path.Combine("/claude-config", ".claude.json"), target.Config.FilePath);
        Assert.Equal(Path.Combine("/claude-config", "skills", "performance-optimization"), target.SkillDirectory);
    }

    [Fact]
    public void Claude_Code_local_scope_keys_the_project_by_its_absolute_path()
    {
        using var sandbox = new Sandbox(projectName: "my project");

        var target = sandbox.Target(ClientKind.ClaudeCode, InstallScope.Local);

        Assert.Equal(["projects", sandbox.Project, "mcpServers", "skillhost"], target.Config.MemberPath);
        Assert.Equal($"projects[\"{sandbox.Project}\"].mcpServers.skillhost", target.Config.DisplayPath);
    }

    [Theory]
    [InlineData("claude-code", ClientKind.ClaudeCode)]
    [InlineData("VSCode", ClientKind.VsCode)]
    [InlineData("claude-desktop", ClientKind.ClaudeDesktop)]
    public void Client_names_parse(string name, ClientKind expected) => Assert.Equal(expected, ClientNames.ParseClient(name));

    [Fact]
    public void An_unknown_client_name_lists_the_known_ones()
    {
        var error = Assert.Throws<InstallerException>(() => ClientNames.ParseClient("zed"));

        Assert.Equal("Unknown client 'zed': use one of claude-code, vscode, cursor, claude-desktop.", error.Message);
    }
}
