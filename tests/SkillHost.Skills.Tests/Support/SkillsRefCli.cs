using System.Diagnostics;

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

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("validate");
        start.ArgumentList.Add(skillDirectory);

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"skills-ref validate {skillDirectory} did not finish within {Timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
