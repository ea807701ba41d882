using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>Turns a node's position (loops around it, async context, callers that loop) into <see cref="HotPathEvidence"/>.</summary>
public static class HotPathAnalysis
{
    /// <summary>How many nested levels of repetition an estimate multiplies (each by <see cref="ReviewOptions.PlausibleLoopCount"/>).</summary>
    public const int MaxRepeatingLevels = 2;

    public static HotPathEvidence Evidence(SyntaxNode node, ProjectIndex project, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(options);
        var facts = new List<string>();
        var loops = node.EnclosingLoops().ToList();
        var stated = 1.0;
        var unknownLevels = 0;
        var repeating = 0;
        foreach (var loop in loops)
        {
            // A trip count written in the code is used exactly; one the code does not state is the plausible count, and a
            // loop over a written-out handful or a constant adds no level.
            if (TripCount(loop) is { } count)
            {
                stated *= count;
                repeating += count > FixedSizeLimit ? 1 : 0;
                facts.Add($"inside {Describe(loop)} (line {loop.Start.Line}; {count.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} passes, stated in the code)");
                continue;
            }

            facts.Add($"inside {Describe(loop)} (line {loop.Start.Line})");
            if (!IsFixedSizeLoop(loop))
            {
                unknownLevels++;
                repeating++;
            }
        }

        var inAsync = node.IsInAsyncContext();
        if (inAsync)
        {
            facts.Add("runs in an async context, where blocking stalls every other task");
        }

        var function = node.EnclosingFunction();
        var caller = function is null ? null : project.LoopCallerOf(function);
        var perItem = caller is not null || function is not null && project.IsCalledInLoop(function.Name);
        if (caller is { } at)
        {
            // Resolved to this very function (an import, `self`, the type): an unknown count per call, like a loop level.
            facts.Add($"`{function!.Name}` is called from a loop at {ProjectIndex.Place(at)} (resolved to this function), so it runs per item");
            unknownLevels++;
            repeating++;
        }
        else if (perItem)
        {
            // A name is not evidence that this function is the one called (calibration/verdicts.tsv): the fact is kept for the
            // reader, but the estimate does not multiply by a count assumed for a call it could not resolve (pydantic-core
            // union.rs priced 10^8 passes that way).
            facts.Add($"a function named `{function!.Name}` is called from a loop in the reviewed code (matched by name), so it may run per item; the estimate counts one call");
            repeating++;
        }

        // Each level the code does not count multiplies by the plausible count, up to two levels (the quadratic case): a
        // third nested level over the same guess would claim 10^12 passes, which no estimate should.
        var repetitions = stated * Math.Pow(options.PlausibleLoopCount, Math.Min(unknownLevels, MaxRepeatingLevels));
        return new HotPathEvidence(loops.Count, inAsync, perItem, facts, repetitions) { RepeatingLevels = repeating, AssumedLevels = Math.Min(unknownLevels, MaxRepeatingLevels), PerItemResolved = caller is not null };
    }

    // A loop of at most this many passes is a handful: it adds no level of repetition (the evidence a finding needs).
    private const int FixedSizeLimit = 32;

    /// <summary>
    /// The trip count the code states: `range(n)`, `range(a, b[, step])` with integer literals (`2**8` included) in Python;
    /// `a..b` and `a..=b` with integer literals (`0..=255u8`) in Rust. Null when the code does not say.
    /// </summary>
    public static double? TripCount(LoopNode loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (loop.LoopKind is not (LoopKind.For or LoopKind.Comprehension) || loop.IterableSpan is not { } span)
        {
            return null;
        }

        var text = loop.Tree.Source.ToString(span).Trim();
        if (loop.Tree.Language == SourceLanguage.Python)
        {
            if (!text.StartsWith("range(", StringComparison.Ordinal) || !text.EndsWith(')'))
            {
                return null;
            }

            var args = text[6..^1].Split(',', StringSplitOptions.TrimEntries);
            var values = args.Select(IntegerLiteral).ToArray();
            if (values.Length is < 1 or > 3 || values.Any(v => v is null))
            {
                return null;
            }

            var (start, stop, step) = values.Length == 1 ? (0, values[0]!.Value, 1) : (values[0]!.Value, values[1]!.Value, values.Length == 3 ? values[2]!.Value : 1);
            return step <= 0 ? null : Math.Max(0, Math.Ceiling((double)(stop - start) / step));
        }

        var range = text.Trim('(', ')', ' ');
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots <= 0)
        {
            return null;
        }

        var inclusive = dots + 2 < range.Length && range[dots + 2] == '=';
        var low = IntegerLiteral(RustSuffixless(range[..dots]));
        var high = IntegerLiteral(RustSuffixless(range[(dots + (inclusive ? 3 : 2))..]));
        return low is null || high is null ? null : Math.Max(0, high.Value - low.Value + (inclusive ? 1 : 0));
    }

    // `255u8` → `255`, `1_000usize` → `1_000`.
    private static string RustSuffixless(string literal)
    {
        var t = literal.Trim();
        var end = 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] == '_'))
        {
            end++;
        }

        return end > 0 && t[end..] is "" or "u8" or "u16" or "u32" or "u64" or "u128" or "usize" or "i8" or "i16" or "i32" or "i64" or "i128" or "isize" ? t[..end] : t;
    }

    // `500`, `1_000`, `2**8`, `-1`: an integer the code states, or null.
    private static long? IntegerLiteral(string text)
    {
        var t = text.Replace("_", "", StringComparison.Ordinal).Trim();
        var power = t.IndexOf("**", StringComparison.Ordinal);
        if (power > 0)
        {
            return long.TryParse(t[..power], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var b)
                && int.TryParse(t[(power + 2)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var e) && e <= 40
                && Math.Pow(b, e) < 1e15 ? (long)Math.Pow(b, e) : null;
        }

        return long.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>A loop whose trip count the code fixes (a written-out handful, a constant, literal bounds): it adds no level of repetition.</summary>
    public static bool IsFixedSizeLoop(LoopNode loop) =>
        loop.Tree.Language == SourceLanguage.Python ? Python.PythonCode.IsFixedSizeLoop(loop) : Rust.RustCode.IsFixedSizeLoop(loop);

    private static string Describe(LoopNode loop)
    {
        var source = loop.Tree.Source;
        return loop.LoopKind switch
        {
            LoopKind.For when loop.Target is not null && loop.IterableSpan is { } it => $"`for {loop.Target} in {Shorten(source.ToString(it))}`",
            LoopKind.Comprehension => $"a {loop.Comprehension.ToString().ToLowerInvariant()} comprehension",
            LoopKind.IteratorClosure => $"the closure of `.{loop.Adapter}(…)`",
            LoopKind.While => "a `while` loop",
            LoopKind.Loop => "a `loop`",
            _ => "a loop",
        };
    }

    private static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return oneLine.Length > 40 ? oneLine[..37] + "…" : oneLine;
    }
}
