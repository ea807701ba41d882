namespace SkillHost.Server.Tests.Support;

/// <summary>The profile fixtures of the analysis tests (the dedupe script and its profiles), copied into a test's working folder.</summary>
internal static class ProfileFixtures
{
    public static string Folder { get; } = Path.Combine(NodeClients.RepoRoot, "tests", "SkillHost.Analysis.Tests", "Profiles", "Fixtures");

    /// <summary>Writes app.py (the dedupe script), app.pstats (its cProfile) and app.collapsed (its sampled stacks) into <paramref name="root"/>.</summary>
    public static void CopyInto(string root)
    {
        File.Copy(Path.Combine(Folder, "dedupe_app.py"), Path.Combine(root, "app.py"));
        File.Copy(Path.Combine(Folder, "dedupe-py311.pstats"), Path.Combine(root, "app.pstats"));
        File.Copy(Path.Combine(Folder, "dedupe.collapsed"), Path.Combine(root, "app.collapsed"));
    }
}
