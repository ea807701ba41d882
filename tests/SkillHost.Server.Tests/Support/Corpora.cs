using System.Diagnostics;

namespace SkillHost.Server.Tests.Support;

/// <summary>
/// The real corpora of this kind of machine: the CPython standard libraries pyenv installed, as
/// <c>../shared/tools/corpora.sh</c> lists them (<c>python FILES BYTES PATH</c> lines). Tests that need one skip, with the
/// reason, when it is absent.
/// </summary>
internal static class Corpora
{
    /// <summary>The CPython 3.11 standard library folder, or null (and why) when this machine has none.</summary>
    public static (string? Path, string Reason) Python311()
    {
        var script = FindScript();
        if (script is null)
        {
            return (null, "no ../shared/tools/corpora.sh above the repository: the CPython stdlib corpus is not on this machine");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').Select(l => l.Trim().Split(' ', 4)).FirstOrDefault(p => p is ["python", _, _, var path] && path.EndsWith("python3.11", StringComparison.Ordinal));
        return line is { Length: 4 } && Directory.Exists(line[3])
            ? (line[3], string.Empty)
            : (null, $"{script} lists no CPython 3.11 standard library on this machine");
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(NodeClients.RepoRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "tools", "corpora.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs the built <c>skillhost</c> in <paramref name="workingDirectory"/> and returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> SkillhostAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(ServerProcess.SkillhostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
