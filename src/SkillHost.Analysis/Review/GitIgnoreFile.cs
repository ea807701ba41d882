namespace SkillHost.Analysis.Review;

/// <summary>The patterns of one ignore file (a .gitignore, or .git/info/exclude) and the folder they are relative to.</summary>
public sealed class GitIgnoreFile
{
    public GitIgnoreFile(string directory, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(lines);
        Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        Patterns = [.. lines.Select(GitIgnorePattern.Parse).OfType<GitIgnorePattern>()];
    }

    /// <summary>The folder the patterns are relative to.</summary>
    public string Directory { get; }

    public IReadOnlyList<GitIgnorePattern> Patterns { get; }

    /// <summary>Reads <paramref name="file"/> when it exists and can be read; null otherwise (an unreadable ignore file ignores nothing).</summary>
    public static GitIgnoreFile? TryLoad(string file, string directory)
    {
        try
        {
            // A `.gitignore` that is a pipe or a device would hang the walk: only a regular file is read.
            return File.Exists(file) && SkillHost.Skills.Files.RegularFile.Refusal(file) is null ? new GitIgnoreFile(directory, File.ReadAllLines(file)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The verdict of the last pattern matching <paramref name="fullPath"/>: true = ignored, false =
    /// re-included by a <c>!</c> pattern, null = no pattern speaks about it (or the path is not below <see cref="Directory"/>).
    /// </summary>
    public bool? Verdict(string fullPath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        if (Patterns.Count == 0)
        {
            return null;
        }

        var relative = Path.GetRelativePath(Directory, fullPath);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        relative = relative.Replace(Path.DirectorySeparatorChar, '/');
        for (var i = Patterns.Count - 1; i >= 0; i--)
        {
            if (Patterns[i].Matches(relative, isDirectory))
            {
                return !Patterns[i].IsNegated;
            }
        }

        return null;
    }
}
