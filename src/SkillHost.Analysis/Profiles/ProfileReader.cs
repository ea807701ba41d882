using System.Text;
using SkillHost.Analysis.Profiles.Collapsed;
using SkillHost.Analysis.Profiles.PerfScript;
using SkillHost.Analysis.Profiles.Pstats;
using SkillHost.Analysis.Profiles.Speedscope;

namespace SkillHost.Analysis.Profiles;

/// <summary>
/// Reads any profile format SkillHost knows, recognised from the first bytes of its content (never the file name).
/// Never throws on bad input: an empty, truncated, foreign or oversized file gives diagnostics with byte or line
/// offsets and, where part of it was readable, the part read.
/// </summary>
public static class ProfileReader
{
    /// <summary>Formats held in memory whole (pstats, speedscope JSON) are refused above this size; text formats stream.</summary>
    public const long MaxInMemoryBytes = 1L << 30;

    private const int HeadBytes = 64 * 1024;

    /// <summary>The formats, for messages.</summary>
    public const string Formats = "cProfile pstats (`python -m cProfile -o out.pstats app.py`), collapsed stacks (`py-spy record --format raw`, stackcollapse-*), speedscope JSON (`py-spy record --format speedscope`) or `perf script` text (`perf record -g` then `perf script > out.perf`)";

    /// <summary>Reads the file at <paramref name="path"/>; a missing or unreadable file is a diagnostic, not an exception.</summary>
    public static ProfileReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Source(Read(stream), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ProfileReadResult.Failed($"cannot read the profile: {e.Message}");
        }
    }

    /// <summary>Reads a profile from a stream (seekable or not).</summary>
    public static ProfileReadResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        var start = stream.Position;
        var head = new byte[(int)Math.Min(HeadBytes, Math.Max(0, stream.Length - start))];
        stream.ReadExactly(head);
        stream.Position = start;
        var length = stream.Length - start;
        var format = Detect(head, out var problem);
        if (format is null)
        {
            return ProfileReadResult.Failed(problem!);
        }

        if (format is ProfileFormat.Pstats or ProfileFormat.Speedscope && length > MaxInMemoryBytes)
        {
            return ProfileReadResult.Failed($"{length / 1048576.0:0} MB is over the {MaxInMemoryBytes / 1048576} MB this format may take (it is read whole): profile a shorter run", MaxInMemoryBytes);
        }

        return format switch
        {
            ProfileFormat.Pstats => PstatsReader.Read(ReadAll(stream, length)),
            ProfileFormat.Speedscope => SpeedscopeReader.Read(ReadAll(stream, length)),
            ProfileFormat.PerfScript => PerfScriptReader.Read(stream),
            _ => CollapsedStackReader.Read(stream),
        };
    }

    /// <summary>The format of a profile from its first bytes, or null and why not.</summary>
    public static ProfileFormat? Detect(ReadOnlySpan<byte> head, out string? problem)
    {
        problem = null;
        if (head.IsEmpty)
        {
            problem = $"the file is empty: record a profile first, as {Formats}";
            return null;
        }

        if (PstatsReader.Looks(head))
        {
            return ProfileFormat.Pstats;
        }

        if (head.StartsWith("PERFILE"u8))
        {
            problem = "this is a binary perf.data file: write its text with `perf script -i perf.data > out.perf` and pass out.perf";
            return null;
        }

        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            problem = "a gzip file (a pprof profile?): pprof is not read; export the profile as collapsed stacks or speedscope JSON (speedscope opens pprof files and exports JSON)";
            return null;
        }

        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            problem = $"a binary file (NUL at byte {nul}) that is none of the profile formats read here: pass {Formats}";
            return null;
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        if (SpeedscopeReader.Looks(text))
        {
            return ProfileFormat.Speedscope;
        }

        if (text.AsSpan().TrimStart().StartsWith("{") || text.AsSpan().TrimStart().StartsWith("["))
        {
            problem = "JSON, but not speedscope's format (it has no `shared.frames` and `profiles`): export speedscope JSON, e.g. `py-spy record --format speedscope`";
            return null;
        }

        if (PerfScriptReader.Looks(text))
        {
            return ProfileFormat.PerfScript;
        }

        if (CollapsedStackReader.Looks(text))
        {
            return ProfileFormat.Collapsed;
        }

        problem = $"not a profile format read here (its first line is `{FirstLine(text)}`): pass {Formats}";
        return null;
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\r', '\n');
        line = end >= 0 ? line[..end] : line;
        return line.Length > 60 ? string.Concat(line[..60], "…") : line.ToString();
    }

    private static byte[] ReadAll(Stream stream, long length)
    {
        var data = new byte[length];
        stream.ReadExactly(data);
        return data;
    }

    private static ProfileReadResult Source(ProfileReadResult result, string path) =>
        result.Profile is null ? result : result with { Profile = result.Profile with { Source = path.Replace('\\', '/') } };
}
