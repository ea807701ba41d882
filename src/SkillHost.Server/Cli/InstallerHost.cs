using System.Reflection;
using SkillHost.Installer;

namespace SkillHost.Server.Cli;

/// <summary>What the install verbs need from the running tool: the machine, how to start this server, the bundled skill and the version.</summary>
internal sealed record InstallerHost(Func<string?, InstallEnvironment> Environment, ServerLaunch Launch, string SkillSource, string Version)
{
    /// <summary>This process: its home and working directory, its own executable (or <c>dotnet skillhost.dll</c>) and the skill copied beside it.</summary>
    public static InstallerHost FromProcess() => new(
        project => InstallEnvironment.FromProcess(project),
        ServerLaunch.ForRunningTool(System.Environment.ProcessPath ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "skillhost.dll")),
        Path.Combine(AppContext.BaseDirectory, "skill", "performance-optimization"),
        ToolVersion());

    /// <summary>The version the package was built with, without the source revision suffix.</summary>
    public static string ToolVersion()
    {
        var informational = typeof(InstallerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    public SkillInstaller CreateInstaller(string? project) => new(Environment(project), Launch, SkillSource, Version);
}
