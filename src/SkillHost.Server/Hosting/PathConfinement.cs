using SkillHost.Skills.Files;

namespace SkillHost.Server.Hosting;

/// <summary>
/// Resolves paths the way the operating system opens them (every symbolic link followed, component by
/// component) and tells whether the result stays inside a root. A link inside an allowed folder that
/// points elsewhere therefore cannot widen what a client may read.
/// </summary>
internal static class PathConfinement
{
    private const int MaxLinkHops = 40;

    /// <summary>The absolute path with every link resolved; components that do not exist are kept as written.</summary>
    /// <exception cref="IOException">More than 40 links were followed (a loop).</exception>
    public static string RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var hops = 0;
        // Not Path.GetFullPath: it folds "link/.." lexically, while the operating system climbs from the link's target.
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var pending = new Stack<string>(Components(absolute).Reverse());
        var current = Path.GetPathRoot(absolute) ?? "/";
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Combine(current, part);
            var target = LinkTarget(candidate);
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"'{path}' goes through more than {MaxLinkHops} symbolic links (a loop?).");
            }

            // Restart from the link's target: absolute targets from the root, relative ones from the link's folder.
            var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            foreach (var component in Components(resolved).Reverse())
            {
                pending.Push(component);
            }

            current = Path.GetPathRoot(resolved) ?? "/";
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it (both already real, absolute paths).</summary>
    public static bool IsWithin(string path, string root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        var trimmedRoot = Path.TrimEndingDirectorySeparator(root);
        var trimmedPath = Path.TrimEndingDirectorySeparator(path);
        return trimmedPath.Equals(trimmedRoot, StringComparison.Ordinal)
            || trimmedPath.StartsWith(trimmedRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || trimmedRoot == Path.GetPathRoot(trimmedRoot);
    }

    /// <summary>The first root containing the real path, or null.</summary>
    public static string? ContainingRoot(string realPath, IEnumerable<string> roots) =>
        roots.FirstOrDefault(root => IsWithin(realPath, root));

    private static string[] Components(string fullPath) =>
        fullPath[(Path.GetPathRoot(fullPath)?.Length ?? 0)..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            // A name that is not UTF-8 (see FileNameBytes) is not seen as a link by .NET: ask by its bytes, or a link so
            // named would lead out of the roots unnoticed.
            return FileNameBytes.HasEscapes(path) ? RawFileSystem.ReadLink(path) : new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
