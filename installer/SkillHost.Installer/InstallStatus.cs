using SkillHost.Installer.Clients;

namespace SkillHost.Installer;

/// <summary>The state of one client and scope: our server entry, the installed skill, and what the manifest recorded.</summary>
public sealed record InstallStatus(
    ClientTarget Target,
    ServerEntryState Server,
    string? ServerCommand,
    string? ConfigProblem,
    SkillState Skill,
    IReadOnlyList<string> SkillProblems,
    string? RecordedVersion,
    DateTimeOffset? InstalledAt)
{
    /// <summary>Whether anything of ours is there (an entry, a skill folder, or a manifest record).</summary>
    public bool IsPresent => Server != ServerEntryState.Missing || Skill != SkillState.Missing || RecordedVersion is not null;
}

public enum ServerEntryState
{
    /// <summary>No entry (or no config file).</summary>
    Missing,

    /// <summary>The entry starts this skillhost.</summary>
    UpToDate,

    /// <summary>The entry starts something else (an older install, another path): install updates it.</summary>
    Stale,

    /// <summary>The config file could not be read.</summary>
    Unreadable,
}

public enum SkillState
{
    /// <summary>The client takes no skill folder, or it is not there.</summary>
    Missing,

    /// <summary>Installed, validates, and equals the bundled skill.</summary>
    Valid,

    /// <summary>Installed and validates, but differs from the bundled skill (an older or edited copy).</summary>
    ValidButDifferent,

    /// <summary>Installed but fails validation.</summary>
    Invalid,
}
