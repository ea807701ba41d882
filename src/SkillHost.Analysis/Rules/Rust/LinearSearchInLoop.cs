using System.Text.RegularExpressions;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS012: <c>.contains(x)</c> or <c>.iter().any(|y| *y == x)</c> on a Vec inside a loop — a linear scan per iteration.</summary>
public sealed partial class LinearSearchInLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "RS012",
        "rust/quadratic",
        nameof(LinearSearchInLoop),
        SourceLanguage.Rust,
        WhatItDoes: "Flags a membership test on a `Vec` or slice (`seen.contains(&x)`, `seen.iter().any(|y| *y == x)`) that runs on every iteration of a loop.",
        WhyBad: "`contains` on a Vec compares against every element, so the loop does N × M comparisons — quadratic when the Vec grows with the loop, as a `seen` list does.",
        Example: "let mut seen = Vec::new();\nfor id in ids {\n    if !seen.contains(&id) {\n        seen.push(id);\n    }\n}",
        UseInstead: "let mut seen = HashSet::new();\nfor id in ids {\n    if seen.insert(id) {\n        // first time\n    }\n}",
        CostOperation: "L1 cache reference");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var call in context.Nodes<CallNode>())
        {
            if (!call.IsMethodCall || SearchedCollection(context, call) is not { } place)
            {
                continue;
            }

            var loops = call.HotLoops();
            if (loops.Count == 0 || call.IsTestCode())
            {
                continue;
            }

            var loopNames = loops.SelectMany(RustCode.LoopVariables).ToHashSet(StringComparer.Ordinal);
            if (loopNames.Contains(RustCode.RootName(place)) || IsBoundPerIteration(call, loops[0], RustCode.RootName(place)))
            {
                continue;
            }

            var kind = CollectionKinds.Of(call, place, out var binding);
            if (kind is not (CollectionKind.Vec or CollectionKind.Slice) || binding is not null && loops[^1].Span.Contains(binding.Span))
            {
                continue;
            }

            var outermost = loops[^1];
            var grows = outermost.Descendants<CallNode>().Any(c => c is { Name: "push" or "insert" or "extend", ReceiverSpan: { } r } && context.TextOf(r).Trim() == place);
            var confidence = kind == CollectionKind.Vec && grows ? Confidence.High : Confidence.Medium;
            var what = context.TextOf(call.Span);
            var kindText = kind == CollectionKind.Slice ? "slice" : "Vec";
            context.Report(
                call,
                $"`{RustCode.Short(what)}` scans the {kindText} `{place}` element by element on every iteration of {RustCode.Describe(loops[0])}" + (grows ? $", and `{place}` grows inside the loop: O(N²)" : ": O(N·M)"),
                grows
                    ? $"keep `{place}` in a `HashSet` (`HashSet::with_capacity(n)`; `insert` returns false for a repeat) or keep the Vec for order and a `HashSet` beside it for membership"
                    : $"build a `HashSet` from `{place}` once before the loop (`let lookup: HashSet<_> = {place}.iter().collect();`) and test `lookup.contains(…)`; for a sorted Vec, `binary_search` is O(log N)",
                confidence,
                "Each membership test becomes one hash lookup instead of a scan of the whole collection.",
                null,
                occurrences: (int)Math.Min(context.Options.AssumeN, int.MaxValue),
                occurrencesAssumed: true,
                occurrenceAssumption: $"`{place}` has {Cost.CostText.Count(context.Options.AssumeN)} items");
        }
    }

    /// <summary>
    /// The searched name is a parameter of a closure inside the loop (`.get(from..).and_then(|rest| rest.iter().position(…))`): a
    /// value made afresh on each pass, often a shrinking suffix, so the passes do not rescan one collection.
    /// </summary>
    private static bool IsBoundPerIteration(CallNode call, LoopNode innermost, string root) =>
        call.Ancestors().TakeWhile(a => a != innermost).OfType<ClosureNode>().Any(c => c.Parameters.Any(p => p.Name == root));

    // `xs.contains(&x)` → "xs"; `xs.iter().any(|y| *y == x)` → "xs"; anything else → null.
    private static string? SearchedCollection(RuleContext context, CallNode call)
    {
        if (call is { Name: "contains", Arguments.Count: 1, ReceiverSpan: { } receiver })
        {
            var place = context.TextOf(receiver).Trim();
            return RustCode.IsPlace(place) ? place : null;
        }

        if (call is { Name: "any" or "position", Arguments: [{ Shape: ExpressionShape.Closure } closure], ReceiverCall: { Name: "iter", ReceiverSpan: { } iterReceiver } }
            && ElementEquality().IsMatch(context.TextOf(closure.Span)))
        {
            var place = context.TextOf(iterReceiver).Trim();
            return RustCode.IsPlace(place) ? place : null;
        }

        return null;
    }

    // `|y| *y == x`, `|&y| y == x`, `|y| x == *y`: the element itself compared, i.e. a hand-written contains.
    [GeneratedRegex(@"^\|\s*&?(?<p>\w+)\s*\|\s*(\*?\k<p>\s*==\s*[\w.*&]+|[\w.*&]+\s*==\s*\*?\k<p>)\s*$")]
    private static partial Regex ElementEquality();
}
