using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Review;

/// <summary>
/// The lines added or changed since a git ref, per file (full paths): read from <c>git diff --unified=0 REF</c> run in
/// the repository (the working tree against the ref, staged or not), plus every line of files git does not track yet.
/// </summary>
public sealed partial class ChangedLines
{
    private readonly Dictionary<string, List<(int First, int Last)>> _ranges;
    private readonly HashSet<string> _wholeFiles;

    private ChangedLines(Dictionary<string, List<(int, int)>> ranges, HashSet<string> wholeFiles) => (_ranges, _wholeFiles) = (ranges, wholeFiles);

    /// <summary>The repository's top folder.</summary>
    public string Repository { get; private init; } = "";

    /// <summary>True when any of the 1-based lines <paramref name="first"/>..<paramref name="last"/> of the file was added or changed.</summary>
    public bool Touches(string fullPath, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        return _wholeFiles.Contains(fullPath)
            || (_ranges.TryGetValue(fullPath, out var ranges) && ranges.Exists(r => r.First <= last && first <= r.Last));
    }

    /// <summary>Runs git in <paramref name="workingDirectory"/>'s repository.</summary>
    /// <exception cref="InvalidOperationException">Not in a repository, git missing, or the ref unknown: the message says which.</exception>
    public static ChangedLines FromGit(string workingDirectory, string gitRef)
    {
        ArgumentNullException.ThrowIfNull(workingDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(gitRef);
        if (gitRef.StartsWith('-'))
        {
            throw new InvalidOperationException($"--diff takes a git ref (a branch, tag or commit such as HEAD or origin/main), not '{gitRef}'");
        }

        // --show-cdup ("../../") rather than --show-toplevel: the top as the working folder names it, links and all, so
        // git's paths resolve to the same full paths the review gives its files.
        var (topStatus, top, topError) = Git(workingDirectory, "rev-parse", "--show-cdup");
        if (topStatus != 0)
        {
            throw new InvalidOperationException($"--diff needs a git repository, and {workingDirectory} is not inside one ({topError.Trim()})");
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(workingDirectory, top.Trim())));
        var (diffStatus, diff, diffError) = Git(root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", gitRef, "--");
        if (diffStatus != 0)
        {
            throw new InvalidOperationException($"git diff {gitRef} failed: {diffError.Trim()}");
        }

        var ranges = Parse(diff, root);
        var (_, untracked, _) = Git(root, "ls-files", "--others", "--exclude-standard", "-z");
        var whole = untracked.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.GetFullPath(p, root)).ToHashSet(StringComparer.Ordinal);
        return new ChangedLines(ranges, whole) { Repository = root };
    }

    /// <summary>Added line ranges per file from a unified diff (new side), paths resolved against <paramref name="root"/>.</summary>
    internal static Dictionary<string, List<(int First, int Last)>> Parse(string diff, string root)
    {
        var ranges = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        List<(int, int)>? current = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var name = line[4..].TrimEnd('\r');
                current = name == "/dev/null" ? null : ranges[Path.GetFullPath(name.StartsWith("b/", StringComparison.Ordinal) ? name[2..] : name, root)] = [];
            }
            else if (current is not null && Hunk().Match(line) is { Success: true } hunk)
            {
                var start = int.Parse(hunk.Groups["start"].Value, CultureInfo.InvariantCulture);
                var count = hunk.Groups["count"].Success ? int.Parse(hunk.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    current.Add((start, start + count - 1));
                }
            }
        }

        return ranges;
    }

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(?<start>\d+)(?:,(?<count>\d+))? @@", RegexOptions.CultureInvariant)]
    private static partial Regex Hunk();

    private static (int Status, string Output, string Error) Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
            var error = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return (git.ExitCode, output, error.GetAwaiter().GetResult());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"--diff runs git, which could not be started ({e.Message}); install git or leave --diff out", e);
        }
    }
}

/// <summary>Keeps only the findings on lines a change added or touched (<c>--diff REF</c>).</summary>
public sealed class ChangedLinesFilter(ChangedLines changes, string workingDirectory) : FindingFilter
{
    /// <summary>Findings on untouched lines, dropped by the last <see cref="Apply"/>.</summary>
    public int Untouched { get; private set; }

    public override IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var kept = findings.Where(f => changes.Touches(Path.GetFullPath(f.Path, workingDirectory), f.Start.Line, Math.Max(f.Start.Line, f.End.Line))).ToList();
        Untouched = findings.Count - kept.Count;
        return kept;
    }
}
