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
        foreach (var loop in loops)
        {
            facts.Add($"inside {Describe(loop)} (line {loop.Start.Line})");
        }

        var inAsync = node.IsInAsyncContext();
        if (inAsync)
        {
            facts.Add("runs in an async context, where blocking stalls every other task");
        }

        var function = node.EnclosingFunction();
        var perItem = function is not null && project.IsCalledInLoop(function.Name);
        if (perItem)
        {
            facts.Add($"a function named `{function!.Name}` is called from a loop in the reviewed code (matched by name), so it may run per item");
        }

        // Each level that repeats over data multiplies by the plausible count, up to two levels (the quadratic case): a
        // third nested level over the same guess would claim 10^12 passes, which no estimate should. A loop over a
        // written-out handful (`for h in ("A", "B")`, `range(3)`) adds no level.
        var repeating = loops.Count(l => !IsFixedSizeLoop(l)) + (perItem ? 1 : 0);
        var repetitions = Math.Pow(options.PlausibleLoopCount, Math.Min(repeating, MaxRepeatingLevels));
        return new HotPathEvidence(loops.Count, inAsync, perItem, facts, repetitions) { RepeatingLevels = repeating };
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
