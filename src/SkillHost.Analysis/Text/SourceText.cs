using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SkillHost.Analysis.Text;

/// <summary>
/// The decoded text of one source file with line mapping. Bytes decode as UTF-8 (a BOM is dropped);
/// a file that is not valid UTF-8 decodes as Latin-1 so every byte still maps to one character and
/// nothing is lost or throws.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    private SourceText(string text, string? path, SourceEncoding encoding)
    {
        Text = text;
        Path = path;
        Encoding = encoding;
    }

    /// <summary>The decoded text (BOM removed).</summary>
    public string Text { get; }

    /// <summary>The file path it came from, when it came from a file.</summary>
    public string? Path { get; }

    public SourceEncoding Encoding { get; }

    public int Length => Text.Length;

    /// <summary>
    /// The file's line break, as its first line ends ("\r\n", "\n", or "\r" in a file of lone carriage returns, which
    /// Python reads as line ends): what a line inserted into it should end with. "\n" for a file of one line.
    /// </summary>
    public string LineBreak
    {
        get
        {
            var first = Text.AsSpan().IndexOfAny('\r', '\n');
            return first < 0 || Text[first] == '\n' ? "\n"
                : first + 1 < Text.Length && Text[first + 1] == '\n' ? "\r\n"
                : "\r";
        }
    }

    public char this[int index] => Text[index];

    public static SourceText From(string text, string? path = null) => new(text, path, SourceEncoding.Utf16);

    public static SourceText From(ReadOnlySpan<byte> bytes, string? path = null)
    {
        var encoding = SourceEncoding.Utf8;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            encoding = SourceEncoding.Utf8WithBom;
        }

        // One transcoding pass into a pooled buffer, then one copy into the string: no per-file char[].
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new SourceText(new string(chars, 0, written), path, encoding);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return new SourceText(System.Text.Encoding.Latin1.GetString(bytes), path, SourceEncoding.Latin1Fallback);
    }

    public static SourceText Load(string path) => From(File.ReadAllBytes(path), path);

    public ReadOnlySpan<char> AsSpan(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    /// <summary>Number of lines; a trailing newline does not start an extra line.</summary>
    public int LineCount
    {
        get
        {
            var starts = LineStarts;
            return starts.Length > 1 && starts[^1] == Text.Length ? starts.Length - 1 : starts.Length;
        }
    }

    /// <summary>The 1-based line and column of a position (clamped into the text).</summary>
    public LinePosition GetLinePosition(int position)
    {
        position = Math.Clamp(position, 0, Text.Length);
        var starts = LineStarts;
        var index = Array.BinarySearch(starts, position);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LinePosition(index + 1, position - starts[index] + 1);
    }

    /// <summary>The span of a 1-based line, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var starts = LineStarts;
        if (line < 1 || line > starts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(line), line, $"line must be between 1 and {starts.Length}");
        }

        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && Text[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    // \n, \r\n and a lone \r each end a line, as Python's tokenizer and rustc both accept them.
    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(text.Length / 32 + 1) { 0 };
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOfAny('\n', '\r');
            if (i < 0)
            {
                break;
            }

            offset += i;
            if (span[offset] == '\r' && offset + 1 < span.Length && span[offset + 1] == '\n')
            {
                offset++;
            }

            offset++;
            starts.Add(offset);
        }

        return [.. starts];
    }
}

/// <summary>How a <see cref="SourceText"/> was decoded.</summary>
public enum SourceEncoding
{
    /// <summary>Given as a .NET string.</summary>
    Utf16,
    Utf8,
    Utf8WithBom,

    /// <summary>The bytes were not valid UTF-8 and were read one byte per character.</summary>
    Latin1Fallback,
}
