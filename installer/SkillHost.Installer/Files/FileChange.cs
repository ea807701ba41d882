namespace SkillHost.Installer.Files;

/// <summary>
/// One file the installer will create, replace or delete: its bytes before (null: absent) and after (null: delete).
/// <see cref="ShowDiff"/> is false for copied files, which a dry run names instead of printing.
/// </summary>
public sealed record FileChange(string Path, byte[]? Before, byte[]? After, string Description, bool ShowDiff = true)
{
    public bool IsCreate => Before is null && After is not null;

    public bool IsDelete => After is null;
}
