namespace SkillHost.Installer;

/// <summary>A problem the user can fix, with a message that says how; nothing was written when it is thrown.</summary>
public sealed class InstallerException : Exception
{
    public InstallerException()
    {
    }

    public InstallerException(string message)
        : base(message)
    {
    }

    public InstallerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
