using System.Diagnostics;

namespace SkillHost.Testing;

/// <summary>
/// Runs a real process (the npm clients, the claude CLI, the packaged tool) with its own environment and a
/// deadline; the whole process tree is killed on timeout or cancellation. Linked into every test project by
/// tests/Directory.Build.props.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>Runs with the test process's own environment.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(
        string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(executable, arguments, workingDirectory, new Dictionary<string, string?>(), timeout, cancellationToken);

    /// <summary>Runs with <paramref name="environment"/> applied on top of the test process's (a null value removes the variable).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string executable, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"'{executable} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalSeconds} s.\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
