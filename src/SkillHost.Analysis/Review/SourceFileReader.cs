using System.Globalization;

namespace SkillHost.Analysis.Review;

/// <summary>Reads one file for review, or says why it cannot be reviewed: unreadable, binary (NUL bytes) or over the size limit.</summary>
public static class SourceFileReader
{
    /// <summary>Files above this size are skipped: generated code or data, not something a person reviews.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public static (byte[]? Bytes, SkipReason? Reason, string? Detail) Read(string fullPath, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var length = stream.Length;
            if (length > maxBytes)
            {
                return (null, SkipReason.TooLarge, string.Create(CultureInfo.InvariantCulture, $"{length / 1048576.0:0.#} MB, over the {maxBytes / 1048576.0:0.#} MB limit"));
            }

            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            var nul = Array.IndexOf(bytes, (byte)0);
            return nul >= 0
                ? (null, SkipReason.Binary, string.Create(CultureInfo.InvariantCulture, $"holds a NUL byte at offset {nul}, so it is not source text"))
                : (bytes, null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (null, SkipReason.Unreadable, e.Message);
        }
    }
}
