using System.Text;

namespace SkillHost.Skills.Files;

/// <summary>
/// File names that are not UTF-8, carried in .NET strings without loss. Linux names are bytes; .NET decodes them as
/// UTF-8 and turns each invalid sequence into U+FFFD, so such a file is listed under a name that does not open.
/// Here every byte that is not part of valid UTF-8 is kept as the lone surrogate U+DC00 + byte (Python's
/// "surrogateescape"), which no valid UTF-8 decodes to, so a name round-trips exactly: see <see cref="RawFileSystem"/>
/// for the listing and opening that use it, and <see cref="Display"/> for the printable form (<c>a\xff.py</c>).
/// </summary>
public static class FileNameBytes
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="c"/> stands for one byte of a name that is not UTF-8.</summary>
    public static bool IsEscapedByte(char c) => c is >= '\uDC80' and <= '\uDCFF';

    /// <summary>The byte that <paramref name="c"/> (an <see cref="IsEscapedByte"/> character) stands for.</summary>
    public static byte ByteOf(char c) => (byte)(c - 0xDC00);

    /// <summary>Whether <paramref name="path"/> holds bytes that are not UTF-8, so only <see cref="RawFileSystem"/> can open it.</summary>
    public static bool HasEscapes(string path) => path.AsSpan().IndexOfAnyInRange('\uDC80', '\uDCFF') >= 0;

    /// <summary>The name as the bytes it stands for: UTF-8 for text, the byte itself for each escaped byte.</summary>
    public static byte[] ToBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = new List<byte>(path.Length + 8);
        var run = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && !IsEscapedByte(path[i]))
            {
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(path[run..i]));
            if (i < path.Length)
            {
                bytes.Add(ByteOf(path[i]));
            }

            run = i + 1;
        }

        return [.. bytes];
    }

    /// <summary><see cref="ToBytes"/> followed by a NUL: a C string for the system calls.</summary>
    public static byte[] ToCString(string path) => [.. ToBytes(path), 0];

    /// <summary>Decodes a name: valid UTF-8 as text, each other byte as its escape character.</summary>
    public static string Decode(ReadOnlySpan<byte> name)
    {
        try
        {
            return Strict.GetString(name);
        }
        catch (DecoderFallbackException)
        {
            var text = new StringBuilder(name.Length);
            var i = 0;
            while (i < name.Length)
            {
                var length = ValidSequenceLength(name[i..]);
                if (length == 0)
                {
                    text.Append((char)(0xDC00 + name[i]));
                    i++;
                }
                else
                {
                    text.Append(Encoding.UTF8.GetString(name.Slice(i, length)));
                    i += length;
                }
            }

            return text.ToString();
        }
    }

    /// <summary>The name to show: each escaped byte written as <c>\xff</c>; everything else as it is (renderers escape control characters).</summary>
    public static string Display(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!HasEscapes(path))
        {
            return path;
        }

        var text = new StringBuilder(path.Length + 16);
        foreach (var c in path)
        {
            _ = IsEscapedByte(c) ? text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{ByteOf(c):x2}") : text.Append(c);
        }

        return text.ToString();
    }

    // The length of the one valid UTF-8 sequence at the start of bytes, or 0 when it is not one.
    private static int ValidSequenceLength(ReadOnlySpan<byte> bytes)
    {
        var length = bytes[0] switch
        {
            < 0x80 => 1,
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            >= 0xF0 and <= 0xF4 => 4,
            _ => 0,
        };
        if (length <= 1 || bytes.Length < length)
        {
            return bytes.Length < length ? 0 : length;
        }

        try
        {
            _ = Strict.GetCharCount(bytes[..length]);
            return length;
        }
        catch (DecoderFallbackException)
        {
            return 0;
        }
    }
}
