namespace SkillHost.Server.Cli;

/// <summary>The process exit codes every verb uses.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for <c>validate</c>, the skill is valid.</summary>
    public const int Ok = 0;

    /// <summary>The input has problems (an invalid skill, a SKILL.md that could not be read as Markdown).</summary>
    public const int Problems = 1;

    /// <summary>Usage or I/O error: a bad option, a missing path, an unreadable file.</summary>
    public const int UsageOrIo = 2;
}
