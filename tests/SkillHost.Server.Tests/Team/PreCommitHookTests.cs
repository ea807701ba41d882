using System.Diagnostics;
using SkillHost.Analysis.Tests;

namespace SkillHost.Server.Tests.Team;

/// <summary>
/// The repository's <c>.pre-commit-hooks.yaml</c>, run by the real pre-commit (Debian's; ./run-tests.sh installs it) on a
/// temporary git repository: the <c>skillhost</c> hook is built from this repository's committed HEAD by pre-commit's
/// dotnet support, and <c>skillhost-system</c> runs the skillhost these tests built. Both pass on clean code and fail on
/// a finding; a suppression comment and the project config are honoured.
/// </summary>
public sealed class PreCommitHookTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "skillhost-pre-commit-" + Guid.NewGuid().ToString("N"));

    public PreCommitHookTests() => Directory.CreateDirectory(_temp);

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_temp, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public void Given_the_hooks_on_a_temporary_repository_When_pre_commit_runs_all_files_Then_it_passes_on_clean_code_and_fails_on_a_finding()
    {
        var repo = Path.Combine(_temp, "project");
        Directory.CreateDirectory(repo);
        var head = TempGitRepository.RunGit(RepoPaths.Root, "rev-parse", "HEAD").Trim();
        TempGitRepository.RunGit(repo, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"), $"""
            repos:
              - repo: {RepoPaths.Root}
                rev: {head}
                hooks:
                  - id: skillhost
                  - id: skillhost-system
            """);
        File.WriteAllText(Path.Combine(repo, "clean.py"), "def total(rows):\n    return sum(r.price for r in rows)\n");
        File.WriteAllText(Path.Combine(repo, "known.py"), "def dedupe(rows):\n    out = []\n    for r in rows:\n        if r not in out:  # skillhost: ignore[PY001] -- rows holds a handful\n            out.append(r)\n    return out\n");
        Directory.CreateDirectory(Path.Combine(repo, "docs"));
        File.WriteAllText(Path.Combine(repo, "docs", "example.py"), Quadratic);
        File.WriteAllText(Path.Combine(repo, "pyproject.toml"), "[tool.skillhost]\nextend-exclude = [\"docs/\"]\n");
        TempGitRepository.RunGit(repo, "add", "-A");

        var (cleanExit, cleanOutput) = PreCommit(repo, "run", "--all-files");

        Assert.True(cleanExit == 0, cleanOutput);
        Assert.Contains("skillhost performance review....", cleanOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", cleanOutput, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(repo, "slow.py"), Quadratic);
        TempGitRepository.RunGit(repo, "add", "-A");
        var (slowExit, slowOutput) = PreCommit(repo, "run", "--all-files");

        Assert.Equal(1, slowExit);
        Assert.Equal(2, CountOf(slowOutput, "slow.py:4:12: PY001 [python/quadratic]"));
        Assert.DoesNotContain("known.py", slowOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("docs/example.py", slowOutput, StringComparison.Ordinal);
    }

    private const string Quadratic = "def dedupe(rows):\n    out = []\n    for r in rows:\n        if r not in out:\n            out.append(r)\n    return out\n";

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    // pre-commit with its own home (no real ~/.cache touched) and the skillhost these tests built first on PATH.
    private (int ExitCode, string Output) PreCommit(string repo, params string[] arguments)
    {
        var bin = Path.Combine(_temp, "bin");
        var shim = Path.Combine(bin, "skillhost");
        if (!File.Exists(shim))
        {
            Directory.CreateDirectory(bin);
            File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "skillhost.dll")}' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var executable = FindOnPath("pre-commit")
            ?? throw new InvalidOperationException("pre-commit is not installed: run ./run-tests.sh (it installs Debian's pre-commit) or apt-get install -y pre-commit.");
        var start = new ProcessStartInfo(executable) { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PRE_COMMIT_HOME"] = Path.Combine(_temp, "pre-commit-home");
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["PRE_COMMIT_COLOR"] = "never";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pre-commit did not finish in 15 minutes:\n" + output);
        }

        return (process.ExitCode, output + error.Result);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
