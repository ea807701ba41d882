using SkillHost.Installer.Clients;
using SkillHost.Installer.Files;
using SkillHost.Installer.Manifest;

namespace SkillHost.Installer;

public sealed partial class SkillInstaller
{
    /// <summary>
    /// Removes what the manifest says the install for <paramref name="client"/> and <paramref name="scope"/> wrote. A file
    /// still as the install left it gets its original bytes back (or is deleted if the install created it); a config
    /// changed since loses only our member; a skill file changed since is kept and reported.
    /// </summary>
    public IReadOnlyList<FileChange> Uninstall(ClientKind client, InstallScope scope, bool dryRun, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ClientTargets.Resolve(client, scope, _environment, SkillName);
        var where = $"{client.Name()} ({scope.Name()} scope)";
        var manifest = _manifest.Load();
        var project = scope == InstallScope.User ? null : _environment.ProjectDirectory;
        var record = manifest.Installs.FirstOrDefault(r => r.Matches(client.Name(), scope.Name(), project));
        if (record is null)
        {
            output.WriteLine($"{where}: nothing to uninstall; the install manifest ({_manifest.Path}) records no install here.");
            return [];
        }

        var changes = new List<FileChange>();
        foreach (var file in record.Files)
        {
            if (PlanRemoval(file, output) is { } change)
            {
                changes.Add(change);
            }
        }

        if (dryRun)
        {
            output.WriteLine($"{where}: dry run, nothing written. These changes would be made:");
            ChangePrinter.Print(changes, output);
            return changes;
        }

        new SafeFileWriter(_manifest.BackupDirectory, _clock).Apply(changes, createdDirectories: []);
        foreach (var directory in record.CreatedDirectories.OrderByDescending(d => d.Length))
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }

        manifest.Installs.Remove(record);
        _manifest.Save(manifest);
        DeleteUnreferencedBackups(record, manifest);

        output.WriteLine($"{where}: uninstalled.");
        foreach (var change in changes)
        {
            output.WriteLine($"  {(change.IsDelete ? "deleted" : "restored")} {change.Path} — {change.Description}");
        }

        return changes;
    }

    private static FileChange? PlanRemoval(WrittenFile file, TextWriter output)
    {
        if (!File.Exists(file.Path))
        {
            output.WriteLine($"  already gone: {file.Path}");
            return null;
        }

        var current = ReadAllBytes(file.Path);
        if (Hashes.Sha256(current) == file.WrittenSha256)
        {
            if (!file.Existed)
            {
                return new FileChange(file.Path, current, null, "created by the install", ShowDiff: false);
            }

            if (file.BackupPath is { } backup && File.Exists(backup))
            {
                return new FileChange(file.Path, current, ReadAllBytes(backup), "put back as it was before the install", file.IsConfig);
            }
        }

        if (!file.IsConfig)
        {
            output.WriteLine($"  kept: {file.Path} changed since the install (delete it by hand if you do not want it).");
            return null;
        }

        // The config changed since the install (the client or the user wrote to it): take out only our member.
        var text = ConfigText.Decode(current, file.Path);
        var editor = OpenEditor(text.Text, file.Path, file.Jsonc);
        var updated = file.PreviousValue is { } previous
            ? editor.ReplaceValueText(file.MemberPath!, previous)
            : editor.Remove(file.MemberPath!, file.CreatedObjects);
        if (updated == text.Text)
        {
            output.WriteLine($"  already gone: our entry in {file.Path}");
            return null;
        }

        var what = string.Join('.', file.MemberPath!);
        var description = file.PreviousValue is null
            ? $"remove {what} (the file changed since the install; those changes are kept)"
            : $"restore the previous {what} (the file changed since the install; those changes are kept)";
        return new FileChange(file.Path, current, (text with { Text = updated }).Encode(), description);
    }

    private static void DeleteUnreferencedBackups(InstallRecord removed, InstallManifest manifest)
    {
        var stillUsed = manifest.Installs.SelectMany(r => r.Files).Select(f => f.BackupPath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var backup in removed.Files.Select(f => f.BackupPath).OfType<string>())
        {
            if (!stillUsed.Contains(backup) && File.Exists(backup))
            {
                File.Delete(backup);
            }
        }
    }
}
