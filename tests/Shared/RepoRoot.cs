using System.Reflection;

namespace SkillHost.Testing;

/// <summary>
/// The repository root, so tests read fixtures, goldens and the bundled skill from the source tree (and can
/// rewrite goldens in place). Linked into every test project by tests/Directory.Build.props: one copy of the search.
/// </summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> PathValue = new(Find);

    public static string Path => PathValue.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    // Walk up from the binary first (the default build layout); with --artifacts-path outside the repo, fall back
    // to the root the build recorded (the SkillHost.RepoRoot assembly metadata set in tests/Directory.Build.props).
    private static string Find()
    {
        var recorded = typeof(RepoRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SkillHost.RepoRoot")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, recorded })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "McpServer.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"McpServer.sln not found above {AppContext.BaseDirectory} or {recorded}; run the tests from the repository.");
    }
}
