namespace SkillHost.Evals.Cli;

/// <summary>Where the eval data lives: the repository root holding <c>evals/cases</c>, found from the working folder, then from the binary.</summary>
public sealed record EvalPaths(string Root, string Cases, string Cassettes, string Skill, string Output)
{
    public const string BundledSkill = "skill/performance-optimization";

    /// <summary>Defaults below the repository root; each may be overridden from the command line.</summary>
    public static EvalPaths? Find(string workingDirectory, string? cases = null, string? cassettes = null, string? skill = null, string? output = null)
    {
        var root = FindRoot(workingDirectory) ?? FindRoot(AppContext.BaseDirectory);
        if (root is null && (cases is null || skill is null))
        {
            return null;
        }

        root ??= workingDirectory;
        string Resolve(string? given, string fallback) => Path.GetFullPath(given ?? fallback, given is null ? root : workingDirectory);
        return new EvalPaths(
            root,
            Resolve(cases, Path.Combine("evals", "cases")),
            Resolve(cassettes, Path.Combine("evals", "cassettes")),
            Resolve(skill, BundledSkill),
            Resolve(output, Path.Combine("artifacts", "evals")));
    }

    /// <summary>The SKILL.md file of <see cref="Skill"/> (a folder or the file itself).</summary>
    public string SkillFile => Directory.Exists(Skill) ? Path.Combine(Skill, "SKILL.md") : Skill;

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "evals", "cases", "evals.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
