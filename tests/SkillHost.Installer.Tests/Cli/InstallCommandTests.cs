using SkillHost.Installer.Tests.Support;
using SkillHost.Server.Cli;

namespace SkillHost.Installer.Tests.Cli;

public sealed class InstallCommandTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new InstallerHost(project => project is null ? _sandbox.Environment
            : new InstallEnvironment(_sandbox.Home, project, HostPlatform.Linux), Sandbox.Launch, Sandbox.BundledSkill, "9.9.9");
        var exitCode = SkillHostCli.Run(args, output, error, () => host);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Install_defaults_to_Claude_Code_for_the_user()
    {
        var (exitCode, output, error) = Run("install");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("claude-code (user scope): installed skillhost 9.9.9.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_sandbox.Home, ".claude.json")));
        Assert.True(File.Exists(Path.Combine(_sandbox.Home, ".claude", "skills", "performance-optimization", "SKILL.md")));
    }

    [Fact]
    public void Install_status_and_uninstall_for_a_project_named_on_the_command_line()
    {
        var project = Path.Combine(_sandbox.Root, "other project");
        Directory.CreateDirectory(project);

        Assert.Equal(ExitCodes.Ok, Run("install", "--client", "cursor", "--scope", "project", "--project", project).ExitCode);
        Assert.True(File.Exists(Path.Combine(project, ".cursor", "mcp.json")));

        var (statusCode, status, _) = Run("status", "--client", "cursor", "--project", project);
        Assert.Equal(ExitCodes.Ok, statusCode);
        Assert.Contains("cursor (project scope): skillhost 9.9.9", status, StringComparison.Ordinal);
        Assert.Contains("cursor (user scope)", status, StringComparison.Ordinal);

        var (dryCode, dry, _) = Run("uninstall", "--client", "cursor", "--scope", "project", "--project", project, "--dry-run");
        Assert.Equal(ExitCodes.Ok, dryCode);
        Assert.Contains("delete " + Path.Combine(project, ".cursor", "mcp.json"), dry, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project, ".cursor", "mcp.json")));

        Assert.Equal(ExitCodes.Ok, Run("uninstall", "--client", "cursor", "--scope", "project", "--project", project).ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(project));
    }

    [Fact]
    public void Status_without_a_client_lists_only_what_is_installed()
    {
        Run("install", "--client", "vscode", "--scope", "project");

        var (exitCode, output, _) = Run("status");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("vscode (project scope): skillhost 9.9.9", output, StringComparison.Ordinal);
        Assert.DoesNotContain("claude-code", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_exits_1_when_an_installed_skill_no_longer_validates()
    {
        Run("install");
        File.WriteAllText(Path.Combine(_sandbox.Home, ".claude", "skills", "performance-optimization", "SKILL.md"), "no frontmatter\n");

        var (exitCode, output, _) = Run("status");

        Assert.Equal(ExitCodes.Problems, exitCode);
        Assert.Contains("installed but INVALID", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_folder_that_is_a_file_is_refused_before_anything_is_written_and_nothing_is_left_installed()
    {
        var state = Sandbox.Write(Path.Combine(_sandbox.Home, ".skillhost"), "not a folder");

        var (exitCode, output, error) = Run("install");

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: '{state}' is a file where a folder is expected; move it aside and run again. Nothing was written.\n", error.ReplaceLineEndings("\n"));
        Assert.Equal([state], Entries());
        Assert.Contains("not installed", Run("status", "--client", "claude-code").Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".claude.json", "fifo", "it is a named pipe (FIFO)")]
    [InlineData(".claude.json", "/dev/zero", "it is a character device")]
    [InlineData(".claude.json", "/dev/urandom", "it is a character device")]
    [InlineData(".skillhost/install-manifest.json", "fifo", "it is a named pipe (FIFO)")]
    [InlineData(".skillhost/install-manifest.json", "/dev/zero", "it is a character device")]
    public async Task A_config_or_manifest_that_is_no_regular_file_is_refused_by_name_at_once_and_nothing_is_written(string relative, string kind, string reason)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes and statx are Linux here");
        var path = Path.Combine(_sandbox.Home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (kind == "fifo")
        {
            var (code, text) = await ProcessRunner.RunAsync("mkfifo", [path], _sandbox.Home, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.True(code == 0, text);
        }
        else
        {
            File.CreateSymbolicLink(path, kind);
        }

        var before = Entries();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exitCode, output, error) = await Task.Run(() => Run("install"), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"took {started.Elapsed}");
        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"error: '{path}' cannot be used: {reason}", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal(before, Entries());
    }

    /// <summary>Every entry under the sandbox's home, without reading any (a named pipe would block a read).</summary>
    private List<string> Entries() =>
        [.. Directory.EnumerateFileSystemEntries(_sandbox.Home, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_malformed_config_is_a_usage_error_with_a_message_saying_what_to_do()
    {
        Sandbox.Write(Path.Combine(_sandbox.Home, ".claude.json"), "{ \"mcpServers\": ");

        var (exitCode, output, error) = Run("install");

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("is not valid JSON (line 1, column 17: unexpected end of the file: a value was expected). Fix it or move it aside", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("install", "--client", "zed")]
    [InlineData("install", "--scope", "global")]
    [InlineData("status", "--dry-run")]
    public void Bad_options_are_usage_errors(params string[] args)
    {
        var (exitCode, _, error) = Run(args);

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_the_client_lacks_is_a_usage_error()
    {
        var (exitCode, _, error) = Run("install", "--client", "claude-desktop", "--scope", "local");

        Assert.Equal(ExitCodes.UsageOrIo, exitCode);
        Assert.Equal("error: claude-desktop has no 'local' scope: use --scope user.\n", error.ReplaceLineEndings("\n"));
    }
}
