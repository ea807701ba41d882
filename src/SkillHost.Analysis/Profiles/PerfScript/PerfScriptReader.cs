using System.Globalization;
using System.Text;

namespace SkillHost.Analysis.Profiles.PerfScript;

/// <summary>
/// Reads the text <c>perf script</c> writes: per sample a header line (<c>comm pid time: period event:</c>) and, with
/// <c>perf record -g</c>, one indented frame per line, leaf first (<c>addr symbol+0xoff (dso)</c>), then a blank line.
/// A sample without a call chain carries its one frame on the header. Each sample counts one; symbols lose their
/// offsets; CPython 3.12+ <c>-X perf</c> frames (<c>py::func:/path/app.py</c>) keep their file. The <c>srcline</c> lines
/// some invocations add are skipped: for inlined code they name the inlined callee's file, not the function's.
/// </summary>
public static class PerfScriptReader
{
    private const int MaxDiagnostics = 20;

    /// <summary>True when the head holds a sample header followed by an indented "address symbol" frame line, or headers with frames inline.</summary>
    public static bool Looks(ReadOnlySpan<char> head)
    {
        var headers = 0;
        var previousHeader = false;
        foreach (var range in head.Split('\n'))
        {
            var line = head[range].TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                previousHeader = false;
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                if (previousHeader && TryFrame(line, out _))
                {
                    return true;
                }

                previousHeader = false;
                continue;
            }

            previousHeader = IsHeader(line);
            headers += previousHeader ? 1 : 0;
            if (headers >= 3 && InlineFrame(line).Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    public static ProfileReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var diagnostics = new List<ProfileDiagnostic>();
        var aggregator = new StackAggregator();
        var leafFirst = new List<int>(64);
        var rootFirst = new List<int>(64);
        string? header = null;
        long offset = 0;
        var lineNumber = 0;
        var headers = 0;
        var bad = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);

        void Flush()
        {
            if (header is null)
            {
                return;
            }

            if (leafFirst.Count == 0 && InlineFrame(header) is { Length: > 0 } inline && TryFrame(inline, out var symbol))
            {
                leafFirst.Add(aggregator.FrameId(symbol));
            }

            rootFirst.Clear();
            for (var i = leafFirst.Count - 1; i >= 0; i--)
            {
                rootFirst.Add(leafFirst[i]);
            }

            aggregator.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rootFirst), 1);
            leafFirst.Clear();
            header = null;
        }

        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            var lineOffset = offset;
            offset += Encoding.UTF8.GetByteCount(text) + 1;
            var line = text.AsSpan().TrimEnd();
            if (line.IsEmpty)
            {
                Flush();
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                Flush();
                if (line[0] == '#')
                {
                    continue;
                }

                if (IsHeader(line))
                {
                    header = text;
                    headers++;
                }
                else if (++bad <= MaxDiagnostics)
                {
                    diagnostics.Add(new ProfileDiagnostic("not a perf script sample header (`comm pid time: period event:`): line skipped", lineOffset, lineNumber));
                }

                continue;
            }

            if (header is not null && TryFrame(line, out var symbolText))
            {
                leafFirst.Add(aggregator.FrameId(symbolText));
            }

            // Anything else indented is a srcline or an unknown field: not a frame, and harmless.
        }

        Flush();
        if (aggregator.Stacks == 0)
        {
            diagnostics.Insert(0, new ProfileDiagnostic(
                lineNumber == 0 ? "the file is empty: record with `perf record -g PROGRAM` and write the text with `perf script > out.perf`"
                : headers == 0 ? "no perf script sample header was found: this is not `perf script` output"
                : "the samples carry no frames: record with `perf record -g` and run `perf script` without `-F` fields that drop `ip` and `sym`",
                0,
                lineNumber == 0 ? 0 : 1));
            return new ProfileReadResult(null, diagnostics);
        }

        return new ProfileReadResult(aggregator.Build(ProfileFormat.PerfScript, ProfileUnit.Samples), diagnostics);
    }

    // "hot 3730 20618.562905:     250000 cpu-clock:ppp: " — the comm may hold spaces; a "seconds.micros:" field follows.
    private static bool IsHeader(ReadOnlySpan<char> line)
    {
        foreach (var range in line.Split(' '))
        {
            var field = line[range];
            if (field.Length > 2 && field[^1] == ':' && field.IndexOf('.') > 0
                && double.TryParse(field[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            {
                return true;
            }
        }

        return false;
    }

    // A header without a call chain ends with "ADDR SYMBOL+OFF (DSO)" after the event's ": ".
    private static ReadOnlySpan<char> InlineFrame(ReadOnlySpan<char> header)
    {
        var colon = header.TrimEnd().LastIndexOf(": ");
        if (colon < 0)
        {
            return [];
        }

        var rest = header[(colon + 2)..].Trim();
        return rest.Length > 0 && char.IsAsciiHexDigit(rest[0]) ? rest : [];
    }

    // "	    55d1c2a3 hot::count_matches+0x76 (/srv/app/hot)" → "hot::count_matches".
    private static bool TryFrame(ReadOnlySpan<char> line, out ReadOnlySpan<char> symbol)
    {
        symbol = default;
        line = line.Trim();
        var space = line.IndexOf(' ');
        if (space <= 0 || !IsHex(line[..space]))
        {
            return false;
        }

        var rest = line[(space + 1)..].Trim();
        if (rest.EndsWith(")") && rest.LastIndexOf(" (") is var dso and >= 0)
        {
            rest = rest[..dso].TrimEnd();
        }

        var plus = rest.LastIndexOf("+0x");
        if (plus > 0 && IsHex(rest[(plus + 3)..]))
        {
            rest = rest[..plus];
        }

        symbol = rest.IsEmpty ? "[unknown]" : rest;
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return !s.IsEmpty;
    }
}
