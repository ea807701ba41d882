namespace SkillHost.Installer.Clients;

/// <summary>The MCP clients the installer configures.</summary>
public enum ClientKind
{
    ClaudeCode,
    VsCode,
    Cursor,
    ClaudeDesktop,
}

/// <summary>Where an install lands: for the user, for a project (shared, checked in), or for the user in one project only.</summary>
public enum InstallScope
{
    User,
    Project,
    Local,
}

/// <summary>The names the command line uses for clients and scopes.</summary>
public static class ClientNames
{
    public static readonly IReadOnlyList<string> Clients = ["claude-code", "vscode", "cursor", "claude-desktop"];

    public static readonly IReadOnlyList<string> Scopes = ["user", "project", "local"];

    public static string Name(this ClientKind client) => Clients[(int)client];

    public static string Name(this InstallScope scope) => Scopes[(int)scope];

    public static ClientKind ParseClient(string name)
    {
        var index = IndexOf(Clients, name);
        return index >= 0 ? (ClientKind)index : throw new InstallerException($"Unknown client '{name}': use one of {string.Join(", ", Clients)}.");
    }

    public static InstallScope ParseScope(string name)
    {
        var index = IndexOf(Scopes, name);
        return index >= 0 ? (InstallScope)index : throw new InstallerException($"Unknown scope '{name}': use one of {string.Join(", ", Scopes)}.");
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
