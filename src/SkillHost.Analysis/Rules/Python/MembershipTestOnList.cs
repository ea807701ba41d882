using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY001: <c>x in some_list</c> inside a loop, where the list is built by the reviewed function.</summary>
public sealed class MembershipTestOnList : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY001",
        "python/quadratic",
        nameof(MembershipTestOnList),
        SourceLanguage.Python,
        WhatItDoes: "Flags `x in items` / `x not in items` inside a loop when `items` is a list the same function builds (a list display, a list comprehension, `list(...)`, or a list it appends to).",
        WhyBad: "A membership test on a list compares against every element, so a loop that tests each item against a list of similar size does O(N²) comparisons; when the loop also grows the list, the cost climbs with every item.",
        Example: "seen = []\nfor address in addresses:\n    if address not in seen:\n        seen.append(address)",
        UseInstead: "seen = set()\nfor address in addresses:\n    if address not in seen:\n        seen.add(address)",
        CostOperation: "dict lookup");

    private static readonly HashSet<string> ListBuilders = new(StringComparer.Ordinal) { "list", "sorted" };
    private static readonly HashSet<string> HashedBuilders = new(StringComparer.Ordinal)
    {
        "set", "frozenset", "dict", "defaultdict", "OrderedDict", "Counter", "collections.defaultdict",
        "collections.OrderedDict", "collections.Counter", "dict.fromkeys",
    };

    private static readonly HashSet<string> GrowingMethods = new(StringComparer.Ordinal) { "append", "extend", "insert" };

    private static readonly HashSet<string> ReshapingMethods = new(StringComparer.Ordinal) { "remove", "pop", "clear", "sort", "reverse" };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cache = new Cache();
        foreach (var comparison in context.Nodes<ComparisonNode>())
        {
            if (comparison.Operator is not ("in" or "not in") || comparison.RightShape != ExpressionShape.Name)
            {
                continue;
            }

            var loop = PythonCode.InnermostLoop(comparison);
            if (loop is null)
            {
                continue;
            }

            var name = context.TextOf(comparison.RightSpan).Trim();
            if (Classify(comparison, loop, name, cache) is not { } evidence)
            {
                continue;
            }

            var test = PythonCode.Shorten(context.TextOf(comparison.Span));
            var grows = evidence.GrowsInLoop ? $", and the loop appends to `{name}` so each scan gets longer" : string.Empty;

            // The code may bound both sides: a list built from a stated range and grown only in loops of stated length, scanned in
            // loops of stated length, costs the same on every call, whatever the data (tiktoken's 256-byte table, built once per load).
            var passes = StatedPasses(comparison);
            var bounded = evidence.Bound is { } bound && (passes is not null || bound <= SmallList);
            var boundText = bounded
                ? passes is { } p
                    ? $" The code bounds both sides, though: `{name}` holds at most {Cost.CostText.Count(evidence.Bound!.Value)} items and the loops around the test make {Cost.CostText.Count(p)} passes, so the cost is the same on every call, whatever the data."
                    : $" `{name}` holds at most {Cost.CostText.Count(evidence.Bound!.Value)} items, though (the code states every count that fills it): each test is a short scan, not one that grows with the data."
                : string.Empty;
            context.Report(
                comparison,
                $"`{test}` scans the list `{name}` (built at line {evidence.BuiltAt}) on every iteration of {PythonCode.DescribeLoop(loop)}{grows}.{boundText}",
                evidence.GrowsInLoop
                    ? $"Keep a set for the membership test: `seen = set()` before the loop, `… not in seen` / `seen.add(…)` inside; keep the list `{name}` only if its order is needed (or use `dict.fromkeys` to keep first-seen order)."
                    : $"Build a set once before the loop (`{name}_set = set({name})`) and test membership against it.",
                bounded ? Confidence.Low : evidence.GrowsInLoop || evidence.FromData ? Confidence.High : Confidence.Medium,
                "Each test compares against up to len(" + name + ") elements; a set answers in one hashed lookup, turning O(N²) into O(N).",
                occurrences: (int)Math.Min(evidence.Bound ?? context.Options.AssumeN, int.MaxValue),
                occurrencesAssumed: evidence.Bound is null,
                occurrenceAssumption: evidence.Bound is null ? $"the list `{name}` has {Cost.CostText.Count(context.Options.AssumeN)} items" : null);
        }
    }

    // Per file: the method calls on each name in each scope, and each loop's position stores, found once (a loop of
    // thousands of tests against one list would otherwise walk its function once per test).
    private sealed class Cache
    {
        public Dictionary<(SyntaxNode Scope, string Name), (List<CallNode> Growing, List<CallNode> Reshaping)> Calls { get; } = [];

        public Dictionary<(LoopNode Loop, string Name), bool> StoredByPosition { get; } = [];
    }

    private static ListEvidence? Classify(ComparisonNode comparison, LoopNode loop, string name, Cache cache)
    {
        if (!PythonCode.IsDottedName(name) || name.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        var bindings = PythonCode.NearestBindings(comparison, name);
        if (bindings.Count == 0 || bindings[0].Node.EnclosingFunction() != comparison.EnclosingFunction())
        {
            return null;
        }

        int? builtAt = null;
        foreach (var binding in bindings)
        {
            if (binding.Assignment is not { } assignment)
            {
                // A parameter, loop target, import or definition: not a list this code built.
                return null;
            }

            if (IsHashed(assignment))
            {
                return null;
            }

            if (IsListFromData(assignment) || (assignment.ValueShape == ExpressionShape.ListLiteral && assignment.Operator == "="))
            {
                builtAt ??= assignment.Start.Line;
            }
            else if (assignment.Operator != "+=")
            {
                return null;
            }
        }

        if (builtAt is null)
        {
            return null;
        }

        // A list rebuilt on every pass of each loop around the test is scanned a fixed number of times
        // per build: O(len) per pass, not a quadratic pattern.
        var repeatingLoops = comparison.EnclosingLoops().Where(l => !PythonCode.IsFixedSizeLoop(l)).ToList();
        if (repeatingLoops.All(l => bindings.Any(b => b.Assignment!.Operator == "=" && l.RunsPerIteration(b.Node))))
        {
            return null;
        }

        var function = comparison.EnclosingFunction();
        var scope = (SyntaxNode?)function ?? comparison.Tree.Root;
        if (!cache.Calls.TryGetValue((scope, name), out var calls))
        {
            var growing = new List<CallNode>();
            var reshaping = new List<CallNode>();
            foreach (var c in scope.Descendants<CallNode>())
            {
                if (!c.IsMethodCall || c.Callee != name + "." + c.Name)
                {
                    continue;
                }

                if (GrowingMethods.Contains(c.Name) && c.EnclosingFunction() == function)
                {
                    growing.Add(c);
                }
                else if (ReshapingMethods.Contains(c.Name))
                {
                    reshaping.Add(c);
                }
            }

            cache.Calls[(scope, name)] = calls = (growing, reshaping);
        }

        var growthCalls = calls.Growing;
        var growsInLoop = growthCalls.Any(loop.RunsPerIteration)
            || bindings.Any(b => b.Assignment!.Operator == "+=" && loop.RunsPerIteration(b.Node));

        // A list the loop rewrites by position or shrinks (`sizes[i] = …`, `del xs[i]`, `xs.remove(…)`) is not a set in
        // disguise: a set built once before the loop would go stale.
        if (!cache.StoredByPosition.TryGetValue((loop, name), out var stored))
        {
            cache.StoredByPosition[(loop, name)] = stored = PythonCode.IsStoredByPosition(comparison.Tree, loop.Span, name);
        }

        if (stored || calls.Reshaping.Any(loop.RunsPerIteration))
        {
            return null;
        }

        // A literal list that nothing grows is a fixed, small set of constants: O(1) per test, not O(N).
        var fromData = bindings.Any(b => IsListFromData(b.Assignment!));
        if (!fromData && growthCalls.Count == 0 && !bindings.Any(b => b.Assignment!.Operator == "+="))
        {
            return null;
        }

        return new ListEvidence(builtAt.Value, growsInLoop, fromData) { Bound = Bound(bindings, growthCalls) };
    }

    private static bool IsListFromData(AssignmentNode assignment) =>
        assignment.Operator == "=" && (assignment.ValueShape == ExpressionShape.ListComprehension
            || (assignment.ValueShape == ExpressionShape.Call && assignment.ValueCallee is { } callee && ListBuilders.Contains(callee)));

    private static bool IsHashed(AssignmentNode assignment) =>
        assignment.ValueShape is ExpressionShape.SetLiteral or ExpressionShape.DictLiteral or ExpressionShape.SetComprehension or ExpressionShape.DictComprehension
        || (assignment.ValueCallee is { } callee && HashedBuilders.Contains(callee));

    // A list of at most this many items is scanned in about the time of one hash: no quadratic pattern to report.
    private const double SmallList = 32;

    /// <summary>The product of the stated trip counts of the loops around <paramref name="node"/>; null when one is not stated.</summary>
    private static double? StatedPasses(SyntaxNode node)
    {
        var passes = 1.0;
        foreach (var loop in node.EnclosingLoops())
        {
            if (HotPathAnalysis.TripCount(loop) is not { } count)
            {
                return null;
            }

            passes *= count;
        }

        return passes;
    }

    /// <summary>
    /// The most items the list can hold when the code states every count that fills it: comprehensions over stated ranges, empty
    /// displays, and growth calls inside loops of stated length only. Null when any of them depends on the data.
    /// </summary>
    private static double? Bound(IReadOnlyList<Binding> bindings, List<CallNode> growthCalls)
    {
        var bound = 0.0;
        foreach (var binding in bindings)
        {
            var assignment = binding.Assignment!;
            if (assignment.Operator != "=" || assignment.ValueSpan is not { } value)
            {
                return null;
            }

            if (assignment.ValueShape == ExpressionShape.ListComprehension)
            {
                var comprehension = assignment.Descendants<LoopNode>().Where(l => value.Contains(l.Span)).ToList();
                if (comprehension.Count == 0)
                {
                    return null;
                }

                var items = 1.0;
                foreach (var loop in comprehension)
                {
                    if (HotPathAnalysis.TripCount(loop) is not { } count)
                    {
                        return null;
                    }

                    items *= count;
                }

                bound = Math.Max(bound, items);
            }
            else if (assignment.ValueShape != ExpressionShape.ListLiteral || !assignment.Descendants<CollectionLiteralNode>().Any(c => c.IsEmpty && c.Span == TrimmedSpan(assignment, value)))
            {
                return null;
            }
        }

        foreach (var call in growthCalls)
        {
            if (call.Name != "append" || StatedPasses(call) is not { } passes)
            {
                return null;
            }

            bound += passes;
        }

        return bound;
    }

    private static Text.TextSpan TrimmedSpan(SyntaxNode node, Text.TextSpan span)
    {
        var text = node.Tree.Source.ToString(span);
        var start = span.Start + (text.Length - text.TrimStart().Length);
        return Text.TextSpan.FromBounds(start, span.Start + text.TrimEnd().Length);
    }

    private sealed record ListEvidence(int BuiltAt, bool GrowsInLoop, bool FromData)
    {
        /// <summary>The most items the list can hold, when the code states it (<see cref="MembershipTestOnList.Bound"/>).</summary>
        public double? Bound { get; init; }
    }
}
