using System.Runtime.InteropServices;

namespace SkillHost.Skills.Files;

/// <summary>
/// Says whether a path (links followed) is a regular file before anyone opens it. Opening a named pipe waits for a
/// writer for ever, a device such as /dev/urandom never ends (and reports a length of 0), and .NET tells none of
/// them from a file: every reader of user-given paths (review, the installer, skill folders) asks here first.
/// </summary>
public static class RegularFile
{
    private const int AtCurrentFolder = -100; // AT_FDCWD
    private const uint TypeAndMode = 0x1;     // STATX_TYPE
    private const int ModeOffset = 28;        // stx_mode in struct statx, the same on every Linux architecture
    private const int StatxSize = 256;

    /// <summary>
    /// Why <paramref name="path"/> is not a regular file ("it is a named pipe (FIFO): …"), or null when it is one, or
    /// when it cannot be asked (missing, no permission, not Linux): then opening it reports what is wrong.
    /// </summary>
    public static string? Refusal(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtCurrentFolder, FileNameBytes.ToCString(path), 0, TypeAndMode, buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // a C library without statx (glibc before 2.28): the open is the only check left
        }

        return result != 0 ? null : Describe(BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000);
    }

    /// <summary>What a file type of <c>st_mode</c> is, when it is not a regular file.</summary>
    private static string? Describe(int type) => type switch
    {
        0x8000 => null,
        0x4000 => "it is a folder, not a file",
        0x1000 => "it is a named pipe (FIFO): reading it would wait for a writer",
        0xC000 => "it is a socket",
        0x2000 => "it is a character device: reading it may never end",
        0x6000 => "it is a block device",
        _ => "it is not a regular file",
    };

    // Blittable arguments only (byte arrays, numbers): no runtime marshalling to trim, nothing unsafe.
    [DllImport("libc", EntryPoint = "statx", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int folder, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
