using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SkillHost.Skills;

namespace SkillHost.Server.Hosting;

/// <summary>
/// Finds skill folders (a folder holding SKILL.md, at any depth up to <see cref="MaxDepth"/> — Claude Code's
/// <c>~/.claude/skills/&lt;name&gt;/SKILL.md</c> layout included) and reads one into a <see cref="HostedSkill"/>.
/// Files reached through a link that leads outside the skill folder are left out, as are files past the
/// SEP-2640 interoperability limits (512 files, 16 MiB).
/// </summary>
internal static partial class SkillFolderReader
{
    public const int MaxDepth = 4;
    public const int MaxFiles = 512;
    public const long MaxTotalBytes = 16 * 1024 * 1024;

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules", "__pycache__", ".venv", "bin", "obj", "target" };

    /// <summary>Every folder below <paramref name="root"/> (itself included) that holds a SKILL.md, real paths, sorted.</summary>
    public static IReadOnlyList<string> FindSkillFolders(string root)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(PathConfinement.RealPath(root), 0, found, visited);
        return [.. found];
    }

    private static void Walk(string folder, int depth, SortedSet<string> found, HashSet<string> visited)
    {
        if (!visited.Add(folder) || !Directory.Exists(folder))
        {
            return;
        }

        if (File.Exists(Path.Combine(folder, SkillParser.SkillFileName)))
        {
            found.Add(folder);
            return;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        IEnumerable<string> children;
        try
        {
            children = [.. Directory.EnumerateDirectories(folder)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var child in children)
        {
            var name = Path.GetFileName(child);
            if (!name.StartsWith('.') && !SkippedFolders.Contains(name))
            {
                // Skill folders are often links (~/.claude/skills/x -> a checkout); follow them, loops are cut by `visited`.
                Walk(PathConfinement.RealPath(child), depth + 1, found, visited);
            }
        }
    }

    /// <summary>Parses the skill in <paramref name="folder"/> (a real path) and reads its files; null with a log line when it cannot be read.</summary>
    public static HostedSkill? Read(string folder, ILogger logger)
    {
        try
        {
            var document = SkillParser.ParseFile(Path.Combine(folder, SkillParser.SkillFileName));
            var name = document.Name is { Length: > 0 } declared && UriSafeName().IsMatch(declared) ? declared : Path.GetFileName(folder);
            return new HostedSkill(name, folder, document, ReadFiles(folder, logger));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, folder, e.Message);
            return null;
        }
    }

    private static ImmutableArray<SkillFile> ReadFiles(string folder, ILogger logger)
    {
        var files = ImmutableArray.CreateBuilder<SkillFile>();
        long total = 0;
        var paths = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, MaxRecursionDepth = 16 })
            .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
        // SKILL.md first so the limits never drop the entry file.
        paths.Remove(SkillParser.SkillFileName);
        paths.Insert(0, SkillParser.SkillFileName);
        foreach (var relative in paths)
        {
            var full = Path.Combine(folder, relative);
            if (!PathConfinement.IsWithin(PathConfinement.RealPath(full), folder))
            {
                LogEscapingLink(logger, full);
                continue;
            }

            // Only regular files: a pipe would hang the reader and a device never ends.
            if (SkillHost.Skills.Files.RegularFile.Refusal(full) is { } refusal)
            {
                LogNotAFile(logger, full, refusal);
                continue;
            }

            var bytes = File.ReadAllBytes(full);
            if (files.Count >= MaxFiles || total + bytes.Length > MaxTotalBytes)
            {
                LogOverLimit(logger, full, MaxFiles, MaxTotalBytes);
                continue;
            }

            total += bytes.Length;
            files.Add(SkillFile.Create(relative, bytes));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files.ToImmutable();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex UriSafeName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping skill folder {Folder}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not serving {Path}: it is a link leading outside its skill folder")]
    private static partial void LogEscapingLink(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not serving {Path}: {Reason}")]
    private static partial void LogNotAFile(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not serving {Path}: the skill is over {MaxFiles} files or {MaxBytes} bytes")]
    private static partial void LogOverLimit(ILogger logger, string path, int maxFiles, long maxBytes);
}
