namespace SkillHost.Installer.Tests.Support;

/// <summary>The real Claude Code CLI that <c>./run-tests.sh</c> installs under tests/clients-claude (npm ci), run with a temporary HOME.</summary>
internal static class ClaudeCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string Executable => RepoPaths.Combine("tests", "clients-claude", "node_modules", ".bin", OperatingSystem.IsWindows() ? "claude.cmd" : "claude");

    public static Task<(int ExitCode, string Output)> RunAsync(Sandbox sandbox, string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        Assert.True(File.Exists(Executable),
            $"Claude Code is not installed at {Executable}. Run ./run-tests.sh (it runs 'npm ci' in tests/clients-claude) or 'cd tests/clients-claude && npm ci'.");
        return ProcessRunner.RunAsync(Executable, arguments, workingDirectory, Environment(sandbox), Timeout, cancellationToken);
    }

    /// <summary>The sandbox as the whole world: HOME, USERPROFILE and config folders inside it (null removes a variable), no telemetry, no update checks.</summary>
    public static Dictionary<string, string?> Environment(Sandbox sandbox) => new()
    {
        ["HOME"] = sandbox.Home,
        ["USERPROFILE"] = sandbox.Home,
        ["XDG_CONFIG_HOME"] = Path.Combine(sandbox.Home, ".config"),
        ["CLAUDE_CONFIG_DIR"] = null,
        ["DISABLE_AUTOUPDATER"] = "1",
        ["DISABLE_TELEMETRY"] = "1",
        ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        ["DOTNET_CLI_HOME"] = sandbox.Home,
    };
}
