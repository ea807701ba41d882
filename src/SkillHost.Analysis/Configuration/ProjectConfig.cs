using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Configuration;

/// <summary>
/// One project config: <c>[tool.skillhost]</c> in a pyproject.toml, or the top level of a skillhost.toml /
/// .skillhost.toml. Globs are relative to <see cref="Directory"/>, gitignore-style. A key left out is null (or empty).
/// </summary>
public sealed record ProjectConfig(string Path, string Directory)
{
    /// <summary>The keys a config may hold, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["select", "ignore", "extend-select", "per-file-ignores", "exclude", "extend-exclude", "assume-n", "max-issues"];

    /// <summary>Rules to run (as --select takes them); null: every rule.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Rules added to <see cref="Select"/> (or to every rule, which changes nothing).</summary>
    public IReadOnlyList<string> ExtendSelect { get; init; } = [];

    /// <summary>Glob → rules not reported in the files it matches.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> PerFileIgnores { get; init; } = [];

    /// <summary>Files and folders never walked into, beside .gitignore and the built-in build and environment folders.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlyList<string> ExtendExclude { get; init; } = [];

    /// <summary>The loop count to assume where the code states none; it takes effect through <c>--assume-n</c>'s plumbing.</summary>
    public int? AssumeN { get; init; }

    /// <summary>How many ranked issues the report lists, unless <c>--max-issues</c> says.</summary>
    public int? MaxIssues { get; init; }

    private GitIgnoreFile? _excludes;
    private IReadOnlyList<(GitIgnoreFile Glob, IReadOnlyList<string> Selectors)>? _perFile;

    /// <summary>True when <paramref name="fullPath"/> (or a folder above it, up to the config's folder) matches an exclude glob.</summary>
    public bool Excludes(string fullPath, bool isDirectory)
    {
        _excludes ??= new GitIgnoreFile(Directory, [.. Exclude, .. ExtendExclude]);
        return MatchesWithParents(_excludes, fullPath, isDirectory);
    }

    /// <summary>Whether this config lets <paramref name="rule"/> report in <paramref name="fullPath"/>.</summary>
    /// <param name="useSelection">False when --select on the command line replaces select, extend-select and ignore.</param>
    public bool Allows(RuleDescriptor rule, string fullPath, bool useSelection)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (useSelection)
        {
            var selected = Select is null || Select.Any(s => RuleSelection.Matches(rule, s)) || ExtendSelect.Any(s => RuleSelection.Matches(rule, s));
            if (!selected || Ignore.Any(s => RuleSelection.Matches(rule, s)))
            {
                return false;
            }
        }

        _perFile ??= [.. PerFileIgnores.Select(p => (new GitIgnoreFile(Directory, [p.Key]), p.Value))];
        return !_perFile.Any(p => p.Selectors.Any(s => RuleSelection.Matches(rule, s)) && MatchesWithParents(p.Glob, fullPath, isDirectory: false));
    }

    // A gitignore pattern for a folder ("docs/") covers everything below it: the path and each folder above it are asked.
    private static bool MatchesWithParents(GitIgnoreFile globs, string fullPath, bool isDirectory)
    {
        if (globs.Patterns.Count == 0)
        {
            return false;
        }

        for (var (path, folder) = (fullPath, isDirectory); path.Length > globs.Directory.Length; (path, folder) = (System.IO.Path.GetDirectoryName(path) ?? "", true))
        {
            if (globs.Verdict(path, folder) is { } verdict)
            {
                return verdict;
            }
        }

        return false;
    }
}

/// <summary>A config file that cannot be used: malformed TOML, an unknown key, a value of the wrong kind.</summary>
public sealed class ProjectConfigException(string path, int line, string problem)
    : Exception($"{path}:{line}: {problem}")
{
    public string ConfigPath { get; } = path;

    /// <summary>1-based.</summary>
    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
