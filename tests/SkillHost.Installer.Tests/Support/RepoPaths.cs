using System.Reflection;

namespace SkillHost.Installer.Tests.Support;

/// <summary>Where the repository is, so tests read fixtures and the bundled skill from the source tree.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    public static string Root => RootValue.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    // Walk up from the binary first; with an artifacts path outside the repo, fall back to the
    // root the build recorded (tests/Directory.Build.props).
    private static string FindRoot()
    {
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SkillHost.RepoRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, recorded })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "McpServer.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("McpServer.sln not found above " + AppContext.BaseDirectory);
    }
}
