using System.Buffers;
using System.Globalization;
using SkillHost.Analysis.Text;
using SkillHost.Skills.Files;

namespace SkillHost.Analysis.Review;

/// <summary>Reads one file for review, or says why it cannot be reviewed: not a regular file, unreadable, binary (NUL bytes) or over the size limit.</summary>
public static class SourceFileReader
{
    /// <summary>Files above this size are skipped: generated code or data, not something a person reviews.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private delegate T Decode<out T>(ReadOnlySpan<byte> bytes);

    public static (byte[]? Bytes, SkipReason? Reason, string? Detail) Read(string fullPath, long maxBytes = DefaultMaxBytes) =>
        Read(fullPath, maxBytes, static bytes => bytes.ToArray());

    /// <summary>
    /// Reads and decodes a file in one go: the bytes pass through a pooled buffer, so a review of
    /// thousands of files allocates only their text (no byte array per file, none on the large object heap).
    /// </summary>
    public static (SourceText? Text, SkipReason? Reason, string? Detail) ReadText(string fullPath, string displayPath, long maxBytes = DefaultMaxBytes) =>
        Read(fullPath, maxBytes, bytes => SourceText.From(bytes, displayPath));

    private static (T? Value, SkipReason? Reason, string? Detail) Read<T>(string fullPath, long maxBytes, Decode<T> decode) where T : class
    {
        if (RegularFile.Refusal(fullPath) is { } refusal)
        {
            return (null, SkipReason.NotAFile, refusal); // never opened: a named pipe would block the open itself
        }

        byte[]? rented = null;
        try
        {
            // A name that is not UTF-8 (see FileNameBytes) opens only by its bytes.
            using var stream = FileNameBytes.HasEscapes(fullPath)
                ? new FileStream(RawFileSystem.OpenRead(fullPath), FileAccess.Read, bufferSize: 1)
                : new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var length = stream.Length;
            if (length > maxBytes || length > Array.MaxLength)
            {
                return (null, SkipReason.TooLarge, string.Create(CultureInfo.InvariantCulture, $"{length / 1048576.0:0.#} MB, over the {Math.Min(maxBytes, Array.MaxLength) / 1048576.0:0.#} MB limit"));
            }

            rented = ArrayPool<byte>.Shared.Rent((int)length);
            var bytes = rented.AsSpan(0, (int)length);
            stream.ReadExactly(bytes);
            var nul = bytes.IndexOf((byte)0);
            return nul >= 0
                ? (null, SkipReason.Binary, string.Create(CultureInfo.InvariantCulture, $"holds a NUL byte at offset {nul}, so it is not source text"))
                : (decode(bytes), null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, SkipReason.Unreadable, e.Message);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
