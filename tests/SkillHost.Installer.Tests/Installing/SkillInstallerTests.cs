using System.Text;
using System.Text.Json.Nodes;
using SkillHost.Installer.Clients;
using SkillHost.Installer.Jsonc;
using SkillHost.Installer.Tests.Support;

namespace SkillHost.Installer.Tests.Installing;

public sealed class SkillInstallerTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static readonly string[] SkillFiles = ["SKILL.md", Path.Combine("references", "techniques.md")];

    [Theory]
    [MemberData(nameof(ConfigVariants.JsonNames), MemberType = typeof(ConfigVariants))]
    public void Install_then_uninstall_gives_back_the_original_claude_json(string variant)
    {
        var config = Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), ConfigVariants.Json[variant]);
        var installer = _sandbox.Installer();

        installer.Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

        AssertUserBytesKept(ConfigVariants.Json[variant], config);
        var entry = ReadEntry(config, ["mcpServers", "skillhost"], jsonc: false);
        Assert.Equal("/opt/Skill Host/skillhost", entry["command"]!.ToString());
        Assert.Equal("stdio", entry["type"]!.ToString());
        foreach (var file in SkillFiles)
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(Sandbox.BundledSkill, file)),
                File.ReadAllBytes(Path.Combine(_sandbox.Home, ".claude", "skills", "performance-optimization", file)));
        }

        installer.Uninstall(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

        Assert.Equal(ConfigVariants.Json[variant], File.ReadAllBytes(config));
        Assert.False(Directory.Exists(Path.Combine(_sandbox.Home, ".claude")), "the skill folders the install created are removed");
    }

    [Theory]
    [MemberData(nameof(ConfigVariants.JsoncNames), MemberType = typeof(ConfigVariants))]
    public void Install_then_uninstall_gives_back_the_original_vscode_mcp_json(string variant)
    {
        var config = Sandbox.Write(Path.Combine(_sandbox.Project, ".vscode", "mcp.json"), ConfigVariants.Jsonc[variant]);
        var installer = _sandbox.Installer();

        installer.Install(ClientKind.VsCode, InstallScope.Project, dryRun: false, TextWriter.Null);

        AssertUserBytesKept(ConfigVariants.Jsonc[variant], config);

        Assert.Equal("/opt/Skill Host/skillhost", ReadEntry(config, ["servers", "skillhost"], jsonc: true)["command"]!.ToString());
        installer.Uninstall(ClientKind.VsCode, InstallScope.Project, dryRun: false, TextWriter.Null);
        Assert.Equal(ConfigVariants.Jsonc[variant], File.ReadAllBytes(config));
    }

    [Theory]
    [InlineData(ClientKind.ClaudeCode, InstallScope.User, ".claude.json")]
    [InlineData(ClientKind.ClaudeCode, InstallScope.Project, "project/.mcp.json")]
    [InlineData(ClientKind.ClaudeCode, InstallScope.Local, ".claude.json")]
    [InlineData(ClientKind.VsCode, InstallScope.Project, "project/.vscode/mcp.json")]
    [InlineData(ClientKind.VsCode, InstallScope.User, ".config/Code/User/mcp.json")]
    [InlineData(ClientKind.Cursor, InstallScope.Project, "project/.cursor/mcp.json")]
    [InlineData(ClientKind.Cursor, InstallScope.User, ".cursor/mcp.json")]
    [InlineData(ClientKind.ClaudeDesktop, InstallScope.User, ".config/Claude/claude_desktop_config.json")]
    public void Install_writes_each_clients_own_file_and_uninstall_removes_what_it_created(ClientKind client, InstallScope scope, string file)
    {
        var installer = _sandbox.Installer();
        var expected = Path.Combine(file.StartsWith("project/", StringComparison.Ordinal) ? _sandbox.Root : _sandbox.Home, file);

        installer.Install(client, scope, dryRun: false, TextWriter.Null);

        var target = _sandbox.Target(client, scope);
        Assert.Equal(Path.GetFullPath(expected), target.Config.FilePath);
        var entry = ReadEntry(expected, target.Config.MemberPath, target.Config.Jsonc);
        Assert.Equal(client is ClientKind.ClaudeCode or ClientKind.VsCode, entry.ContainsKey("type"));
        Assert.Equal(new JsonArray("serve").ToJsonString(), entry["args"]!.ToJsonString());

        installer.Uninstall(client, scope, dryRun: false, TextWriter.Null);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_sandbox.Project));
        Assert.Equal([".skillhost"], Directory.EnumerateFileSystemEntries(_sandbox.Home).Select(Path.GetFileName));
    }

    [Fact]
    public void Local_scope_goes_under_the_project_in_claude_json()
    {
        _sandbox.Installer().Install(ClientKind.ClaudeCode, InstallScope.Local, dryRun: false, TextWriter.Null);

        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(_sandbox.Home, ".claude.json")))!;
        Assert.NotNull(config["projects"]![_sandbox.Project]!["mcpServers"]!["skillhost"]);
        Assert.Null(config["mcpServers"]);
    }

    [Fact]
    public void A_second_install_changes_nothing()
    {
        var installer = _sandbox.Installer();
        installer.Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);
        var before = _sandbox.Snapshot();
        using var output = new StringWriter();

        var changes = installer.Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, output);

        Assert.Empty(changes);
        Assert.Contains("already installed and up to date", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(), _sandbox.Snapshot().Keys.Order());
    }

    [Fact]
    public void Installing_another_build_updates_the_stale_entry_and_uninstall_still_restores_the_first_original()
    {
        var original = ConfigVariants.Json["other servers"];
        var config = Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), original);
        _sandbox.Installer(new ServerLaunch("/old/skillhost", ["serve"])).Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);
        var installer = _sandbox.Installer();

        var changes = installer.Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

        Assert.Equal([config], changes.Select(c => c.Path));
        Assert.Contains("update the stale mcpServers.skillhost", changes[0].Description, StringComparison.Ordinal);
        Assert.Equal("/opt/Skill Host/skillhost", ReadEntry(config, ["mcpServers", "skillhost"], jsonc: false)["command"]!.ToString());
        installer.Uninstall(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);
        Assert.Equal(original, File.ReadAllBytes(config));
    }

    [Fact]
    public void Dry_run_prints_the_exact_changes_and_writes_nothing()
    {
        Sandbox.Write(Path.Combine(_sandbox.Project, ".mcp.json"), "{\n  \"mcpServers\": {}\n}\n");
        var before = _sandbox.Snapshot();
        using var output = new StringWriter();

        var changes = _sandbox.Installer().Install(ClientKind.ClaudeCode, InstallScope.Project, dryRun: true, output);

        Assert.Equal(before, _sandbox.Snapshot());
        Assert.Equal(3, changes.Count);
        var printed = output.ToString();
        Assert.Contains($"modify {Path.Combine(_sandbox.Project, ".mcp.json")} — add mcpServers.skillhost", printed, StringComparison.Ordinal);
        Assert.Contains("  -   \"mcpServers\": {}\n", printed, StringComparison.Ordinal);
        Assert.Contains("  +       \"command\": \"/opt/Skill Host/skillhost\",\n", printed, StringComparison.Ordinal);
        Assert.Contains($"create {Path.Combine(_sandbox.Project, ".claude", "skills", "performance-optimization", "SKILL.md")}", printed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ConfigVariants.MalformedNames), MemberType = typeof(ConfigVariants))]
    public void A_malformed_config_is_refused_and_nothing_is_written(string variant)
    {
        var (bytes, jsonc) = ConfigVariants.Malformed[variant];
        var (client, scope, file) = jsonc
            ? (ClientKind.VsCode, InstallScope.Project, Path.Combine(_sandbox.Project, ".vscode", "mcp.json"))
            : (ClientKind.ClaudeCode, InstallScope.User, Path.Combine(_sandbox.Home, ".claude.json"));
        Sandbox.Write(file, bytes);
        var before = _sandbox.Snapshot();

        var error = Assert.Throws<InstallerException>(() => _sandbox.Installer().Install(client, scope, dryRun: false, TextWriter.Null));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.Snapshot());
    }

    [Fact]
    public void A_read_only_config_is_refused_and_nothing_is_written()
    {
        var config = Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), "{}\n");
        File.SetAttributes(config, FileAttributes.ReadOnly);
        var before = _sandbox.Snapshot();

        var error = Assert.Throws<InstallerException>(() => _sandbox.Installer().Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null));

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.Snapshot());
    }

    [Fact]
    public void Uninstall_after_the_user_edited_the_config_removes_only_our_entry()
    {
        var config = Sandbox.Write(Path.Combine(_sandbox.Project, ".cursor", "mcp.json"), "{\n  \"mcpServers\": {\n    \"a\": {}\n  }\n}\n");
        var installer = _sandbox.Installer();
        installer.Install(ClientKind.Cursor, InstallScope.Project, dryRun: false, TextWriter.Null);
        var edited = File.ReadAllText(config).Replace("\"a\": {}", "\"a\": {},\n    \"b\": { \"command\": \"mine\" }", StringComparison.Ordinal);
        File.WriteAllText(config, edited);

        installer.Uninstall(ClientKind.Cursor, InstallScope.Project, dryRun: false, TextWriter.Null);

        Assert.Equal("{\n  \"mcpServers\": {\n    \"a\": {},\n    \"b\": { \"command\": \"mine\" }\n  }\n}\n", File.ReadAllText(config));
    }

    [Fact]
    public void Uninstall_after_the_user_edited_the_config_restores_an_entry_we_replaced()
    {
        var config = Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), "{\n  \"mcpServers\": {\n    \"skillhost\": { \"command\": \"theirs\" }\n  },\n  \"n\": 1\n}\n");
        var installer = _sandbox.Installer();
        installer.Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"n\": 1", "\"n\": 2", StringComparison.Ordinal));

        installer.Uninstall(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

        Assert.Equal("{\n  \"mcpServers\": {\n    \"skillhost\": { \"command\": \"theirs\" }\n  },\n  \"n\": 2\n}\n", File.ReadAllText(config));
    }

    [Fact]
    public void Uninstall_keeps_a_skill_file_the_user_changed()
    {
        var installer = _sandbox.Installer();
        installer.Install(ClientKind.ClaudeCode, InstallScope.Project, dryRun: false, TextWriter.Null);
        var skill = Path.Combine(_sandbox.Project, ".claude", "skills", "performance-optimization", "SKILL.md");
        File.AppendAllText(skill, "\nMy notes.\n");
        using var output = new StringWriter();

        installer.Uninstall(ClientKind.ClaudeCode, InstallScope.Project, dryRun: false, output);

        Assert.True(File.Exists(skill));
        Assert.False(File.Exists(Path.Combine(_sandbox.Project, ".claude", "skills", "performance-optimization", "references", "techniques.md")));
        Assert.False(File.Exists(Path.Combine(_sandbox.Project, ".mcp.json")));
        Assert.Contains($"kept: {skill} changed since the install", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uninstall_with_nothing_recorded_says_so_and_changes_nothing()
    {
        Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), "{ \"mcpServers\": { \"skillhost\": {} } }");
        var before = _sandbox.Snapshot();
        using var output = new StringWriter();

        _sandbox.Installer().Uninstall(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, output);

        Assert.Contains("nothing to uninstall", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.Snapshot());
    }

    [Fact]
    public void Uninstall_dry_run_prints_the_restore_and_writes_nothing()
    {
        Sandbox.Write(Path.Combine(_sandbox.Home, ".cursor", "mcp.json"), "{ \"theme\": 1 }");
        var installer = _sandbox.Installer();
        installer.Install(ClientKind.Cursor, InstallScope.User, dryRun: false, TextWriter.Null);
        var before = _sandbox.Snapshot();
        using var output = new StringWriter();

        var changes = installer.Uninstall(ClientKind.Cursor, InstallScope.User, dryRun: true, output);

        Assert.Single(changes);
        Assert.Equal(before, _sandbox.Snapshot());
        Assert.Contains("put back as it was before the install", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  + { \"theme\": 1 }", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_config_is_edited_where_it_points_and_stays_a_link()
    {
        var real = Sandbox.Write(Path.Combine(_sandbox.Root, "dotfiles", "claude.json"), "{}\n");
        var link = Path.Combine(_sandbox.Home, ".claude.json");
        File.CreateSymbolicLink(link, real);
        var installer = _sandbox.Installer();

        installer.Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("skillhost", File.ReadAllText(real), StringComparison.Ordinal);
        installer.Uninstall(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);
        Assert.Equal("{}\n", File.ReadAllText(real));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Install_keeps_the_config_files_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not exist on Windows.");
        }
        else
        {
            var config = Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), "{}\n");
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            _sandbox.Installer().Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        }
    }

    [Fact]
    public void Every_replaced_file_is_backed_up_first()
    {
        Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), "{ \"mine\": true }");

        _sandbox.Installer().Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

        var backup = Assert.Single(Directory.GetFiles(Path.Combine(_sandbox.Home, ".skillhost", "backups")));
        Assert.EndsWith(".claude.json", backup, StringComparison.Ordinal);
        Assert.Equal("{ \"mine\": true }", File.ReadAllText(backup));
    }

    [Fact]
    public void A_scope_the_client_does_not_have_is_refused_with_the_ones_it_has()
    {
        var error = Assert.Throws<InstallerException>(() => _sandbox.Installer().Install(ClientKind.ClaudeDesktop, InstallScope.Project, dryRun: false, TextWriter.Null));

        Assert.Equal("claude-desktop has no 'project' scope: use --scope user.", error.Message);
    }

    [Fact]
    public void Status_shows_where_it_is_installed_its_version_and_whether_the_skill_validates()
    {
        var installer = _sandbox.Installer(version: "4.5.6");
        installer.Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);

        var status = Assert.Single(installer.Status(ClientKind.ClaudeCode, InstallScope.User));
        Assert.Equal(ServerEntryState.UpToDate, status.Server);
        Assert.Equal(SkillState.Valid, status.Skill);
        Assert.Equal("4.5.6", status.RecordedVersion);
        using var output = new StringWriter();
        Assert.True(SkillInstaller.Print(installer.Status(), onlyPresent: true, output));
        Assert.Contains("claude-code (user scope): skillhost 4.5.6, installed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"/opt/Skill Host/skillhost\" serve", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("vscode", output.ToString(), StringComparison.Ordinal);

        var skill = Path.Combine(_sandbox.Home, ".claude", "skills", "performance-optimization", "SKILL.md");
        File.WriteAllText(skill, File.ReadAllText(skill).Replace("name: performance-optimization", "name: Not_A_Valid_Name", StringComparison.Ordinal));
        var broken = Assert.Single(installer.Status(ClientKind.ClaudeCode, InstallScope.User));
        Assert.Equal(SkillState.Invalid, broken.Skill);
        Assert.NotEmpty(broken.SkillProblems);
        Assert.False(SkillInstaller.Print([broken], onlyPresent: false, TextWriter.Null));
    }

    [Fact]
    public void Status_reports_a_stale_entry_and_a_different_skill()
    {
        _sandbox.Installer(new ServerLaunch("/old/skillhost", ["serve"])).Install(ClientKind.ClaudeCode, InstallScope.User, dryRun: false, TextWriter.Null);
        var skill = Path.Combine(_sandbox.Home, ".claude", "skills", "performance-optimization", "references", "techniques.md");
        File.AppendAllText(skill, "\nextra\n");

        var status = Assert.Single(_sandbox.Installer().Status(ClientKind.ClaudeCode, InstallScope.User));

        Assert.Equal(ServerEntryState.Stale, status.Server);
        Assert.Equal("/old/skillhost serve", status.ServerCommand);
        Assert.Equal(SkillState.ValidButDifferent, status.Skill);
    }

    // Byte order mark, line endings, comments, every other member: the installed file holds all of the original, in order.
    private static void AssertUserBytesKept(byte[] original, string config)
    {
        var text = Encoding.UTF8.GetString(original);
        if (!text.Contains("\"skillhost\"", StringComparison.Ordinal))
        {
            JsonAssert.OnlyInserted(text, Encoding.UTF8.GetString(File.ReadAllBytes(config)));
        }
    }

    private static JsonObject ReadEntry(string path, IReadOnlyList<string> memberPath, bool jsonc) =>
        Assert.IsType<JsonObject>(new JsoncEditor(Encoding.UTF8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF'), jsonc).Get(memberPath));
}
