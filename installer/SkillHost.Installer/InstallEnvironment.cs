namespace SkillHost.Installer;

/// <summary>The operating systems whose client config locations the installer knows.</summary>
public enum HostPlatform
{
    Linux,
    MacOS,
    Windows,
}

/// <summary>
/// Everything the installer reads from the machine: the home folder, the OS, environment variables and the project
/// folder. Tests build one around temporary folders, so no test ever touches the real home.
/// </summary>
public sealed class InstallEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    public InstallEnvironment(string homeDirectory, string projectDirectory, HostPlatform platform, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(homeDirectory);
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        HomeDirectory = Path.GetFullPath(homeDirectory);
        ProjectDirectory = Path.GetFullPath(projectDirectory);
        Platform = platform;
        _variables = variables ?? new Dictionary<string, string>();
    }

    /// <summary>The user's home: <c>$HOME</c>, or <c>%USERPROFILE%</c> on Windows.</summary>
    public string HomeDirectory { get; }

    /// <summary>The project a project- or local-scope install targets (the working directory unless told otherwise).</summary>
    public string ProjectDirectory { get; }

    public HostPlatform Platform { get; }

    /// <summary>Where per-user application settings live: <c>%APPDATA%</c>, <c>~/Library/Application Support</c>, or <c>$XDG_CONFIG_HOME</c> (<c>~/.config</c>).</summary>
    public string AppDataDirectory => Platform switch
    {
        HostPlatform.Windows => Variable("APPDATA") ?? Path.Combine(HomeDirectory, "AppData", "Roaming"),
        HostPlatform.MacOS => Path.Combine(HomeDirectory, "Library", "Application Support"),
        _ => Variable("XDG_CONFIG_HOME") is { } xdg && Path.IsPathRooted(xdg) ? xdg : Path.Combine(HomeDirectory, ".config"),
    };

    /// <summary>Where the installer keeps its manifest and backups.</summary>
    public string StateDirectory => Path.Combine(HomeDirectory, ".skillhost");

    /// <summary>A non-empty environment variable, or <c>null</c>.</summary>
    public string? Variable(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The environment of this process; <paramref name="projectDirectory"/> defaults to the working directory.</summary>
    public static InstallEnvironment FromProcess(string? projectDirectory = null)
    {
        var platform = OperatingSystem.IsWindows() ? HostPlatform.Windows : OperatingSystem.IsMacOS() ? HostPlatform.MacOS : HostPlatform.Linux;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in (ReadOnlySpan<string>)["HOME", "USERPROFILE", "APPDATA", "XDG_CONFIG_HOME", "CLAUDE_CONFIG_DIR"])
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                variables[name] = value;
            }
        }

        var home = platform == HostPlatform.Windows
            ? variables.GetValueOrDefault("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)
            : variables.GetValueOrDefault("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            throw new InstallerException("Cannot find your home folder: set HOME (or USERPROFILE on Windows) and run again.");
        }

        return new InstallEnvironment(home, projectDirectory ?? Environment.CurrentDirectory, platform, variables);
    }
}
