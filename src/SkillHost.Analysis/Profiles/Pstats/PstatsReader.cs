namespace SkillHost.Analysis.Profiles.Pstats;

/// <summary>
/// Reads a cProfile / profile <c>pstats</c> file: the marshal of <c>{(file, line, func): (cc, nc, tt, ct, callers)}</c>
/// where <c>cc</c> counts primitive calls, <c>nc</c> all calls, <c>tt</c> the function's own seconds and <c>ct</c> its
/// seconds with callees. <c>callers</c> maps each caller to <c>(nc, cc, tt, ct)</c> — the first two the other way round
/// — or, from the pure-Python <c>profile</c> module, to a bare call count. A truncated file yields the functions read
/// before the damage and a diagnostic at its byte offset.
/// </summary>
public static class PstatsReader
{
    /// <summary>True when the bytes open a marshal dict whose first key is a tuple (or which is empty).</summary>
    public static bool Looks(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && (head[0] & 0x7F) == '{' && (head[1] & 0x7F) is (byte)'(' or (byte)')' or (byte)'0';

    public static ProfileReadResult Read(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return ProfileReadResult.Failed("the file is empty: write a profile with `python -m cProfile -o out.pstats script.py`");
        }

        if (!Looks(data))
        {
            return ProfileReadResult.Failed("not a pstats file: it does not start with a marshal dict of (file, line, function) keys");
        }

        var diagnostics = new List<ProfileDiagnostic>();
        var keys = new Dictionary<(string, int, string), int>();
        var functions = new List<ProfileFunction>();
        var pending = new List<(object? Caller, int Callee, long Calls, double Total)>();
        var reader = new MarshalReader(data);
        var entryStart = 0;
        try
        {
            reader.BeginDict();
            while (!reader.TryEndDict())
            {
                entryStart = reader.Position;
                var key = reader.ReadValue();
                var value = reader.ReadValue();
                if (Key(key) is not { } k || value is not object?[] { Length: >= 4 } stat)
                {
                    diagnostics.Add(new ProfileDiagnostic("an entry is not ((file, line, function), (cc, nc, tt, ct, callers)): skipped", entryStart, 0));
                    continue;
                }

                var index = functions.Count;
                keys[k] = index;
                functions.Add(new ProfileFunction(
                    k.Item3,
                    k.Item1 is "~" or "" ? null : k.Item1,
                    k.Item2,
                    Number(stat[2]),
                    Number(stat[3]),
                    (long)Number(stat[1])));
                if (stat.Length >= 5 && stat[4] is MarshalDict callers)
                {
                    foreach (var (caller, counts) in callers.Pairs)
                    {
                        // (nc, cc, tt, ct) from cProfile; a bare count from the pure-Python profile module.
                        var (count, total) = counts switch
                        {
                            object?[] { Length: >= 4 } c => ((long)Number(c[0]), Number(c[3])),
                            long n => (n, 0.0),
                            _ => (0L, 0.0),
                        };
                        pending.Add((caller, index, count, total));
                    }
                }
            }

            if (!reader.AtEnd)
            {
                diagnostics.Add(new ProfileDiagnostic($"{data.Length - reader.Position} bytes follow the profile's dict and were ignored", reader.Position, 0));
            }
        }
        catch (MarshalFormatException e)
        {
            var read = functions.Count == 0 ? "nothing was read" : $"the {functions.Count} functions before it were read";
            diagnostics.Add(new ProfileDiagnostic($"{e.Message} ({read})", e.Offset, 0));
            if (functions.Count == 0)
            {
                return new ProfileReadResult(null, diagnostics);
            }
        }

        var calls = new List<ProfileCall>(pending.Count);
        foreach (var (caller, callee, n, total) in pending)
        {
            if (Key(caller) is { } k && keys.TryGetValue(k, out var from))
            {
                calls.Add(new ProfileCall(from, callee, n, total));
            }
        }

        // pstats' own total_tt: the sum of every function's own time.
        var sum = functions.Sum(f => f.Self);
        return new ProfileReadResult(new Profile(ProfileFormat.Pstats, ProfileUnit.Seconds, sum, functions, [], calls), diagnostics);
    }

    private static (string, int, string)? Key(object? key) =>
        key is object?[] { Length: 3 } t && t[0] is string file && t[1] is long line && t[2] is string func
            ? (file, (int)Math.Clamp(line, 0, int.MaxValue), func)
            : null;

    private static double Number(object? value) => value switch
    {
        long l => l,
        double d when double.IsFinite(d) => d,
        bool b => b ? 1 : 0,
        _ => 0,
    };
}
