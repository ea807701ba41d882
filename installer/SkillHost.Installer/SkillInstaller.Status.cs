using SkillHost.Installer.Clients;
using SkillHost.Installer.Files;
using SkillHost.Installer.Jsonc;
using SkillHost.Skills;
using SkillHost.Skills.Validation;

namespace SkillHost.Installer;

public sealed partial class SkillInstaller
{
    /// <summary>The state of every client and scope (or only those asked for); project scopes are read in the project folder.</summary>
    public IReadOnlyList<InstallStatus> Status(ClientKind? client = null, InstallScope? scope = null)
    {
        var manifest = _manifest.Load();
        var statuses = new List<InstallStatus>();
        foreach (var kind in Enum.GetValues<ClientKind>().Where(k => client is null || k == client))
        {
            foreach (var s in ClientTargets.Scopes(kind).Where(s => scope is null || s == scope))
            {
                var target = ClientTargets.Resolve(kind, s, _environment, SkillName);
                var (server, command, problem) = ReadServerEntry(target.Config);
                var (skill, skillProblems) = ReadSkill(target.SkillDirectory);
                var project = s == InstallScope.User ? null : _environment.ProjectDirectory;
                var record = manifest.Installs.FirstOrDefault(r => r.Matches(kind.Name(), s.Name(), project));
                statuses.Add(new InstallStatus(target, server, command, problem, skill, skillProblems, record?.Version, record?.InstalledAt));
            }
        }

        return statuses;
    }

    /// <summary>Writes <paramref name="statuses"/> for people; returns false when an installed skill does not validate.</summary>
    public static bool Print(IReadOnlyList<InstallStatus> statuses, bool onlyPresent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(output);
        var shown = statuses.Where(s => !onlyPresent || s.IsPresent).ToList();
        if (shown.Count == 0)
        {
            output.WriteLine("skillhost is not installed in any client (run 'skillhost install --client claude-code').");
        }

        foreach (var status in shown)
        {
            var target = status.Target;
            output.WriteLine($"{target.Client.Name()} ({target.Scope.Name()} scope)" + (status.RecordedVersion is { } v
                ? $": skillhost {v}, installed {status.InstalledAt:yyyy-MM-dd HH:mm} UTC"
                : string.Empty));
            output.WriteLine($"  server  {target.Config.FilePath} → {target.Config.DisplayPath}: " + status.Server switch
            {
                ServerEntryState.UpToDate => $"installed, up to date ({status.ServerCommand})",
                ServerEntryState.Stale => $"installed, but starts '{status.ServerCommand}', not this skillhost: run 'skillhost install' to update",
                ServerEntryState.Unreadable => $"cannot read the config: {status.ConfigProblem}",
                _ => "not installed",
            });
            if (target.SkillDirectory is { } directory)
            {
                output.WriteLine($"  skill   {directory}: " + status.Skill switch
                {
                    SkillState.Valid => "installed, valid, same as the bundled skill",
                    SkillState.ValidButDifferent => "installed, valid, but differs from the bundled skill: run 'skillhost install' to update",
                    SkillState.Invalid => "installed but INVALID: " + string.Join("; ", status.SkillProblems),
                    _ => "not installed",
                });
            }
        }

        return !shown.Any(s => s.Skill == SkillState.Invalid);
    }

    private (ServerEntryState, string?, string?) ReadServerEntry(ConfigLocation location)
    {
        if (!File.Exists(location.FilePath))
        {
            return (ServerEntryState.Missing, null, null);
        }

        try
        {
            var text = ConfigText.Decode(GuardedFile.ReadAllBytes(location.FilePath), location.FilePath);
            var entry = new JsoncEditor(text.Text, location.Jsonc).Get(location.MemberPath);
            if (entry is null)
            {
                return (ServerEntryState.Missing, null, null);
            }

            var command = entry["command"]?.ToString();
            var args = entry["args"]?.AsArray().Select(a => a?.ToString() ?? string.Empty) ?? [];
            var display = new ServerLaunch(command ?? string.Empty, [.. args]).DisplayCommandLine;
            var upToDate = System.Text.Json.Nodes.JsonNode.DeepEquals(entry, _launch.ToEntry(location.WithType));
            return (upToDate ? ServerEntryState.UpToDate : ServerEntryState.Stale, display, null);
        }
        catch (Exception e) when (e is JsoncException or InstallerException or IOException or UnauthorizedAccessException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return (ServerEntryState.Unreadable, null, e.Message);
        }
    }

    private (SkillState, IReadOnlyList<string>) ReadSkill(string? directory)
    {
        var file = directory is null ? null : Path.Combine(directory, SkillParser.SkillFileName);
        if (file is null || !File.Exists(file))
        {
            return (SkillState.Missing, []);
        }

        var document = SkillParser.ParseFile(file);
        var result = SkillValidator.Validate(document, Path.GetFileName(directory), ValidationProfile.ClaudeCode);
        if (!result.IsValid)
        {
            return (SkillState.Invalid, [.. result.Problems.Where(p => p.Severity == DiagnosticSeverity.Error).Select(p => p.ToString())]);
        }

        return (PlanSkillCopy(directory!).Count == 0 ? SkillState.Valid : SkillState.ValidButDifferent, []);
    }
}
