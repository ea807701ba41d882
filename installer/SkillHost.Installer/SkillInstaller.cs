using SkillHost.Installer.Clients;
using SkillHost.Installer.Files;
using SkillHost.Installer.Jsonc;
using SkillHost.Installer.Manifest;

namespace SkillHost.Installer;

/// <summary>
/// Installs the skill and registers the MCP server in a client, and takes them out again. Every change is planned
/// first (and only printed with a dry run); configs are merged member by member, files are backed up and written
/// atomically, and a manifest records what was written so <see cref="Uninstall"/> removes only that.
/// </summary>
public sealed partial class SkillInstaller
{
    private readonly InstallEnvironment _environment;
    private readonly ServerLaunch _launch;
    private readonly string _skillSource;
    private readonly string _version;
    private readonly TimeProvider _clock;
    private readonly ManifestStore _manifest;

    /// <param name="skillSource">The skill folder to install (the one bundled with skillhost).</param>
    /// <param name="version">skillhost's version, recorded in the manifest and shown by status.</param>
    public SkillInstaller(InstallEnvironment environment, ServerLaunch launch, string skillSource, string version, TimeProvider? clock = null)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _launch = launch ?? throw new ArgumentNullException(nameof(launch));
        _skillSource = Path.GetFullPath(skillSource);
        _version = version;
        _clock = clock ?? TimeProvider.System;
        _manifest = new ManifestStore(environment.StateDirectory);
        if (!File.Exists(Path.Combine(_skillSource, "SKILL.md")))
        {
            throw new InstallerException($"The skill to install was not found: '{_skillSource}' has no SKILL.md. Reinstall skillhost or pass the skill folder.");
        }
    }

    private string SkillName => Path.GetFileName(_skillSource);

    /// <summary>Installs for <paramref name="client"/> in <paramref name="scope"/>; with <paramref name="dryRun"/>, only prints what would change.</summary>
    public IReadOnlyList<FileChange> Install(ClientKind client, InstallScope scope, bool dryRun, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var target = ClientTargets.Resolve(client, scope, _environment, SkillName);
        var config = PlanConfig(target.Config);
        var changes = new List<FileChange>();
        if (config.Change is not null)
        {
            changes.Add(config.Change);
        }

        if (target.SkillDirectory is { } skillDirectory)
        {
            changes.AddRange(PlanSkillCopy(skillDirectory));
        }

        var where = $"{client.Name()} ({scope.Name()} scope)";
        if (changes.Count == 0)
        {
            output.WriteLine($"{where}: already installed and up to date; nothing to change.");
            return changes;
        }

        if (dryRun)
        {
            output.WriteLine($"{where}: dry run, nothing written. These changes would be made:");
            ChangePrinter.Print(changes, output);
            return changes;
        }

        var manifest = _manifest.Load();
        var project = scope == InstallScope.User ? null : _environment.ProjectDirectory;
        var previous = manifest.Installs.FirstOrDefault(r => r.Matches(client.Name(), scope.Name(), project));
        var createdDirectories = new List<string>();

        // Where the manifest and the backups go is checked with the targets, before anything is written: once the
        // config is written, an install whose manifest cannot be saved could never be uninstalled.
        SafeFileWriter.Check([.. changes, .. _manifest.Placeholders]);
        var writer = new SafeFileWriter(_manifest.BackupDirectory, _clock);
        var backups = writer.Apply(changes, createdDirectories);

        var files = previous?.Files.ToDictionary(f => f.Path, StringComparer.Ordinal) ?? new Dictionary<string, WrittenFile>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            files.TryGetValue(change.Path, out var before);
            var isConfig = ReferenceEquals(change, config.Change);
            files[change.Path] = new WrittenFile
            {
                Path = change.Path,
                Existed = before?.Existed ?? change.Before is not null,
                BackupPath = before is null ? backups.GetValueOrDefault(change.Path) : before.BackupPath,
                WrittenSha256 = Hashes.Sha256(change.After!),
                MemberPath = isConfig ? [.. target.Config.MemberPath] : null,
                Jsonc = isConfig && target.Config.Jsonc,
                CreatedObjects = before?.CreatedObjects ?? (isConfig ? config.CreatedObjects : 0),
                PreviousValue = before is null ? (isConfig ? config.PreviousValue : null) : before.PreviousValue,
            };
        }

        manifest.Installs.Remove(previous!);
        manifest.Installs.Add(new InstallRecord
        {
            Client = client.Name(),
            Scope = scope.Name(),
            Project = project,
            Version = _version,
            InstalledAt = _clock.GetUtcNow(),
            Command = _launch.DisplayCommandLine,
            Files = [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)],
            CreatedDirectories = [.. (previous?.CreatedDirectories ?? []).Union(createdDirectories).Distinct(StringComparer.Ordinal)],
        });
        try
        {
            _manifest.Save(manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SafeFileWriter.RollBack(changes);
            throw new InstallerException($"Could not record the install in '{_manifest.Path}': {e.Message} Every file written was put back.", e);
        }

        output.WriteLine($"{where}: installed skillhost {_version}.");
        foreach (var change in changes)
        {
            output.WriteLine($"  {(change.IsCreate ? "created" : "updated")} {change.Path} — {change.Description}");
        }

        output.WriteLine($"  server command: {_launch.DisplayCommandLine}");
        return changes;
    }

    private sealed record ConfigPlan(FileChange? Change, int CreatedObjects, string? PreviousValue);

    private ConfigPlan PlanConfig(ConfigLocation location)
    {
        var before = File.Exists(location.FilePath) ? ReadAllBytes(location.FilePath) : null;
        var text = before is null ? new ConfigText(string.Empty, HasBom: false) : ConfigText.Decode(before, location.FilePath);
        var editor = OpenEditor(text.Text, location.FilePath, location.Jsonc);
        try
        {
            var previousValue = editor.GetValueText(location.MemberPath);
            var updated = editor.Set(location.MemberPath, _launch.ToEntry(location.WithType), out var outcome, out var created);
            if (outcome == JsoncSetOutcome.Unchanged)
            {
                return new ConfigPlan(null, 0, null);
            }

            var description = outcome == JsoncSetOutcome.Added
                ? $"add {location.DisplayPath}"
                : $"update the stale {location.DisplayPath}";
            var after = (text with { Text = updated }).Encode();
            return new ConfigPlan(new FileChange(location.FilePath, before, after, description), created, previousValue);
        }
        catch (JsoncException e)
        {
            throw Malformed(location.FilePath, location.Jsonc, e);
        }
    }

    private List<FileChange> PlanSkillCopy(string destination)
    {
        var changes = new List<FileChange>();
        foreach (var source in Directory.EnumerateFiles(_skillSource, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(_skillSource, source);
            var target = Path.Combine(destination, relative);
            var bytes = ReadAllBytes(source);
            var existing = File.Exists(target) ? ReadAllBytes(target) : null;
            if (existing is null || !existing.AsSpan().SequenceEqual(bytes))
            {
                var description = $"skill file {relative.Replace('\\', '/')} ({bytes.Length:N0} bytes{(existing is null ? string.Empty : ", replacing a different version")})";
                changes.Add(new FileChange(target, existing, bytes, description, ShowDiff: false));
            }
        }

        return changes;
    }

    private static JsoncEditor OpenEditor(string text, string path, bool jsonc)
    {
        var editor = new JsoncEditor(text, jsonc);
        try
        {
            editor.Validate();
        }
        catch (JsoncException e)
        {
            throw Malformed(path, jsonc, e);
        }

        return editor;
    }

    private static InstallerException Malformed(string path, bool jsonc, JsoncException e) =>
        new($"'{path}' is not valid {(jsonc ? "JSONC" : "JSON")} ({e.Message}). Fix it or move it aside and run again. Nothing was written.", e);

    private static byte[] ReadAllBytes(string path) => GuardedFile.ReadAllBytes(path);
}
