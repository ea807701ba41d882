using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS001: an inner loop or search closure that scans a collection for the element whose key equals the outer item's.</summary>
public sealed class NestedIterationKeyMatch : Rule
{
    /// <summary>Adapters whose closure runs over the whole collection (or until the match) for one answer.</summary>
    private static readonly HashSet<string> SearchAdapters = new(StringComparer.Ordinal)
    {
        "find", "any", "all", "position", "rposition", "filter", "find_map", "filter_map", "for_each", "map", "count",
    };

    public static RuleDescriptor Info { get; } = new(
        "RS001",
        "rust/quadratic",
        nameof(NestedIterationKeyMatch),
        SourceLanguage.Rust,
        WhatItDoes: "Flags an equality test between the item of an inner iteration and the item of an outer loop (`for inv in invoices { for c in customers { if c.id == inv.customer_id … } }`, or `customers.iter().find(|c| c.id == inv.customer_id)` inside the loop): a hand-written join.",
        WhyBad: "For every outer item the inner iteration walks the other collection: N × M comparisons where one pass to build a `HashMap` and N lookups would do.",
        Example: "for inv in invoices {\n    for c in customers {\n        if c.id == inv.customer_id {\n            found = Some(c);\n            break;\n        }\n    }\n}",
        UseInstead: "let by_id: HashMap<u64, &Customer> = customers.iter().map(|c| (c.id, c)).collect();\nfor inv in invoices {\n    let found = by_id.get(&inv.customer_id);\n}",
        CostOperation: "L1 cache reference");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        foreach (var inner in context.Nodes<LoopNode>())
        {
            if (InnerCollection(context, inner) is not { } collection)
            {
                continue;
            }

            var outer = inner.HotLoops().FirstOrDefault(l => l.LoopKind is LoopKind.For or LoopKind.IteratorClosure);
            if (outer is null || inner.IsTestCode())
            {
                continue;
            }

            var innerNames = RustCode.LoopVariables(inner).ToHashSet(StringComparer.Ordinal);
            var outerNames = RustCode.LoopVariables(outer).Where(n => !innerNames.Contains(n)).ToHashSet(StringComparer.Ordinal);
            if (innerNames.Count == 0 || outerNames.Count == 0 || RustCode.RootName(collection) is var root && outerNames.Contains(root))
            {
                continue;
            }

            if (FindKeyMatch(tokens, BodyOf(inner), innerNames, outerNames) is not { } match)
            {
                continue;
            }

            var comparison = context.TextOf(match.Span);
            var keyed = match.BothFields;
            context.Report(
                inner,
                $"`{RustCode.Short(comparison)}` finds a match by scanning `{RustCode.Short(collection)}` once per item of {RustCode.Describe(outer)}: N × M comparisons",
                $"build a `HashMap` keyed by `{RustCode.Short(context.TextOf(match.InnerSide))}` once, before {RustCode.Describe(outer)} (`let by_key: HashMap<_, _> = {RustCode.Short(collection)}.iter().map(|x| (x.key, x)).collect();`), then look up `by_key.get(&{RustCode.Short(context.TextOf(match.OuterSide))})` per item",
                keyed ? Confidence.High : Confidence.Medium,
                "Turns O(N·M) comparisons into one O(M) pass to index plus N hash lookups.",
                match.Span,
                occurrences: (int)Math.Min(context.Options.AssumeN, int.MaxValue),
                occurrencesAssumed: true,
                occurrenceAssumption: $"`{RustCode.Short(collection)}` has {Cost.CostText.Count(context.Options.AssumeN)} items");
        }
    }

    // The collection the inner iteration scans, or null when it is not a scan of a collection (ranges count indices, not items).
    private static string? InnerCollection(RuleContext context, LoopNode loop)
    {
        switch (loop.LoopKind)
        {
            case LoopKind.For when loop.IterableSpan is { } iterable:
                var text = context.TextOf(iterable).Trim();
                return text.Contains("..", StringComparison.Ordinal) ? null : text;
            case LoopKind.IteratorClosure when loop.Adapter is { } adapter && SearchAdapters.Contains(adapter)
                && loop.Parent is CallNode { ReceiverCall: { Name: "iter" or "into_iter" or "iter_mut", ReceiverSpan: { } receiver } }:
                var collection = context.TextOf(receiver).Trim();
                return RustCode.IsPlace(collection.TrimStart('&')) ? collection : null;
            default:
                return null;
        }
    }

    private static TextSpan BodyOf(LoopNode loop) =>
        loop.LoopKind == LoopKind.For && loop.IterableSpan is { } iterable ? TextSpan.FromBounds(iterable.End, loop.Span.End) : loop.Span;

    private readonly record struct KeyMatch(TextSpan Span, TextSpan InnerSide, TextSpan OuterSide, bool BothFields);

    private static KeyMatch? FindKeyMatch(RustTokens tokens, TextSpan body, HashSet<string> innerNames, HashSet<string> outerNames)
    {
        for (var i = tokens.IndexAt(body.Start); i < tokens.Count && tokens[i].Start < body.End; i++)
        {
            if (tokens.Kind(i) != RustTokenKind.EqEq)
            {
                continue;
            }

            var left = Operand(tokens, i - 1, -1);
            var right = Operand(tokens, i + 1, +1);
            if (left is null || right is null)
            {
                continue;
            }

            var (leftStart, leftEnd) = left.Value;
            var (rightStart, rightEnd) = right.Value;
            var leftRoot = RootOf(tokens, leftStart, leftEnd);
            var rightRoot = RootOf(tokens, rightStart, rightEnd);
            var leftSpan = TextSpan.FromBounds(tokens[leftStart].Start, tokens[leftEnd].End);
            var rightSpan = TextSpan.FromBounds(tokens[rightStart].Start, tokens[rightEnd].End);
            var bothFields = HasField(tokens, leftStart, leftEnd) && HasField(tokens, rightStart, rightEnd);
            var whole = TextSpan.FromBounds(leftSpan.Start, rightSpan.End);
            if (leftRoot is not null && rightRoot is not null)
            {
                if (innerNames.Contains(leftRoot) && outerNames.Contains(rightRoot))
                {
                    return new KeyMatch(whole, leftSpan, rightSpan, bothFields);
                }

                if (innerNames.Contains(rightRoot) && outerNames.Contains(leftRoot))
                {
                    return new KeyMatch(whole, rightSpan, leftSpan, bothFields);
                }
            }
        }

        return null;
    }

    // A place operand next to `==`: `*`/`&` prefixes, names, `.field`, `.0`; calls and indexing end it (returns token range, inclusive).
    private static (int Start, int End)? Operand(RustTokens tokens, int from, int step)
    {
        var i = from;
        var last = -1;
        while (i >= 0 && i < tokens.Count)
        {
            var kind = tokens.Kind(i);
            if (kind is RustTokenKind.Identifier or RustTokenKind.SelfValue or RustTokenKind.Dot or RustTokenKind.IntegerLiteral or RustTokenKind.Star or RustTokenKind.And)
            {
                last = i;
                i += step;
                continue;
            }

            break;
        }

        if (last < 0)
        {
            return null;
        }

        return step < 0 ? (last, from) : (from, last);
    }

    private static string? RootOf(RustTokens tokens, int start, int end)
    {
        for (var i = start; i <= end; i++)
        {
            if (tokens.Kind(i) == RustTokenKind.Identifier)
            {
                return tokens.Text(i);
            }

            if (tokens.Kind(i) is not (RustTokenKind.Star or RustTokenKind.And))
            {
                return null;
            }
        }

        return null;
    }

    private static bool HasField(RustTokens tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (tokens.Kind(i) == RustTokenKind.Dot)
            {
                return true;
            }
        }

        return false;
    }
}
