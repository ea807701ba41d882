using System.IO.Enumeration;
using SkillHost.Analysis.Syntax;
using SkillHost.Skills.Files;

namespace SkillHost.Analysis.Review;

/// <summary>
/// Finds the source files a review covers: every .py/.pyi/.pyw/.rs file below the given folders, minus
/// what .gitignore files exclude and build output or vendored folders; files named explicitly are
/// always included (as ruff does). Links to folders met while walking are not followed, so a walk cannot loop.
/// </summary>
public static class SourceDiscovery
{
    /// <summary>Folder names never walked into: build output, virtual environments, vendored packages, VCS data, caches.</summary>
    public static IReadOnlySet<string> ExcludedFolders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "target", "bin", "obj", "node_modules", ".venv", "venv", "__pycache__", ".git", "build", "dist", "site-packages",
        ".hg", ".svn", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "__pypackages__",
    };

    /// <summary>
    /// The one-line error for paths named on the command line that cannot be reviewed (missing, or a named pipe, socket
    /// or device: reading one would hang or never end), or null when all can be.
    /// </summary>
    public static string? PathProblem(IReadOnlyList<string> paths, string workingDirectory)
    {
        var missing = Missing(paths, workingDirectory);
        if (missing.Count > 0)
        {
            return $"no such file or folder: {string.Join(", ", missing.Select(m => $"'{m}'"))}";
        }

        var refused = paths
            .Select(p => (Path: p, Why: IsFolder(FullPath(p, workingDirectory)) ? null : RegularFile.Refusal(FullPath(p, workingDirectory))))
            .FirstOrDefault(p => p.Why is not null);
        return refused.Why is null ? null : $"'{refused.Path}': {refused.Why}";
    }

    /// <summary>The paths (resolved against <paramref name="workingDirectory"/>) that exist neither as a file nor as a folder.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> paths, string workingDirectory) =>
        [.. paths.Where(p => !Exists(p, workingDirectory))];

    // A dangling link exists (the reader reports it as unreadable); an empty or malformed path does not.
    private static bool Exists(string path, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var full = Path.GetFullPath(path, workingDirectory);
        return Path.Exists(full) || IsLink(full) || RawFileSystem.Resolve(full) is not null;
    }

    /// <summary>
    /// The full path a review reads for <paramref name="path"/>: resolved against <paramref name="workingDirectory"/>,
    /// and, when the name was not UTF-8 (the command line gives U+FFFD for each bad byte), the file's real name in the
    /// <see cref="FileNameBytes"/> form.
    /// </summary>
    public static string FullPath(string path, string workingDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory));
        return RawFileSystem.Resolve(full) ?? full;
    }

    // A folder whose name is not UTF-8 exists only for the byte-level listing.
    private static bool IsFolder(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            return true;
        }

        try
        {
            return FileNameBytes.HasEscapes(fullPath) && RawFileSystem.List(fullPath) is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Full paths of the files to review (sorted, without duplicates) and what was skipped while walking.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<(string Path, string Detail)> Unwalkable) Discover(IEnumerable<string> paths, string workingDirectory) =>
        Discover(paths, workingDirectory, exclude: null, forceExclude: false);

    /// <summary>
    /// As <see cref="Discover(IEnumerable{string}, string)"/>, leaving out what <paramref name="exclude"/> says (full path,
    /// is-a-folder) while walking, and from the files named explicitly too when <paramref name="forceExclude"/>.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<(string Path, string Detail)> Unwalkable) Discover(IEnumerable<string> paths, string workingDirectory, Func<string, bool, bool>? exclude, bool forceExclude)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var unwalkable = new List<(string, string)>();
        foreach (var path in paths)
        {
            var full = FullPath(path, workingDirectory);
            if (IsFolder(full))
            {
                Walk(full, GitIgnoreChain.ForWalkRoot(full), exclude, files, unwalkable);
            }
            else if (!(forceExclude && exclude is not null && exclude(full, false)))
            {
                // A file named explicitly (or a dangling link): the reader decides whether it can be reviewed.
                files.Add(full);
            }
        }

        return ([.. files], unwalkable);
    }

    // Reads each folder's entries as the directory listing gives them (name and kind): no stat or readlink per
    // file, which was most of a walk's cost over a big tree; only folders are asked whether they are links
    // (reading the attributes costs a stat). As DirectoryInfo's own listing: hidden entries are walked too, and an
    // unreadable folder throws (it is reported as unwalkable) rather than being skipped silently.
    private static readonly EnumerationOptions Listing = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    private readonly record struct Entry(string FullName, bool IsDirectory, bool IsLink);

    private static void Walk(string directory, GitIgnoreChain ignores, Func<string, bool, bool>? exclude, SortedSet<string> files, List<(string, string)> unwalkable)
    {
        ignores = ignores.With(GitIgnoreFile.TryLoad(Path.Combine(directory, ".gitignore"), directory));
        List<Entry> entries;
        try
        {
            entries = List(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unwalkable.Add((directory, e.Message));
            return;
        }

        foreach (var (fullName, isDirectory, isLink) in entries)
        {
            if (isDirectory && (isLink || ExcludedFolders.Contains(Path.GetFileName(fullName))))
            {
                continue;
            }

            if (ignores.IsIgnored(fullName, isDirectory) || (exclude is not null && exclude(fullName, isDirectory)))
            {
                continue;
            }

            if (isDirectory)
            {
                Walk(fullName, ignores, exclude, files, unwalkable);
            }
            else if (SyntaxParsers.IsSupportedExtension(Path.GetFileName(fullName)))
            {
                files.Add(fullName);
            }
        }
    }

    private static List<Entry> List(string directory)
    {
        if (!FileNameBytes.HasEscapes(directory))
        {
            List<Entry> entries = [.. new FileSystemEnumerable<Entry>(
                directory,
                (ref FileSystemEntry entry) => new Entry(entry.ToFullPath(), entry.IsDirectory, entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) != 0),
                Listing)];

            // .NET reads each byte sequence of a name that is not UTF-8 as U+FFFD, and that name opens nothing: list such a
            // folder again by bytes (rare, so the common walk keeps the fast listing).
            if (!RawFileSystem.IsSupported || !entries.Exists(e => Path.GetFileName(e.FullName).Contains('\uFFFD', StringComparison.Ordinal)))
            {
                return entries;
            }
        }

        // A link's target kind is not asked: links to folders are not followed anyway, and a link to a file is read like one.
        return [.. RawFileSystem.List(directory).Select(e => new Entry(Path.Combine(directory, e.Name), e.IsDirectory, e.IsLink))];
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
