using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY011: an inner loop that scans a collection to find the element whose key equals the outer item's.</summary>
public sealed class NestedLoopKeyMatch : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY011",
        "python/quadratic",
        nameof(NestedLoopKeyMatch),
        SourceLanguage.Python,
        WhatItDoes: "Flags an equality test between the item of an inner loop and the item of an outer loop (`for a in xs: for b in ys: if a.key == b.key`), the hand-written join of two collections.",
        WhyBad: "For every outer item the inner loop walks the whole inner collection: N × M comparisons where one pass to build a dict and N lookups would do.",
        Example: "for invoice in invoices:\n    for customer in customers:\n        if customer.id == invoice.customer_id:\n            invoice.customer = customer\n            break",
        UseInstead: "by_id = {customer.id: customer for customer in customers}\nfor invoice in invoices:\n    invoice.customer = by_id.get(invoice.customer_id)",
        CostOperation: "dict lookup");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        // Only a test inside two loops can be a nested scan: the cheap check first, the token scan of a condition after.
        var reported = new HashSet<LoopNode>();
        var candidates = context.Nodes<ComparisonNode>()
            .Where(c => c.Operator == "==" && InTwoLoops(c))
            .Select(c => (Node: (SyntaxNode)c, c.LeftSpan, c.RightSpan))
            .Concat(context.Nodes<ConditionalNode>().Where(InTwoLoops).SelectMany(c => Equalities(context, c)))
            .OrderBy(c => c.Node.Span.Start);
        foreach (var (node, leftSpan, rightSpan) in candidates)
        {
            var loops = node.EnclosingLoops().Take(2).ToList();
            if (loops.Count < 2 || loops[0] is not { Target: { } innerTarget, IterableSpan: { } innerIterable } inner
                || loops[1] is not { Target: { } outerTarget, IterableSpan: { } outerIterable } outer
                || reported.Contains(inner))
            {
                continue;
            }

            var tree = context.Tree;
            if (PythonCode.IsFixedSizeLoop(inner) || PythonCode.IsFixedSizeLoop(outer))
            {
                continue;
            }

            // Names the inner loop assigns from its item (`n = len(suffix)`) belong to the inner side.
            var innerNames = TargetNames(innerTarget);
            innerNames.UnionWith(inner.Descendants<AssignmentNode>().SelectMany(a => a.Targets).Select(t => t.Trim()));
            var outerNames = TargetNames(outerTarget);
            outerNames.ExceptWith(innerNames);
            var left = PythonCode.NamesIn(tree, leftSpan);
            var right = PythonCode.NamesIn(tree, rightSpan);
            var crosses = (Uses(left, innerNames) && !Uses(left, outerNames) && Uses(right, outerNames) && !Uses(right, innerNames))
                || (Uses(right, innerNames) && !Uses(right, outerNames) && Uses(left, outerNames) && !Uses(left, innerNames));
            var innerText = context.TextOf(innerIterable).Trim();
            var sameCollection = innerText == context.TextOf(outerIterable).Trim();
            if (!crosses || !ScansIndependentCollection(context, inner, innerIterable, outerNames)
                || !ComparesKeys(context.TextOf(leftSpan), context.TextOf(rightSpan)))
            {
                continue;
            }

            reported.Add(inner);
            var stopsAtMatch = PythonCode.HasKeyword(tree, inner.Span, K.BreakKeyword, inner)
                || PythonCode.HasKeyword(tree, inner.Span, K.ReturnKeyword, inner);
            var span = TextSpan.FromBounds(leftSpan.Start, rightSpan.End);
            var test = PythonCode.Shorten(context.TextOf(span));
            context.Report(
                node,
                $"`{test}` matches items of {PythonCode.DescribeLoop(outer)} against every item of {PythonCode.DescribeLoop(inner)}: a nested scan, O(N × M) comparisons.",
                $"Index `{PythonCode.Shorten(innerText, 40)}` once before the outer loop (a dict from the compared key to the item, or a set of keys) and replace the inner loop by one lookup.",
                sameCollection || stopsAtMatch ? Confidence.High : Confidence.Medium,
                "One pass to build the index plus one hashed lookup per outer item turns N × M comparisons into N + M.",
                span);
        }
    }

    private static bool InTwoLoops(SyntaxNode node)
    {
        var count = 0;
        for (var ancestor = node.Parent; ancestor is not null and not FunctionNode; ancestor = ancestor.Parent)
        {
            if (ancestor is LoopNode loop && loop.RunsPerIteration(node) && ++count == 2)
            {
                return true;
            }
        }

        return false;
    }

    // `==` tests of an if-condition that the model keeps no comparison node for (subscripts, calls):
    // the operands run from the previous to the next `and`/`or`/`not`/comparison at bracket depth 0.
    private static IEnumerable<(SyntaxNode Node, TextSpan Left, TextSpan Right)> Equalities(RuleContext context, ConditionalNode conditional)
    {
        var condition = conditional.ConditionSpan;
        if (condition.IsEmpty || conditional.Children.OfType<ComparisonNode>().Any(c => c.Operator == "=="))
        {
            yield break;
        }

        var tokens = PythonCode.Tokens(context.Tree);
        var first = PythonCode.FirstTokenAtOrAfter(tokens, condition.Start);
        var last = first;
        while (last < tokens.Count && tokens[last].End <= condition.End)
        {
            last++;
        }

        // Depth-0 boundaries (operators that end an operand), with the condition's two ends as sentinels.
        var boundaries = new List<int> { first - 1 };
        var depth = 0;
        for (var i = first; i < last; i++)
        {
            var kind = tokens[i].Kind;
            if (kind is K.LeftParen or K.LeftBracket or K.LeftBrace)
            {
                depth++;
            }
            else if (kind is K.RightParen or K.RightBracket or K.RightBrace)
            {
                depth--;
            }
            else if (depth == 0 && IsBoundary(kind))
            {
                boundaries.Add(i);
            }
        }

        boundaries.Add(last);
        for (var b = 1; b < boundaries.Count - 1; b++)
        {
            var at = boundaries[b];
            var leftStart = boundaries[b - 1] + 1;
            var rightEnd = boundaries[b + 1] - 1;
            if (tokens[at].Kind == K.EqualEqual && leftStart < at && rightEnd > at)
            {
                yield return (conditional, TextSpan.FromBounds(tokens[leftStart].Start, tokens[at - 1].End), TextSpan.FromBounds(tokens[at + 1].Start, tokens[rightEnd].End));
            }
        }
    }

    private static bool IsBoundary(K kind) =>
        kind is K.AndKeyword or K.OrKeyword or K.NotKeyword or K.EqualEqual or K.NotEqual or K.Less or K.Greater or K.LessEqual
            or K.GreaterEqual or K.InKeyword or K.IsKeyword or K.Comma or K.Colon or K.IfKeyword or K.ElifKeyword or K.WhileKeyword;

    // The inner loop must walk a collection that does not come from the outer item (a tree walk over
    // `a.children` is linear overall) and is not a small literal written in the code.
    private static bool ScansIndependentCollection(RuleContext context, LoopNode inner, TextSpan iterable, HashSet<string> outerNames)
    {
        var text = context.TextOf(iterable).Trim();
        if (text.Length == 0 || text[0] is '(' or '[' or '{' or '"' or '\'')
        {
            return false;
        }

        if (Uses(PythonCode.NamesIn(context.Tree, iterable), outerNames))
        {
            return false;
        }

        // An upper-case module constant is a fixed table, not data that grows with the input.
        var head = text.Split('.', '(', '[')[0];
        return !(head.Length > 1 && head.All(c => char.IsUpper(c) || c == '_' || char.IsDigit(c))) && inner.LoopKind != LoopKind.While;
    }

    // Keys are attributes (`c.id == inv.customer_id`); indexing and slicing (`name[-n:] == suffix`)
    // are position or pattern matches a dict cannot replace.
    private static bool ComparesKeys(string left, string right)
    {
        if (left.Contains('[', StringComparison.Ordinal) || right.Contains('[', StringComparison.Ordinal))
        {
            return false;
        }

        var attributes = PythonCode.IsDottedName(left.Trim()) && left.Contains('.', StringComparison.Ordinal)
            || PythonCode.IsDottedName(right.Trim()) && right.Contains('.', StringComparison.Ordinal);
        // Whole items compared (`u == v` over one collection) is the all-pairs "skip myself" test, not a key match.
        return attributes;
    }

    private static HashSet<string> TargetNames(string target) =>
        new(target.Split([',', '(', ')', '[', ']', ' ', '*'], StringSplitOptions.RemoveEmptyEntries).Where(n => n != "_"), StringComparer.Ordinal);

    private static bool Uses(HashSet<string> names, HashSet<string> targets) => names.Overlaps(targets);
}
