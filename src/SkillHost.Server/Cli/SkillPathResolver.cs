namespace SkillHost.Server.Cli;

/// <summary>Turns the PATH a user typed into a SKILL.md file and its skill folder, or a message saying what to do.</summary>
internal static class SkillPathResolver
{
    /// <param name="baseDirectory">Where bundled skills travel with the executable (tests pass their own).</param>
    public static (string SkillFile, string SkillFolder)? Resolve(string path, string baseDirectory, out string? error)
    {
        error = null;
        foreach (var candidate in Candidates(path, baseDirectory))
        {
            if (File.Exists(candidate))
            {
                var full = Path.GetFullPath(candidate);
                return (full, Path.GetDirectoryName(full)!);
            }

            if (Directory.Exists(candidate))
            {
                foreach (var name in (ReadOnlySpan<string>)["SKILL.md", "skill.md"])
                {
                    var file = Path.Combine(candidate, name);
                    if (File.Exists(file))
                    {
                        var full = Path.GetFullPath(file);
                        return (full, Path.GetDirectoryName(full)!);
                    }
                }

                error = $"The folder '{path}' has no SKILL.md. Pass a skill folder (one holding SKILL.md) or the SKILL.md file itself.";
                return null;
            }
        }

        error = $"'{path}' does not exist. Pass a SKILL.md file or a skill folder, e.g. 'skill/performance-optimization'.";
        return null;
    }

    // The path as given (relative to the working directory), then relative to the executable, where the bundled skill is copied.
    private static IEnumerable<string> Candidates(string path, string baseDirectory)
    {
        yield return path;
        if (!Path.IsPathRooted(path))
        {
            yield return Path.Combine(baseDirectory, path);
        }
    }
}
