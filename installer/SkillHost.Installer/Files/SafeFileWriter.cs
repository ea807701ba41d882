namespace SkillHost.Installer.Files;

/// <summary>
/// Applies a set of <see cref="FileChange"/>s safely: every target is checked first (nothing is written if one is
/// read-only or blocked), each existing file is backed up, each write goes to a temporary file in the same folder and
/// is renamed over the target, and if a later write fails the earlier ones are put back.
/// </summary>
internal sealed class SafeFileWriter(string backupDirectory, TimeProvider clock)
{
    /// <summary>Throws <see cref="InstallerException"/> when a change cannot be made; call before <see cref="Apply"/>.</summary>
    public static void Check(IEnumerable<FileChange> changes)
    {
        foreach (var change in changes)
        {
            if (Directory.Exists(change.Path))
            {
                throw new InstallerException($"'{change.Path}' is a folder where a file is expected; move it aside and run again. Nothing was written.");
            }

            GuardedFile.Check(change.Path);
            if (File.Exists(change.Path) && File.GetAttributes(Resolve(change.Path)).HasFlag(FileAttributes.ReadOnly))
            {
                throw new InstallerException(
                    $"'{change.Path}' is read-only; make it writable (chmod u+w, or clear the read-only attribute) and run again. Nothing was written.");
            }

            for (var dir = Path.GetDirectoryName(change.Path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(dir))
                {
                    throw new InstallerException($"'{dir}' is a file where a folder is expected; move it aside and run again. Nothing was written.");
                }

                if (Directory.Exists(dir))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Applies the changes in order; returns where each replaced or deleted file was backed up (by target path).</summary>
    public IReadOnlyDictionary<string, string> Apply(IReadOnlyList<FileChange> changes, ICollection<string> createdDirectories)
    {
        Check(changes);
        var backups = new Dictionary<string, string>(StringComparer.Ordinal);
        var applied = new List<FileChange>();
        try
        {
            foreach (var change in changes)
            {
                var target = Resolve(change.Path);
                if (change.Before is not null && File.Exists(target))
                {
                    backups[change.Path] = Backup(target);
                }

                if (change.After is null)
                {
                    File.Delete(target);
                }
                else
                {
                    CreateDirectories(Path.GetDirectoryName(target)!, createdDirectories);
                    WriteAtomically(target, change.After);
                }

                applied.Add(change);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RollBack(applied);
            throw new InstallerException($"Could not write: {e.Message} Every file written so far was put back.", e);
        }

        return backups;
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary file next to <paramref name="path"/> and renames it over the target.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(path))
            {
                // Keep the file's permissions (~/.claude.json is 0600).
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private string Backup(string path)
    {
        Directory.CreateDirectory(backupDirectory);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var backup = Path.Combine(backupDirectory, $"{stamp}-{Guid.NewGuid().ToString("N")[..8]}-{Path.GetFileName(path)}");
        File.Copy(path, backup);
        return backup;
    }

    /// <summary>Puts back the files of <paramref name="applied"/>, last first: created ones are deleted, replaced ones rewritten as they were.</summary>
    public static void RollBack(IReadOnlyList<FileChange> applied)
    {
        for (var i = applied.Count - 1; i >= 0; i--)
        {
            var change = applied[i];
            try
            {
                if (change.Before is null)
                {
                    File.Delete(change.Path);
                }
                else
                {
                    WriteAtomically(Resolve(change.Path), change.Before);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Keep rolling back the others; the backup folder still holds this file's previous bytes.
            }
        }
    }

    private static void CreateDirectories(string directory, ICollection<string> created)
    {
        var missing = new Stack<string>();
        for (var dir = directory; !string.IsNullOrEmpty(dir) && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing.Push(dir);
        }

        foreach (var dir in missing)
        {
            Directory.CreateDirectory(dir);
            created.Add(dir);
        }
    }

    // A config that is a symbolic link (dotfiles repositories do this) is edited where it points, keeping the link.
    private static string Resolve(string path) =>
        File.Exists(path) && new FileInfo(path).LinkTarget is not null
            ? File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path
            : path;
}
