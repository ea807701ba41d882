using System.Text.Json.Nodes;
using SkillHost.Installer.Tests.Support;

namespace SkillHost.Installer.Tests.Clients;

/// <summary>The real Claude Code CLI, in a temporary HOME, reads what the installer wrote and accepts the plugin.</summary>
public sealed class ClaudeCodeCliTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_skillhost_install_claude_mcp_list_reports_the_server_connected()
    {
        var (_, help) = await SkillHostTool.RunAsync(_sandbox, Token, "--help");
        if (!help.Contains("  serve", StringComparison.Ordinal))
        {
            Assert.Skip("This build of skillhost has no 'serve' verb yet (it lands with the MCP server branch).");
        }

        var (installCode, installOutput) = await SkillHostTool.RunAsync(_sandbox, Token, "install", "--client", "claude-code");
        Assert.True(installCode == 0, installOutput);

        var (exitCode, output) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "mcp", "list");

        Assert.True(exitCode == 0, output);
        Assert.Matches($@"skillhost: .*{Regex(SkillHostTool.Dll)} serve - ✔ Connected", output);
    }

    [Fact]
    public async Task A_local_scope_install_is_read_by_claude_as_local_config_and_uninstall_removes_it()
    {
        File.WriteAllText(Path.Combine(_sandbox.Home, ".claude.json"), "{\n  \"numStartups\": 3\n}\n");
        var (installCode, installOutput) = await SkillHostTool.RunAsync(_sandbox, Token, "install", "--client", "claude-code", "--scope", "local");
        Assert.True(installCode == 0, installOutput);

        var (exitCode, output) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "mcp", "get", "skillhost");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Scope: Local config", output, StringComparison.Ordinal);
        Assert.Contains(SkillHostTool.Dll, output, StringComparison.Ordinal);

        var (uninstallCode, uninstallOutput) = await SkillHostTool.RunAsync(_sandbox, Token, "uninstall", "--client", "claude-code", "--scope", "local");
        Assert.True(uninstallCode == 0, uninstallOutput);
        var (_, after) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "mcp", "get", "skillhost");
        Assert.Contains("No MCP server named \"skillhost\"", after, StringComparison.Ordinal);
        Assert.Equal(3, JsonNode.Parse(File.ReadAllText(Path.Combine(_sandbox.Home, ".claude.json")))!["numStartups"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_config_claude_itself_wrote_keeps_working_after_install()
    {
        // Claude writes ~/.claude.json first (its own keys and a server added with its own command), then we merge into it.
        var (addCode, addOutput) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "mcp", "add-json", "-s", "user", "theirs", """{"type":"stdio","command":"/bin/true"}""");
        Assert.True(addCode == 0, addOutput);
        var (installCode, installOutput) = await SkillHostTool.RunAsync(_sandbox, Token, "install", "--client", "claude-code");
        Assert.True(installCode == 0, installOutput);

        var (exitCode, output) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "mcp", "get", "theirs");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Scope: User config", output, StringComparison.Ordinal);
        var (_, ours) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "mcp", "get", "skillhost");
        Assert.Contains("Scope: User config", ours, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("installer/plugin")]
    [InlineData(".claude-plugin/marketplace.json")]
    public async Task Claude_plugin_validate_strict_accepts_the_plugin_and_the_marketplace(string path)
    {
        var (exitCode, output) = await ClaudeCli.RunAsync(_sandbox, RepoPaths.Root, Token, "plugin", "validate", "--strict", RepoPaths.Combine(path.Split('/')));

        Assert.True(exitCode == 0, output);
        Assert.Contains("✔ Validation passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_marketplace_adds_and_the_plugin_installs_with_its_skill_and_server()
    {
        var (addCode, addOutput) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "plugin", "marketplace", "add", RepoPaths.Root);
        Assert.True(addCode == 0, addOutput);
        var (installCode, installOutput) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "plugin", "install", "skillhost@skillhost");
        Assert.True(installCode == 0, installOutput);

        var (listCode, list) = await ClaudeCli.RunAsync(_sandbox, _sandbox.Project, Token, "plugin", "list");

        Assert.True(listCode == 0, list);
        Assert.Contains("skillhost@skillhost", list, StringComparison.Ordinal);
        Assert.Contains("enabled", list, StringComparison.Ordinal);
        var cached = Directory.GetFiles(Path.Combine(_sandbox.Home, ".claude", "plugins", "cache"), "SKILL.md", SearchOption.AllDirectories);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Sandbox.BundledSkill, "SKILL.md")), File.ReadAllBytes(Assert.Single(cached)));
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
