using SkillHost.Testing;

namespace SkillHost.Installer.Tests.Support;

/// <summary>Where the repository is, so tests read fixtures and the bundled skill from the source tree.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string Combine(params string[] parts) => RepoRoot.Combine(parts);
}
