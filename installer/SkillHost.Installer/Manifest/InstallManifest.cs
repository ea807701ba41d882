using System.Text.Json.Serialization;

namespace SkillHost.Installer.Manifest;

/// <summary>What the installer wrote, per client and scope, so <c>uninstall</c> removes exactly that and restores the rest.</summary>
public sealed record InstallManifest
{
    public int Format { get; init; } = 1;

    public List<InstallRecord> Installs { get; init; } = [];
}

/// <summary>One install: a client and scope (and, for project and local scopes, the project folder).</summary>
public sealed record InstallRecord
{
    public required string Client { get; init; }

    public required string Scope { get; init; }

    public string? Project { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset InstalledAt { get; init; }

    public required string Command { get; init; }

    public List<WrittenFile> Files { get; init; } = [];

    /// <summary>Folders the install created, removed again by uninstall when they are empty.</summary>
    public List<string> CreatedDirectories { get; init; } = [];

    public bool Matches(string client, string scope, string? project) =>
        Client == client && Scope == scope && (Project is null || string.Equals(Project, project, StringComparison.Ordinal));
}

/// <summary>A file the install wrote: a copied skill file, or a config file where it set one member.</summary>
public sealed record WrittenFile
{
    public required string Path { get; init; }

    /// <summary>Whether the file existed before the first install.</summary>
    public required bool Existed { get; init; }

    /// <summary>A copy of the file as it was before the first install (when it existed).</summary>
    public string? BackupPath { get; init; }

    /// <summary>SHA-256 of what the install wrote: when the file still has it, uninstall puts the backup back byte for byte.</summary>
    public required string WrittenSha256 { get; init; }

    /// <summary>For a config file, the member the install set (e.g. <c>mcpServers</c>, <c>skillhost</c>).</summary>
    public List<string>? MemberPath { get; init; }

    /// <summary>For a config file, whether it is JSONC.</summary>
    public bool Jsonc { get; init; }

    /// <summary>For a config file, how many parent objects of the member the install created.</summary>
    public int CreatedObjects { get; init; }

    /// <summary>For a config file, the member's value text before the first install, when it had one.</summary>
    public string? PreviousValue { get; init; }

    [JsonIgnore]
    public bool IsConfig => MemberPath is not null;
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstallManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
