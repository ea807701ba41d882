using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Review;

/// <summary>
/// One file's share of the findings' mechanical fixes, checked against the file as it is now: its fresh text and the
/// edits to make, or the reason nothing is fixed in it (<see cref="Problem"/>).
/// </summary>
public sealed class FileFix
{
    /// <summary>The path as the review named it (relative to the working folder when the file lies inside it).</summary>
    public required string Path { get; init; }

    public required string FullPath { get; init; }

    /// <summary>The file as it was read again; null when <see cref="Problem"/> is set.</summary>
    public SourceText? Source { get; init; }

    /// <summary>Every edit of the file, in file order, none overlapping.</summary>
    public IReadOnlyList<SourceEdit> Edits { get; init; } = [];

    /// <summary>How many of the file's findings the edits fix whole.</summary>
    public int FixedFindings { get; init; }

    /// <summary>Why nothing is fixed in this file, as the end of a sentence starting "not fixed, ".</summary>
    public string? Problem { get; init; }

    /// <summary>The file's text with every edit made.</summary>
    public string FixedText() => SourceEdit.Apply((Source ?? throw new InvalidOperationException($"{Path} is not fixed: {Problem}")).Text, Edits);
}

/// <summary>
/// Plans and makes the findings' mechanical fixes (<see cref="Finding.Edits"/>). Both <c>review --format diff</c> and
/// <c>review --fix</c> read each file again and check every edit against the text and position the rule saw, so a file
/// that changed since is left alone rather than patched in the wrong place.
/// </summary>
public static class MechanicalFixes
{
    /// <summary>
    /// The fixes of <paramref name="findings"/>, one entry per file that has any, in path order. With
    /// <paramref name="insideWorkingFolderOnly"/> (a patch names files relative to where it is applied), a file outside
    /// the working folder gets a <see cref="FileFix.Problem"/> instead.
    /// </summary>
    public static IReadOnlyList<FileFix> Plan(IEnumerable<Finding> findings, string workingDirectory, bool insideWorkingFolderOnly)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var plans = new List<FileFix>();
        foreach (var group in findings.Where(f => f.Edits.Count > 0).GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var full = System.IO.Path.GetFullPath(group.Key, workingDirectory);
            plans.Add(PlanFile(group.Key, full, [.. group], insideWorkingFolderOnly));
        }

        return plans;
    }

    /// <summary>The fixes of findings in code that is not on disk (sent inline): planned against <paramref name="source"/> itself.</summary>
    public static FileFix Plan(IEnumerable<Finding> findings, SourceText source, string path)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(source);
        var own = findings.Where(f => f.Edits.Count > 0 && string.Equals(f.Path, path, StringComparison.Ordinal)).ToList();
        var edits = Combine(own, source, out var stale);
        return stale
            ? new FileFix { Path = path, FullPath = path, Problem = "the code does not hold the text the edits replace; review it again" }
            : new FileFix { Path = path, FullPath = path, Source = source, Edits = edits, FixedFindings = own.Count(f => f.Edits.All(edits.Contains)) };
    }

    private static FileFix PlanFile(string path, string full, List<Finding> findings, bool insideWorkingFolderOnly)
    {
        FileFix Refused(string problem) => new() { Path = path, FullPath = full, Problem = problem };

        if (insideWorkingFolderOnly && System.IO.Path.IsPathRooted(path))
        {
            return Refused("it lies outside the working folder; review it from a folder that holds it");
        }

        var (source, _, detail) = SourceFileReader.ReadText(full, path);
        if (source is null)
        {
            return Refused($"the file cannot be read again ({detail})");
        }

        // Undecodable bytes were read as Latin-1: written back (or patched as UTF-8) they would not be the same bytes.
        if (source.Encoding == SourceEncoding.Latin1Fallback)
        {
            return Refused("it is not valid UTF-8 (it was read as Latin-1), so it cannot be rewritten byte for byte");
        }

        var edits = Combine(findings, source, out var stale);
        if (stale)
        {
            return Refused("the file changed since it was reviewed; review it again");
        }

        return new FileFix
        {
            Path = path,
            FullPath = full,
            Source = source,
            Edits = edits,
            FixedFindings = findings.Count(f => f.Edits.All(edits.Contains)),
        };
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

    /// <summary>
    /// Writes the fixed text over the file, or returns why it could not (null on success). The file is read once more
    /// first; if it changed since <paramref name="fix"/> was planned, nothing is written. It is then rewritten in place,
    /// as formatters do, so it keeps its owner, permissions, hard links and extended attributes, and a symbolic link
    /// stays a link. A copy of the old bytes sits beside it while it is written: if the write fails (a full disk), the
    /// old bytes are put back, and if even that fails the message names the copy. A read-only file is left alone.
    /// A byte order mark stays first; line breaks are the file's own, since edits keep them.
    /// </summary>
    public static string? Write(FileFix fix)
    {
        ArgumentNullException.ThrowIfNull(fix);
        if (fix.Source is not { } source)
        {
            return fix.Problem;
        }

        string target;
        try
        {
            target = File.ResolveLinkTarget(fix.FullPath, returnFinalTarget: true)?.FullName ?? fix.FullPath;
        }
        catch (IOException e)
        {
            return $"its symbolic link cannot be followed ({e.Message})";
        }

        FileStream stream;
        try
        {
            // Opened for writing first: a file the user made read-only is refused before anything is written.
            stream = new FileStream(target, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "the file no longer exists; review again";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"it is not writable ({e.Message})";
        }

        using (stream)
        {
            if (ReadOnlyByMode(stream) is { } mode)
            {
                return $"it is read-only (mode {mode}); give it a write bit to let --fix change it";
            }

            var old = new byte[stream.Length];
            stream.ReadExactly(old);
            var now = SourceText.From(old, fix.Path);
            if (now.Encoding != source.Encoding || !string.Equals(now.Text, source.Text, StringComparison.Ordinal))
            {
                return "the file changed while it was being fixed; review it again";
            }

            var encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: source.Encoding == SourceEncoding.Utf8WithBom, throwOnInvalidBytes: true);
            byte[] bytes;
            try
            {
                bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(fix.FixedText())];
            }
            catch (System.Text.EncoderFallbackException e)
            {
                return $"the fixed text cannot be written as UTF-8 ({e.Message}); the file is unchanged";
            }

            var backup = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.skillhost-{Environment.ProcessId}-{Guid.NewGuid():N}.bak");
            try
            {
                using var copy = new FileStream(backup, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                copy.Write(old);
                copy.Flush(flushToDisk: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(backup);
                return $"no copy of it could be made beside it before writing ({e.Message}); the file is unchanged";
            }

            if (Overwrite(stream, bytes) is { } failure)
            {
                return Overwrite(stream, old) is null
                    ? $"it could not be written ({failure}); the file is unchanged"
                    : $"it could not be written ({failure}) and its old bytes could not be put back: they are in {backup}";
            }

            TryDelete(backup);
            return null;
        }
    }

    /// <summary>
    /// The mode of a file that has no write bit at all, as octal (e.g. 0444), or null. Root opens such a file for
    /// writing all the same, so whether the open succeeded does not say whether the user meant it to be changed.
    /// Asked of the open handle, so the file checked is the file written.
    /// </summary>
    private static string? ReadOnlyByMode(FileStream stream)
    {
        if (OperatingSystem.IsWindows())
        {
            return null; // the read-only attribute already refused the open
        }

        const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        var mode = File.GetUnixFileMode(stream.SafeFileHandle);
        return (mode & AnyWrite) == 0 ? "0" + Convert.ToString((int)mode, 8) : null;
    }

    private static string? Overwrite(FileStream stream, byte[] bytes)
    {
        try
        {
            stream.Position = 0;
            stream.Write(bytes);
            stream.SetLength(bytes.Length);
            stream.Flush(flushToDisk: true);
            return null;
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The copy is named after the target, so a leftover is easy to spot; the target itself is intact.
        }
    }
}
