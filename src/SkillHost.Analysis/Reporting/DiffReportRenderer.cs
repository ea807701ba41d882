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
        var plans = MechanicalFixes.Plan(fixable, report.WorkingDirectory, insideWorkingFolderOnly: false);

        // A file named explicitly may lie outside the working folder: the patch is then relative to the nearest folder
        // holding both, named first, so it still applies (and reads) as a plain patch there.
        var root = PatchRoot(report.WorkingDirectory, plans);
        if (root is not null)
        {
            writer.WriteLine($"# paths below are relative to {PrintableText.Line(root)}: apply the patch there");
        }

        var (files, fixedFindings) = WriteFiles(plans, writer, root is null ? null : fix => Path.GetRelativePath(root, fix.FullPath));
        if (fixable.Count == 0)
        {
            writer.WriteLine($"# no finding of the {report.Outcome.Findings.Count} has a mechanical fix; the others need judgement (see --format text)");
        }
        else
        {
            writer.WriteLine($"# {fixedFindings} of {report.Outcome.Findings.Count} findings fixed mechanically, in {files} file(s); apply with: git apply FILE (or patch -p1 < FILE)");
        }
    }

    // Null when every file lies below the working folder (paths as the review names them); else the deepest folder
    // holding the working folder and every file to patch.
    private static string? PatchRoot(string workingDirectory, IReadOnlyList<FileFix> plans)
    {
        if (!plans.Any(p => p.Source is not null && Path.IsPathRooted(p.Path)))
        {
            return null;
        }

        var root = Path.GetFullPath(workingDirectory);
        foreach (var plan in plans.Where(p => p.Source is not null))
        {
            while (Path.GetRelativePath(root, plan.FullPath) is var relative && (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)))
            {
                root = Path.GetDirectoryName(root) ?? root;
                if (Path.GetPathRoot(root) == root)
                {
                    break;
                }
            }
        }

        return root;
    }

    /// <summary>
    /// The planned fixes as unified diff sections, file by file; a file whose plan has a problem is named in a <c>#</c>
    /// line instead. Returns how many files the diff changes and how many findings it fixes whole.
    /// </summary>
    public static (int Files, int Findings) WriteFiles(IEnumerable<FileFix> fixes, TextWriter writer, Func<FileFix, string>? patchPath = null)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        ArgumentNullException.ThrowIfNull(writer);
        var (files, findings) = (0, 0);
        foreach (var fix in fixes)
        {
            if (fix.Source is not { } source)
            {
                writer.WriteLine($"# {PrintableText.Escape(fix.Path)}: not fixed, {PrintableText.Line(fix.Problem ?? "")}");
                continue;
            }

            var path = (patchPath?.Invoke(fix) ?? fix.Path).Replace('\\', '/');
            writer.Write($"--- {GitQuoted("a/" + path)}\n+++ {GitQuoted("b/" + path)}\n");
            WriteHunks(source.Text, fix.Edits, source.Encoding == SourceEncoding.Utf8WithBom, writer);
            files++;
            findings += fix.FixedFindings;
        }

        return (files, findings);
    }

    // With a byte order mark, the file's first line starts with it (the text the rules saw does not), in both versions.
    private static void WriteHunks(string before, IReadOnlyList<SourceEdit> edits, bool byteOrderMark, TextWriter writer)
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

    /// <summary>
    /// A patch header name as git writes one: as it is when plain, else in double quotes with C escapes (octal for
    /// every other byte), which <c>git apply</c> reads back, so a name holding a line break cannot end the header.
    /// </summary>
    internal static string GitQuoted(string name)
    {
        if (!name.Any(c => c is '"' or '\\' || PrintableText.NeedsEscape(c)))
        {
            return name;
        }

        var quoted = new System.Text.StringBuilder("\"");
        foreach (var rune in name.EnumerateRunes())
        {
            _ = rune.Value switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                '\r' => quoted.Append("\\r"),
                _ when rune.IsBmp && PrintableText.NeedsEscape((char)rune.Value) => AppendOctal(quoted, rune),
                _ => quoted.Append(rune.ToString()),
            };
        }

        return quoted.Append('"').ToString();
    }

    private static System.Text.StringBuilder AppendOctal(System.Text.StringBuilder quoted, System.Text.Rune rune)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
        {
            quoted.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
        }

        return quoted;
    }
}
