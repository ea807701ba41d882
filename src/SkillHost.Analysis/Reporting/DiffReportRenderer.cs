using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// The findings' mechanical fixes as one unified diff (<c>git apply</c> / <c>patch -p1</c>), file by file, with three
/// lines of context. Nothing is written to the reviewed files. Each file is read again and every edit checked against
/// the text the rule saw; a file that changed since, or whose edits cannot be placed, is named in a line before the diff
/// (outside any hunk, where <c>git apply</c> and <c>patch</c> ignore it) and left out.
/// </summary>
public static class DiffReportRenderer
{
    private const int Context = 3;

    public static void Write(ReviewReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var fixable = report.Outcome.Findings.Where(f => f.Edits.Count > 0).ToList();
        var files = 0;
        var fixedFindings = 0;
        foreach (var group in fixable.GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // A patch names files relative to the folder it is applied in: the working folder.
            if (Path.IsPathRooted(group.Key))
            {
                writer.WriteLine($"# {group.Key}: not fixed here, it lies outside the working folder; review it from a folder that holds it");
                continue;
            }

            var full = Path.GetFullPath(group.Key, report.WorkingDirectory);
            var (source, _, detail) = SourceFileReader.ReadText(full, group.Key);
            if (source is null)
            {
                writer.WriteLine($"# {group.Key}: not fixed, the file cannot be read again ({detail})");
                continue;
            }

            // The patch is UTF-8: a file that is not would not match its own context lines.
            if (source.Encoding == SourceEncoding.Latin1Fallback)
            {
                writer.WriteLine($"# {group.Key}: not fixed, it is not valid UTF-8 (it was read as Latin-1), so a UTF-8 patch would not match it");
                continue;
            }

            var edits = Combine(group, source, out var stale);
            if (stale)
            {
                writer.WriteLine($"# {group.Key}: not fixed, the file changed since it was reviewed; review it again");
                continue;
            }

            fixedFindings += group.Count(f => f.Edits.All(edits.Contains));
            var path = group.Key.Replace('\\', '/');
            writer.Write($"--- a/{path}\n+++ b/{path}\n");
            WriteHunks(source.Text, edits, source.Encoding == SourceEncoding.Utf8WithBom, writer);
            files++;
        }

        if (fixable.Count == 0)
        {
            writer.WriteLine($"# no finding of the {report.Outcome.Findings.Count} has a mechanical fix; the others need judgement (see --format text)");
        }
        else
        {
            writer.WriteLine($"# {fixedFindings} of {report.Outcome.Findings.Count} findings fixed mechanically, in {files} file(s); apply with: git apply FILE (or patch -p1 < FILE)");
        }
    }

    /// <summary>
    /// Every finding's edits in file order: the same edit from two findings (an import both need) once, and a finding
    /// whose edits would overlap an earlier finding's left out whole. <paramref name="stale"/> when the file no longer
    /// holds the text an edit replaces.
    /// </summary>
    internal static List<SourceEdit> Combine(IEnumerable<Finding> findings, SourceText source, out bool stale)
    {
        stale = false;
        var text = source.Text;
        var taken = new List<SourceEdit>();
        foreach (var finding in findings.OrderBy(f => f.Span.Start))
        {
            if (finding.Edits.Any(e => e.Span.End > text.Length || string.CompareOrdinal(text, e.Span.Start, e.OldText, 0, Math.Max(e.Span.Length, e.OldText.Length)) != 0
                || source.GetLinePosition(e.Span.Start) != e.Start || source.GetLinePosition(e.Span.End) != e.End))
            {
                stale = true;
                return [];
            }

            var fresh = finding.Edits.Where(e => !taken.Contains(e)).ToList();
            if (fresh.All(e => !taken.Any(t => Overlaps(t.Span, e.Span))))
            {
                taken.AddRange(fresh);
            }
        }

        taken.Sort((x, y) => x.Span.Start != y.Span.Start ? x.Span.Start.CompareTo(y.Span.Start) : x.Span.End.CompareTo(y.Span.End));
        return taken;
    }

    // Two insertions at one place overlap (their order would be a guess), as do spans that share a character.
    private static bool Overlaps(TextSpan a, TextSpan b) =>
        a.Start == b.Start || (a.Start < b.End && b.Start < a.End);

    // With a byte order mark, the file's first line starts with it (the text the rules saw does not), in both versions.
    private static void WriteHunks(string before, List<SourceEdit> edits, bool byteOrderMark, TextWriter writer)
    {
        var oldLines = Lines(before, out var lineStarts);
        var firstOld = oldLines.Count > 0 ? oldLines[0] : "";
        if (byteOrderMark && oldLines.Count > 0)
        {
            oldLines[0] = "\uFEFF" + oldLines[0];
        }

        // Changed line ranges (0-based, inclusive) of the old text with their edits, merged when their contexts touch.
        var ranges = new List<(int First, int Last, List<SourceEdit> Edits)>();
        foreach (var edit in edits)
        {
            // Lines as git counts them (ended by \n alone), whatever else the parser took for a line break.
            var first = LineIndex(lineStarts, edit.Span.Start);
            var last = Math.Max(first, LineIndex(lineStarts, Math.Max(edit.Span.Start, edit.Span.End - 1)));
            if (ranges.Count > 0 && first - ranges[^1].Last <= 2 * Context)
            {
                ranges[^1].Edits.Add(edit);
                ranges[^1] = (ranges[^1].First, Math.Max(ranges[^1].Last, last), ranges[^1].Edits);
            }
            else
            {
                ranges.Add((first, last, [edit]));
            }
        }

        var delta = 0;
        foreach (var (first, last, rangeEdits) in ranges)
        {
            var regionStart = lineStarts[first];
            var regionEnd = lineStarts[last] + (last == 0 ? firstOld : oldLines[last]).Length;
            var newLines = Lines(SourceEdit.Apply(before[regionStart..regionEnd], rangeEdits, regionStart), out _);
            if (byteOrderMark && first == 0 && newLines.Count > 0)
            {
                newLines[0] = "\uFEFF" + newLines[0];
            }

            var contextFirst = Math.Max(0, first - Context);
            var contextLast = Math.Min(oldLines.Count - 1, last + Context);
            var oldCount = contextLast - contextFirst + 1;
            var newCount = oldCount - (last - first + 1) + newLines.Count;
            writer.Write($"@@ -{Start(contextFirst, oldCount)},{oldCount} +{Start(contextFirst + delta, newCount)},{newCount} @@\n");
            for (var i = contextFirst; i < first; i++)
            {
                WriteLine(writer, ' ', oldLines[i]);
            }

            // Within the region, lines the edits left as they were are context too (a longest common subsequence).
            foreach (var (marker, line) in LineDiff(oldLines.GetRange(first, last - first + 1), newLines))
            {
                WriteLine(writer, marker, line);
            }

            for (var i = last + 1; i <= contextLast; i++)
            {
                WriteLine(writer, ' ', oldLines[i]);
            }

            delta += newLines.Count - (last - first + 1);
        }
    }

    /// <summary>The old and new lines of a region as context (' '), removed ('-') and added ('+') lines, removals first in each run.</summary>
    private static List<(char Marker, string Line)> LineDiff(List<string> before, List<string> after)
    {
        var result = new List<(char, string)>();
        if ((long)before.Count * after.Count > 250_000)
        {
            result.AddRange(before.Select(l => ('-', l)));
            result.AddRange(after.Select(l => ('+', l)));
            return result;
        }

        // lengths[i, j]: the longest common subsequence of before[i..] and after[j..].
        var lengths = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        var added = new List<(char, string)>();
        while (x < before.Count || y < after.Count)
        {
            if (x < before.Count && y < after.Count && before[x] == after[y])
            {
                result.AddRange(added);
                added.Clear();
                result.Add((' ', before[x]));
                x++;
                y++;
            }
            else if (y < after.Count && (x == before.Count || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                added.Add(('+', after[y++]));
            }
            else
            {
                result.Add(('-', before[x++]));
            }
        }

        result.AddRange(added);
        return result;
    }

    private static int LineIndex(List<int> lineStarts, int position)
    {
        var index = lineStarts.BinarySearch(position);
        return Math.Max(0, index >= 0 ? index : ~index - 1);
    }

    // Unified diff counts lines from 1; an empty range starts at the line before it.
    private static int Start(int index, int count) => count == 0 ? index : index + 1;

    // Only the file's last line can lack a line break.
    private static void WriteLine(TextWriter writer, char marker, string line)
    {
        writer.Write(marker);
        writer.Write(line);
        if (!line.EndsWith('\n'))
        {
            writer.Write("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>The lines of <paramref name="text"/>, each with its line break (a last line without one stays as it is).</summary>
    private static List<string> Lines(string text, out List<int> starts)
    {
        var lines = new List<string>();
        starts = [];
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            starts.Add(start);
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
