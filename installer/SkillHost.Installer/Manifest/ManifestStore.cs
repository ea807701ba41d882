using System.Text.Json;
using SkillHost.Installer.Files;

namespace SkillHost.Installer.Manifest;

/// <summary>Reads and writes <c>~/.skillhost/install-manifest.json</c>.</summary>
internal sealed class ManifestStore(string stateDirectory)
{
    public string Path { get; } = System.IO.Path.Combine(stateDirectory, "install-manifest.json");

    public string BackupDirectory { get; } = System.IO.Path.Combine(stateDirectory, "backups");

    public InstallManifest Load()
    {
        if (!File.Exists(Path))
        {
            return new InstallManifest();
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), ManifestJsonContext.Default.InstallManifest) ?? new InstallManifest();
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
