using SkillHost.Skills.Files;

namespace SkillHost.Installer.Files;

/// <summary>
/// Reads a config, manifest or backup only once it is known to be a regular file, and only up to a size no real
/// one reaches. A config that is a named pipe made install wait for ever; one that links to /dev/zero or
/// /dev/urandom was read until memory ran out.
/// </summary>
internal static class GuardedFile
{
    /// <summary>Far above any client config or manifest; low enough that reading one cannot exhaust memory.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>Throws <see cref="InstallerException"/> unless <paramref name="path"/> (links followed) is a regular file or does not exist.</summary>
    public static void Check(string path)
    {
        if (RegularFile.Refusal(path) is { } why)
        {
            throw new InstallerException($"'{path}' cannot be used: {why}. The installer reads and writes only regular files; move it aside and run again. Nothing was written.");
        }
    }

    /// <summary>The bytes of <paramref name="path"/>; every failure is an <see cref="InstallerException"/> that names the file.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        Check(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            if (stream.Length > MaxBytes)
            {
                throw new InstallerException($"'{path}' is {stream.Length / 1048576} MB, larger than any config or manifest ({MaxBytes / 1048576} MB at most); move it aside and run again. Nothing was written.");
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InstallerException($"Cannot read '{path}': {e.Message} Nothing was written.", e);
        }
    }
}
