namespace SkillHost.Installer.Clients;

/// <summary>One JSON config file and the path of the member that holds our server entry in it.</summary>
/// <param name="Jsonc">Whether the client reads the file as JSONC (comments, trailing commas) rather than plain JSON.</param>
/// <param name="WithType">Whether the entry carries <c>"type": "stdio"</c> (Claude Code and VS Code expect it).</param>
public sealed record ConfigLocation(string FilePath, IReadOnlyList<string> MemberPath, bool Jsonc, bool WithType)
{
    /// <summary>The member path as people read it: <c>mcpServers.skillhost</c>.</summary>
    public string DisplayPath => string.Join('.', MemberPath.Select(p => p.Contains('.', StringComparison.Ordinal) || p.Contains('/', StringComparison.Ordinal) ? $"[\"{p}\"]" : p)).Replace(".[", "[", StringComparison.Ordinal);
}

/// <summary>Where an install for one client and scope writes: the server entry and, for Claude Code, the skill folder.</summary>
public sealed record ClientTarget(ClientKind Client, InstallScope Scope, ConfigLocation Config, string? SkillDirectory);

/// <summary>Knows where each client keeps its MCP configuration and skills, per scope and operating system.</summary>
public static class ClientTargets
{
    /// <summary>The name of our entry in every client's server list.</summary>
    public const string ServerName = "skillhost";

    /// <summary>The scopes each client supports.</summary>
    public static IReadOnlyList<InstallScope> Scopes(ClientKind client) => client switch
    {
        ClientKind.ClaudeCode => [InstallScope.User, InstallScope.Project, InstallScope.Local],
        ClientKind.ClaudeDesktop => [InstallScope.User],
        _ => [InstallScope.User, InstallScope.Project],
    };

    /// <summary>Resolves the target; throws <see cref="InstallerException"/> for a scope the client does not have.</summary>
    public static ClientTarget Resolve(ClientKind client, InstallScope scope, InstallEnvironment environment, string skillName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!Scopes(client).Contains(scope))
        {
            throw new InstallerException(
                $"{client.Name()} has no '{scope.Name()}' scope: use --scope {string.Join(" or --scope ", Scopes(client).Select(s => s.Name()))}.");
        }

        var home = environment.HomeDirectory;
        var project = environment.ProjectDirectory;
        return (client, scope) switch
        {
            (ClientKind.ClaudeCode, InstallScope.Project) => new(client, scope,
                new(Path.Combine(project, ".mcp.json"), ["mcpServers", ServerName], Jsonc: false, WithType: true),
                Path.Combine(project, ".claude", "skills", skillName)),
            (ClientKind.ClaudeCode, _) => new(client, scope,
                new(Path.Combine(ClaudeConfigDirectory(environment) ?? home, ".claude.json"),
                    scope == InstallScope.User ? ["mcpServers", ServerName] : ["projects", ClaudeProjectKey(environment), "mcpServers", ServerName],
                    Jsonc: false, WithType: true),
                // Claude Code has no per-project private skills folder: a local install puts the skill with the user's.
                Path.Combine(ClaudeConfigDirectory(environment) ?? Path.Combine(home, ".claude"), "skills", skillName)),
            (ClientKind.VsCode, InstallScope.Project) => new(client, scope,
                new(Path.Combine(project, ".vscode", "mcp.json"), ["servers", ServerName], Jsonc: true, WithType: true), null),
            (ClientKind.VsCode, _) => new(client, scope,
                new(Path.Combine(environment.AppDataDirectory, "Code", "User", "mcp.json"), ["servers", ServerName], Jsonc: true, WithType: true), null),
            (ClientKind.Cursor, InstallScope.Project) => new(client, scope,
                new(Path.Combine(project, ".cursor", "mcp.json"), ["mcpServers", ServerName], Jsonc: false, WithType: false), null),
            (ClientKind.Cursor, _) => new(client, scope,
                new(Path.Combine(home, ".cursor", "mcp.json"), ["mcpServers", ServerName], Jsonc: false, WithType: false), null),
            _ => new(client, scope,
                new(Path.Combine(environment.AppDataDirectory, "Claude", "claude_desktop_config.json"), ["mcpServers", ServerName], Jsonc: false, WithType: false), null),
        };
    }

    // Claude Code moves ~/.claude.json and ~/.claude/ into $CLAUDE_CONFIG_DIR when it is set.
    private static string? ClaudeConfigDirectory(InstallEnvironment environment) =>
        environment.Variable("CLAUDE_CONFIG_DIR") is { } dir && Path.IsPathRooted(dir) ? dir : null;

    // Claude Code keys ~/.claude.json's "projects" by the absolute project path, with forward slashes on Windows too.
    private static string ClaudeProjectKey(InstallEnvironment environment) =>
        environment.Platform == HostPlatform.Windows
            ? environment.ProjectDirectory.Replace('\\', '/').TrimEnd('/')
            : environment.ProjectDirectory.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
}
