using System.Globalization;
using System.Text;

namespace SkillHost.Analysis.Profiles.Collapsed;

/// <summary>
/// Reads collapsed stacks, one stack per line, root first: <c>main (app.py:20);dedupe (app.py:8) 97</c>. The count
/// follows the LAST space (frames hold spaces: "dedupe (app.py:8)"). Streams the file: memory grows with the distinct
/// frames, not the file. Bad lines are reported with their line and byte offset and skipped.
/// </summary>
public static class CollapsedStackReader
{
    private const int MaxDiagnostics = 20;

    /// <summary>True when most of the first lines look like "frames count" (a bad line or two is reported, not a reason to refuse the file).</summary>
    public static bool Looks(ReadOnlySpan<char> head)
    {
        var (good, bad) = (0, 0);
        foreach (var range in head.Split('\n'))
        {
            var line = head[range].TrimEnd('\r');
            if (line.IsWhiteSpace() || line[0] == '#' || good + bad >= 50)
            {
                continue;
            }

            if (TrySplit(line, out _, out _))
            {
                good++;
            }
            else if (range.End.Value < head.Length)
            {
                // The head may end inside a line: only a complete bad line counts.
                bad++;
            }
        }

        return good > 0 && good >= 2 * bad;
    }

    public static ProfileReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var diagnostics = new List<ProfileDiagnostic>();
        var aggregator = new StackAggregator();
        var stack = new List<int>(64);
        long offset = 0;
        var lineNumber = 0;
        var bad = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            var lineOffset = offset;
            offset += Encoding.UTF8.GetByteCount(text) + 1;
            var line = text.AsSpan().TrimEnd();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (!TrySplit(line, out var frames, out var count))
            {
                bad++;
                if (diagnostics.Count < MaxDiagnostics)
                {
                    diagnostics.Add(new ProfileDiagnostic("not a collapsed stack (`frame;frame;frame COUNT`, the count after the last space): line skipped", lineOffset, lineNumber));
                }

                continue;
            }

            stack.Clear();
            foreach (var range in frames.Split(';'))
            {
                var frame = frames[range];
                if (!frame.IsWhiteSpace())
                {
                    stack.Add(aggregator.FrameId(frame));
                }
            }

            aggregator.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack), count);
        }

        if (bad > MaxDiagnostics)
        {
            diagnostics.Add(new ProfileDiagnostic($"{bad - MaxDiagnostics} more lines were not collapsed stacks", offset, lineNumber));
        }

        if (aggregator.Stacks == 0)
        {
            diagnostics.Insert(0, new ProfileDiagnostic(
                lineNumber == 0 ? "the file is empty: record a profile first (py-spy record --format raw, or stackcollapse-perf.pl over perf script)" : "no stack with a positive count was read: this is not a collapsed-stack profile",
                0,
                lineNumber == 0 ? 0 : 1));
            return new ProfileReadResult(null, diagnostics);
        }

        return new ProfileReadResult(aggregator.Build(ProfileFormat.Collapsed, ProfileUnit.Samples), diagnostics);
    }

    // "a;b;c 12" → ("a;b;c", 12). Counts are integers in every collapser; a fraction is accepted (some exporters weight by time).
    private static bool TrySplit(ReadOnlySpan<char> line, out ReadOnlySpan<char> frames, out double count)
    {
        frames = default;
        count = 0;
        var space = line.LastIndexOf(' ');
        // A stack starts with its root frame: an indented line is code or a report, not a stack.
        if (space <= 0 || char.IsWhiteSpace(line[0]))
        {
            return false;
        }

        var number = line[(space + 1)..];
        frames = line[..space].TrimEnd();
        return !frames.IsEmpty
            && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out count)
            && count >= 0;
    }
}
