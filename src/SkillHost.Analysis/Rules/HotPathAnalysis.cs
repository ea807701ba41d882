using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>Turns a node's position (loops around it, async context, callers that loop) into <see cref="HotPathEvidence"/>.</summary>
public static class HotPathAnalysis
{
    /// <summary>
    /// The most passes an estimate multiplies out of assumed counts alone: no report prints a repetition count above this
    /// that the code (or a profile) did not state. An assumed level that would pass it is listed, not multiplied.
    /// </summary>
    public const double MaxAssumedPasses = 1_000_000;

    public static HotPathEvidence Evidence(SyntaxNode node, ProjectIndex project, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(options);
        var facts = new List<string>();
        var levels = new List<RepetitionLevel>();
        var loops = node.EnclosingLoops().ToList();
        var repeating = 0;
        // Outermost first: the order a reader writes the product in.
        for (var i = loops.Count - 1; i >= 0; i--)
        {
            var loop = loops[i];
            var what = Describe(loop);
            var line = loop.Start.Line;
            if (RunsOncePerRun(node, loop))
            {
                // A return, raise, break or error value: the code leaves the loop on the pass that reaches it.
                facts.Add($"inside {what} (line {line}), on a path that leaves it: once per run of the loop");
                levels.Add(new RepetitionLevel(what, line, 1, LevelKind.Once, null));
                continue;
            }

            // A trip count written in the code is used exactly; one the code does not state is the scenario count.
            if (TripCount(loop) is { } count)
            {
                repeating += count > FixedSizeLimit ? 1 : 0;
                facts.Add($"inside {what} (line {line}; {Count(count)} passes, stated in the code)");
                levels.Add(new RepetitionLevel(what, line, count, LevelKind.Stated, null));
                continue;
            }

            facts.Add($"inside {what} (line {line})");
            if (IsFixedSizeLoop(loop))
            {
                levels.Add(new RepetitionLevel(what, line, 1, LevelKind.Fixed, null));
                continue;
            }

            repeating++;
            levels.Add(new RepetitionLevel(what, line, options.AssumeN, LevelKind.Assumed, Assumption(loop, options.AssumeN)));
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
            // Resolved to this very function (an import, `self`, the type): the caller's loop is a level like any loop, its
            // count not in view, so the scenario count, said out loud.
            var place = ProjectIndex.Place(at);
            facts.Add($"`{function!.Name}` is called from a loop at {place} (resolved to this function), so it runs per item");
            repeating++;
            levels.Insert(0, new RepetitionLevel($"calls of `{function.Name}` from the loop at {place}", at.Start.Line, options.AssumeN, LevelKind.Assumed,
                $"the loop at {place} calls `{function.Name}` {Count(options.AssumeN)} times"));
        }
        else if (perItem)
        {
            // A name is not evidence that this function is the one called (calibration/verdicts.tsv): a fact for the reader,
            // no count to multiply (pydantic-core union.rs was priced at 10^8 passes that way).
            facts.Add($"a function named `{function!.Name}` is called from a loop in the reviewed code (matched by name), so it may run per item");
            repeating++;
            levels.Insert(0, new RepetitionLevel($"calls of `{function.Name}` from a loop elsewhere (matched by name)", function.Start.Line, 1, LevelKind.Caller, null));
        }

        var passes = Passes(levels, 1, null);
        return new HotPathEvidence(loops.Count, inAsync, perItem, facts, passes.Count)
        {
            RepeatingLevels = repeating,
            AssumedLevels = passes.Assumptions.Count,
            Levels = levels,
            PerItemResolved = caller is not null,
        };
    }

    /// <summary>
    /// The pass count of a finding: the product of its levels' counts, times <paramref name="occurrences"/> per execution.
    /// Assumed factors multiply while their product stays within <see cref="MaxAssumedPasses"/>; the rest are listed, not multiplied.
    /// </summary>
    /// <param name="occurrenceAssumption">Set when <paramref name="occurrences"/> is itself assumed (a list's length the code does not state): the clause that says so.</param>
    public static EstimatePasses Passes(IReadOnlyList<RepetitionLevel> levels, double occurrences, string? occurrenceAssumption)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var count = 1.0;
        var assumedFactor = 1.0;
        var basis = new List<string>();
        var assumptions = new List<string>();
        foreach (var level in levels)
        {
            switch (level.Kind)
            {
                case LevelKind.Stated:
                    count *= level.Count;
                    basis.Add($"{level.Description} (line {level.Line}): {Count(level.Count)} passes, stated in the code");
                    break;
                case LevelKind.Once:
                    basis.Add($"{level.Description} (line {level.Line}): once, the code leaves the loop on that pass");
                    break;
                case LevelKind.Fixed:
                    basis.Add($"{level.Description} (line {level.Line}): a fixed handful the code writes out, not multiplied");
                    break;
                case LevelKind.Caller:
                    basis.Add($"{level.Description} (line {level.Line}): how often is not in view, so the estimate is per call of it");
                    break;
                default:
                    if (assumedFactor * level.Count <= MaxAssumedPasses)
                    {
                        assumedFactor *= level.Count;
                        assumptions.Add(level.Assumption ?? $"{level.Description} makes {Count(level.Count)} passes");
                        basis.Add($"{level.Description} (line {level.Line}): count not stated, assumed {Count(level.Count)}");
                    }
                    else
                    {
                        basis.Add($"{level.Description} (line {level.Line}): count not stated, not multiplied (assumed counts stop at {Count(MaxAssumedPasses)} passes)");
                    }

                    break;
            }
        }

        if (occurrences != 1)
        {
            if (occurrenceAssumption is null)
            {
                count *= occurrences;
                basis.Add($"{Count(occurrences)} operations per pass, stated in the code");
            }
            else if (assumedFactor * occurrences <= MaxAssumedPasses)
            {
                assumedFactor *= occurrences;
                assumptions.Add(occurrenceAssumption);
                basis.Add($"{Count(occurrences)} operations per pass: {occurrenceAssumption}");
            }
        }

        return new EstimatePasses(count * assumedFactor, assumptions.Count == 0 ? PassSource.Code : PassSource.Assumed, basis) { Assumptions = assumptions };
    }

    // "if `orders` has 1,000 items", "if the `while` loop at line 5 makes 1,000 passes".
    private static string Assumption(LoopNode loop, double n) =>
        loop.LoopKind is LoopKind.For or LoopKind.Comprehension && loop.IterableSpan is { } it
            ? $"`{Shorten(loop.Tree.Source.ToString(it))}` has {Count(n)} items"
            : loop.LoopKind == LoopKind.IteratorClosure
                ? $"the iterator of `.{loop.Adapter}(…)` at line {loop.Start.Line} yields {Count(n)} items"
                : $"{Describe(loop)} at line {loop.Start.Line} makes {Count(n)} passes";

    // The node runs at most once per run of the loop: it leaves the loop (Python) or sits on an error or exit path (Rust).
    private static bool RunsOncePerRun(SyntaxNode node, LoopNode loop) =>
        loop.Tree.Language == SourceLanguage.Python ? Python.PythonCode.LeavesLoop(node, loop) : Rust.RustCode.RunsAtMostOnce(node, loop);

    private static string Count(double count) => Cost.CostText.Count(count);

    // A loop of at most this many passes is a handful: it adds no level of repetition (the evidence a finding needs).
    private const int FixedSizeLimit = 32;

    /// <summary>
    /// The trip count the code states: `range(n)`, `range(a, b[, step])` whose bounds are integer literals (`2**8` included)
    /// or names bound once to one, and a loop over a written-out collection (or a name bound only to one) in Python;
    /// `a..b` and `a..=b` whose bounds are literals (`0..=255u8`) or `const`s of the file, and a written-out array, in Rust.
    /// Null when the code does not say.
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
                return Python.PythonCode.WrittenOutLength(loop);
            }

            var args = text[6..^1].Split(',', StringSplitOptions.TrimEntries);
            var values = args.Select(a => IntegerLiteral(a) ?? Python.PythonCode.IntegerConstant(loop, a)).ToArray();
            if (values.Length is < 1 or > 3 || values.Any(v => v is null))
            {
                return null;
            }

            var (start, stop, step) = values.Length == 1 ? (0, values[0]!.Value, 1) : (values[0]!.Value, values[1]!.Value, values.Length == 3 ? values[2]!.Value : 1);
            return step <= 0 ? null : Math.Max(0, Math.Ceiling((double)(stop - start) / step));
        }

        if (Rust.RustCode.WrittenOutLength(text) is { } length)
        {
            return length;
        }

        var range = text.Trim('(', ')', ' ');
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots <= 0)
        {
            return null;
        }

        var inclusive = dots + 2 < range.Length && range[dots + 2] == '=';
        var lowText = range[..dots];
        var highText = range[(dots + (inclusive ? 3 : 2))..];
        var low = IntegerLiteral(RustSuffixless(lowText)) ?? Rust.RustCode.IntegerConstant(loop.Tree, lowText.Trim());
        var high = IntegerLiteral(RustSuffixless(highText)) ?? Rust.RustCode.IntegerConstant(loop.Tree, highText.Trim());
        return low is null || high is null ? null : Math.Max(0, high.Value - low.Value + (inclusive ? 1 : 0));
    }

    // `255u8` → `255`, `1_000usize` → `1_000`.
    internal static string RustSuffixless(string literal)
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
    internal static long? IntegerLiteral(string text)
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
