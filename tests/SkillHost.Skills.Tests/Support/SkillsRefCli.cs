namespace SkillHost.Skills.Tests.Support;

/// <summary>Runs the real skills-ref validator that <c>./run-tests.sh</c> installs under tests/clients (npm ci).</summary>
internal static class SkillsRefCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string Executable => Path.Combine(RepoPaths.Root, "tests", "clients", "node_modules", ".bin", "skills-ref");

    /// <summary>Runs <c>skills-ref validate DIR</c>; returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string skillDirectory, CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Executable),
            $"skills-ref is not installed at {Executable}. Run ./run-tests.sh (it runs 'npm ci' in tests/clients) or 'cd tests/clients && npm ci'.");

        return await ProcessRunner.RunAsync(Executable, ["validate", skillDirectory], RepoPaths.Root, Timeout, cancellationToken);
    }
}
