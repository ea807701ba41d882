using System.Text.Json;
using SkillHost.Installer.Files;

namespace SkillHost.Installer.Manifest;

/// <summary>Reads and writes <c>~/.skillhost/install-manifest.json</c>.</summary>
internal sealed class ManifestStore(string stateDirectory)
{
    public string Path { get; } = System.IO.Path.Combine(stateDirectory, "install-manifest.json");

    public string BackupDirectory { get; } = System.IO.Path.Combine(stateDirectory, "backups");

    /// <summary>The manifest and a backup as changes to check with the others (<see cref="SafeFileWriter.Check"/>): their folders must be creatable, the manifest a regular file.</summary>
    public FileChange[] Placeholders =>
    [
        new(Path, null, [], "the install manifest", ShowDiff: false),
        new(System.IO.Path.Combine(BackupDirectory, "backup"), null, [], "a backup", ShowDiff: false),
    ];

    public InstallManifest Load()
    {
        if (!File.Exists(Path))
        {
            return new InstallManifest();
        }

        try
        {
            return JsonSerializer.Deserialize(GuardedFile.ReadAllBytes(Path), ManifestJsonContext.Default.InstallManifest) ?? new InstallManifest();
        }
        catch (JsonException e)
        {
            throw new InstallerException(
                $"The install manifest '{Path}' is damaged ({e.Message}); move it aside to start afresh (uninstall will then not know what to remove).", e);
        }
    }

    public void Save(InstallManifest manifest)
    {
        if (manifest.Installs.Count == 0)
        {
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }

            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        SafeFileWriter.WriteAtomically(Path, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.InstallManifest));
    }
}
