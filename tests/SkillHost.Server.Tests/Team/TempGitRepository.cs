using System.Diagnostics;
using SkillHost.Server.Tests.Cli;

namespace SkillHost.Server.Tests.Team;

/// <summary>A <see cref="ReviewCliHarness"/> whose folder is a fresh git repository (with an identity of its own), for the team features.</summary>
internal sealed class TempGitRepository : IDisposable
{
    public ReviewCliHarness Cli { get; } = new();

    public string Root => Cli.Root;

    public TempGitRepository()
    {
        Git("init", "-q", "-b", "main");
        Git("config", "user.email", "test@example.invalid");
        Git("config", "user.name", "test");
        Git("config", "commit.gpgsign", "false");
    }

    public string Write(string relative, string text) => Cli.Write(relative, text);

    public (int ExitCode, string Out, string Error) Review(params string[] args) => Cli.Run(args);

    /// <summary>The findings of a text review as "path:line RULE", in output order.</summary>
    public IReadOnlyList<string> Findings(params string[] args)
    {
        var (exitCode, output, error) = Cli.Run([.. args, "--format", "text"]);
        Assert.True(exitCode is 0 or 1, $"review exited {exitCode}: {error}");
        return [.. output.Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(?<path>\S+):(?<line>\d+):\d+: (?<rule>[A-Z]+\d+) "))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups["path"].Value}:{m.Groups["line"].Value} {m.Groups["rule"].Value}")];
    }

    public void CommitAll(string message = "commit")
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    public string Git(params string[] arguments) => RunGit(Root, arguments);

    public static string RunGit(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error.Result}");
        return output;
    }

    public void Dispose() => Cli.Dispose();
}
