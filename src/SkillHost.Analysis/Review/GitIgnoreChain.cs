namespace SkillHost.Analysis.Review;

/// <summary>
/// The ignore files in force for a folder, shallowest first: deeper files override shallower ones and,
/// within a file, later patterns override earlier ones. Immutable, so a walk can share it between branches.
/// </summary>
public sealed class GitIgnoreChain
{
    private readonly GitIgnoreFile[] _files;

    private GitIgnoreChain(GitIgnoreFile[] files) => _files = files;

    public static GitIgnoreChain Empty { get; } = new([]);

    public IReadOnlyList<GitIgnoreFile> Files => _files;

    public GitIgnoreChain With(GitIgnoreFile? file) => file is null || file.Patterns.Count == 0 ? this : new([.. _files, file]);

    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        for (var i = _files.Length - 1; i >= 0; i--)
        {
            if (_files[i].Verdict(fullPath, isDirectory) is { } verdict)
            {
                return verdict;
            }
        }

        return false;
    }

    /// <summary>
    /// The ignore files in force when a walk enters <paramref name="directory"/>, before its own .gitignore:
    /// the repository's <c>.git/info/exclude</c> and every .gitignore from the repository root down to the
    /// folder's parent. Outside a repository (no <c>.git</c> in the folder or above it), none.
    /// </summary>
    public static GitIgnoreChain ForWalkRoot(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var parents = new List<DirectoryInfo>();
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (IsRepositoryRoot(dir.FullName))
            {
                var stack = Empty.With(GitIgnoreFile.TryLoad(Path.Combine(dir.FullName, ".git", "info", "exclude"), dir.FullName));
                if (parents.Count > 0)
                {
                    parents.Add(dir);
                }

                parents.Reverse();
                // parents now runs from the root down to the walked folder itself, whose own .gitignore the walk reads.
                return parents.SkipLast(1).Aggregate(stack, (s, d) => s.With(GitIgnoreFile.TryLoad(Path.Combine(d.FullName, ".gitignore"), d.FullName)));
            }

            parents.Add(dir);
        }

        return Empty;
    }

    /// <summary>A folder holding <c>.git</c> (a folder, or a file as in worktrees and submodules).</summary>
    public static bool IsRepositoryRoot(string directory) => Path.Exists(Path.Combine(directory, ".git"));
}
