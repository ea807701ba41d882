using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SkillHost.Skills.Files;

/// <summary>
/// Lists and opens files by the bytes of their names, on Linux, for the names .NET cannot carry (not UTF-8): listing
/// with <c>readdir</c> and opening with <c>open</c>, names in the <see cref="FileNameBytes"/> form. Elsewhere (and when
/// the C library lacks a call) it lists nothing, and such files stay unreachable as before.
/// </summary>
public static class RawFileSystem
{
    private const int NameOffset = 19;      // d_name in struct dirent (glibc and musl, 64-bit): ino 8, off 8, reclen 2, type 1
    private const int TypeOffset = 18;
    private const byte TypeDirectory = 4;   // DT_DIR
    private const byte TypeLink = 10;       // DT_LNK
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC

    /// <summary>Whether this platform lists names as bytes (Linux on a 64-bit process, where the dirent layout is fixed).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>One entry of a folder: its name (escaped where not UTF-8) and what the listing says it is.</summary>
    public readonly record struct Entry(string Name, bool IsDirectory, bool IsLink);

    /// <summary>
    /// The entries of <paramref name="directory"/> (a <see cref="FileNameBytes"/> path), without "." and "..".
    /// </summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    public static IReadOnlyList<Entry> List(string directory)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("listing names as bytes needs Linux");
        }

        var handle = OpenDirectory(FileNameBytes.ToCString(directory));
        if (handle == IntPtr.Zero)
        {
            throw Error(Marshal.GetLastPInvokeError(), directory);
        }

        try
        {
            var entries = new List<Entry>();
            var name = new List<byte>(256);
            for (var entry = ReadDirectory(handle); entry != IntPtr.Zero; entry = ReadDirectory(handle))
            {
                name.Clear();
                for (var b = Marshal.ReadByte(entry, NameOffset); b != 0; b = Marshal.ReadByte(entry, NameOffset + name.Count))
                {
                    name.Add(b);
                }

                if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                {
                    continue;
                }

                var type = Marshal.ReadByte(entry, TypeOffset);
                entries.Add(new Entry(FileNameBytes.Decode(CollectionsMarshal.AsSpan(name)), type == TypeDirectory, type == TypeLink));
            }

            return entries;
        }
        finally
        {
            _ = CloseDirectory(handle);
        }
    }

    /// <summary>Opens <paramref name="path"/> (a <see cref="FileNameBytes"/> path) for reading.</summary>
    /// <exception cref="IOException">It cannot be opened (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public static SafeFileHandle OpenRead(string path)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("opening names as bytes needs Linux");
        }

        var fd = Open(FileNameBytes.ToCString(path), ReadOnlyCloseOnExec);
        return fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw Error(Marshal.GetLastPInvokeError(), path);
    }

    /// <summary>
    /// The target of the link <paramref name="path"/> (a <see cref="FileNameBytes"/> path), as <see cref="FileSystemInfo.LinkTarget"/>
    /// gives it for other names; null when it is not a link or cannot be read. Whoever confines paths to a folder must
    /// ask here for such names: .NET cannot see that they are links.
    /// </summary>
    public static string? ReadLink(string path)
    {
        if (!IsSupported)
        {
            return null;
        }

        var buffer = new byte[4096]; // PATH_MAX
        var length = (int)ReadLink(FileNameBytes.ToCString(path), buffer, buffer.Length);
        return length > 0 ? FileNameBytes.Decode(buffer.AsSpan(0, length)) : null;
    }

    /// <summary>
    /// The real name of <paramref name="fullPath"/> when it was given as .NET decoded it (each invalid byte sequence read
    /// as U+FFFD, as the command line arrives) and does not exist so: the one entry of its folder that decodes to it.
    /// Null when there is none, or more than one (the name is then ambiguous), or nothing to resolve.
    /// </summary>
    public static string? Resolve(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        if (!IsSupported || !fullPath.Contains('\uFFFD', StringComparison.Ordinal) || Path.Exists(fullPath))
        {
            return null;
        }

        var parent = Path.GetDirectoryName(fullPath);
        var name = Path.GetFileName(fullPath);
        if (parent is null || name.Length == 0)
        {
            return null;
        }

        var folder = parent.Contains('\uFFFD', StringComparison.Ordinal) ? Resolve(parent) ?? parent : parent;
        try
        {
            var matches = List(folder).Where(e => Encoding.UTF8.GetString(FileNameBytes.ToBytes(e.Name)) == name).Take(2).ToList();
            return matches.Count == 1 ? Path.Combine(folder, matches[0].Name) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static Exception Error(int errno, string path)
    {
        var message = $"{Marshal.GetPInvokeErrorMessage(errno)}: '{FileNameBytes.Display(path)}'";
        return errno switch
        {
            2 => new FileNotFoundException(message), // ENOENT
            13 or 1 => new UnauthorizedAccessException(message), // EACCES, EPERM
            _ => new IOException(message, errno),
        };
    }

    // Blittable arguments only (byte arrays, numbers, pointers), as in RegularFile: nothing unsafe, nothing to trim.
    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr OpenDirectory(byte[] path);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr ReadDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int CloseDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "readlink", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint ReadLink(byte[] path, [Out] byte[] buffer, nint size);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags);
}
