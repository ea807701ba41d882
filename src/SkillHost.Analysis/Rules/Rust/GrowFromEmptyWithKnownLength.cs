using System.Text.RegularExpressions;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS002: <c>Vec::new()</c>/<c>String::new()</c> filled by one push per iteration of a loop whose length is known up front.</summary>
public sealed partial class GrowFromEmptyWithKnownLength : Rule
{
    /// <summary>Adapters that keep the exact length of what they iterate.</summary>
    private static readonly string[] ExactAdapters =
        [".iter()", ".iter_mut()", ".into_iter()", ".enumerate()", ".rev()", ".copied()", ".cloned()", ".keys()", ".values()", ".values_mut()", ".drain(..)", ".bytes()"];

    public static RuleDescriptor Info { get; } = new(
        "RS002",
        "rust/missing-with-capacity",
        nameof(GrowFromEmptyWithKnownLength),
        SourceLanguage.Rust,
        WhatItDoes: "Flags a `Vec::new()`, `vec![]` or `String::new()` that a following loop fills with one push per iteration, when the loop runs over something whose length is known before it starts (a slice, a Vec, a map, `0..n`).",
        WhyBad: "A Vec grown from empty reallocates and copies its contents each time it doubles: about log2(N) allocations and N extra element copies that one `with_capacity` would avoid.",
        Example: "fn scale(readings: &[f64], gain: f64) -> Vec<f64> {\n    let mut out = Vec::new();\n    for r in readings {\n        out.push(r * gain);\n    }\n    out\n}",
        UseInstead: "fn scale(readings: &[f64], gain: f64) -> Vec<f64> {\n    let mut out = Vec::with_capacity(readings.len());\n    for r in readings {\n        out.push(r * gain);\n    }\n    out\n    // or: readings.iter().map(|r| r * gain).collect()\n}",
        CostOperation: "Small String allocation",
        SavesOncePerCall: true);

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var let in context.Nodes<AssignmentNode>())
        {
            if (let is not { Operator: "let", IsMutable: true, Targets: [var name], ValueSpan: { } value } || let.EnclosingFunction() is not { } function)
            {
                continue;
            }

            var initial = context.TextOf(value).Trim();
            var isString = let.ValueCallee is "String::new" or "String::default";
            var isVec = let.ValueCallee is "Vec::new" or "Vec::default" || initial.Replace(" ", "", StringComparison.Ordinal) is "vec![]" || VecTurbofishNew().IsMatch(initial);
            if (!isString && !isVec || let.IsTestCode())
            {
                continue;
            }

            var blockEnd = RustTokens.Of(context.Tree).EnclosingBlockEnd(let.Span.Start);
            var loop = function.Descendants<LoopNode>().FirstOrDefault(l => l.Span.Start >= let.Span.End && l.Span.End <= blockEnd && PushesInto(context, l, name).Any());
            if (loop is not { LoopKind: LoopKind.For, IterableSpan: { } iterable } || Mentions(context, name, let.Span.End, loop.Span.Start, "reserve", "reserve_exact"))
            {
                continue;
            }

            var pushes = PushesInto(context, loop, name).ToList();
            if (pushes.Count != 1 || !RunsOncePerIteration(pushes[0], loop) || isString && pushes[0].Name != "push"
                || HasEarlyExit(context, loop) || Mentions(context, name, loop.Span.Start, loop.Span.End, "reserve", "reserve_exact"))
            {
                continue;
            }

            if (KnownLength(context, loop, context.TextOf(iterable).Trim()) is not { } length)
            {
                continue;
            }

            var type = isString ? "String" : "Vec";
            var confidence = isVec && length.Exact && !HasTryOperator(context, loop) ? Confidence.High : Confidence.Medium;
            context.Report(
                let,
                $"`{name}` starts as `{RustCode.Short(initial)}` and gets one push per iteration of {RustCode.Describe(loop)}, whose length is known (`{length.Expression}`): it reallocates and copies about log2(N) times as it grows",
                $"`let mut {name} = {type}::with_capacity({length.Expression});`" + (isVec ? " — or build it with `.map(…).collect()`, which sizes it from the iterator" : "") + (length.Exact ? "" : $" (`{length.Expression}` is an upper bound)"),
                confidence,
                "One allocation of the final size instead of about log2(N) reallocations, each copying everything pushed so far.",
                value,
                occurrences: (int)Math.Max(1, Math.Round(Math.Log2(context.Options.AssumeN))),
                occurrencesAssumed: true,
                occurrenceAssumption: $"`{name}` grows to {Cost.CostText.Count(context.Options.AssumeN)} items (about {Math.Max(1, Math.Round(Math.Log2(context.Options.AssumeN)))} reallocations)",
                edits: WithCapacity(context, let, function, value, initial, type, length));
        }
    }

    /// <summary>
    /// The initial value rewritten with the capacity. A capacity is only a hint, so any value keeps behaviour; what
    /// matters is that the length compiles where the `let` stands and costs nothing to evaluate twice: a name or field
    /// path, optionally `.len()`, whose first name is a parameter, `self`, a constant, or bound before the `let`.
    /// </summary>
    private static Replacement[]? WithCapacity(RuleContext context, AssignmentNode let, FunctionNode function, TextSpan value, string initial, string type, Length length)
    {
        var expression = length.Expression;
        var path = expression.EndsWith(".len()", StringComparison.Ordinal) ? expression[..^".len()".Length] : expression;
        if (!SimplePath().IsMatch(path))
        {
            return null;
        }

        var root = path.Split('.')[0];
        var inScope = root == "self" || root.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_')
            || function.Parameters.Any(p => p.Name == root)
            || function.Descendants<AssignmentNode>().Any(a => a.Operator == "let" && a.Span.End <= let.Span.Start && a.Targets.Contains(root));
        if (!inScope)
        {
            return null;
        }

        var replacement = VecTurbofishNew().IsMatch(initial)
            ? initial[..^"new()".Length] + $"with_capacity({expression})"
            : $"{type}::with_capacity({expression})";
        var text = context.TextOf(value);
        var lead = text.Length - text.TrimStart().Length;
        return [new Replacement(new TextSpan(value.Start + lead, initial.Length), replacement)];
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex SimplePath();

    private static IEnumerable<CallNode> PushesInto(RuleContext context, LoopNode loop, string name) =>
        loop.PerIteration<CallNode>().Where(c => c is { IsMethodCall: true, Name: "push" or "push_str", ReceiverSpan: { } r } && context.TextOf(r).Trim() == name);

    // Directly in the loop body: not under an if, not in a nested loop or closure.
    private static bool RunsOncePerIteration(CallNode push, LoopNode loop)
    {
        for (var node = push.Parent; node is not null && node != loop; node = node.Parent)
        {
            if (node is ConditionalNode or LoopNode or ClosureNode)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasEarlyExit(RuleContext context, LoopNode loop)
    {
        var tokens = RustTokens.Of(context.Tree);
        for (var i = tokens.IndexAt(loop.Span.Start); i < tokens.Count && tokens[i].Start < loop.Span.End; i++)
        {
            if (tokens.Kind(i) is RustTokenKind.Continue or RustTokenKind.Break or RustTokenKind.Return or RustTokenKind.Match)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasTryOperator(RuleContext context, LoopNode loop)
    {
        var tokens = RustTokens.Of(context.Tree);
        for (var i = tokens.IndexAt(loop.Span.Start); i < tokens.Count && tokens[i].Start < loop.Span.End; i++)
        {
            if (tokens.Kind(i) == RustTokenKind.Question)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(RuleContext context, string name, int from, int to, params string[] methods)
    {
        var tokens = RustTokens.Of(context.Tree);
        for (var i = tokens.IndexAt(from); i < tokens.Count && tokens[i].Start < to; i++)
        {
            if (tokens.IsIdentifier(i, name) && tokens.Kind(i + 1) == RustTokenKind.Dot && methods.Contains(tokens.Text(i + 2)))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Length(string Expression, bool Exact);

    private static Length? KnownLength(RuleContext context, LoopNode loop, string iterable)
    {
        if (Range().Match(iterable) is { Success: true } range)
        {
            var start = range.Groups["start"].Value.Trim();
            var end = range.Groups["end"].Value.Trim();
            var inclusive = range.Groups["op"].Value == "..=";
            var count = start is "0" or "" ? end : $"{end} - {start}";
            if (end.Length == 0)
            {
                return null;
            }

            return new Length(inclusive ? $"{count} + 1" : count, true);
        }

        var exact = true;
        var stripped = false;
        var text = iterable;
        while (true)
        {
            var adapter = ExactAdapters.FirstOrDefault(a => text.EndsWith(a, StringComparison.Ordinal));
            if (adapter is not null)
            {
                text = text[..^adapter.Length].TrimEnd();
                stripped = true;
                continue;
            }

            if (text.EndsWith(".chars()", StringComparison.Ordinal))
            {
                text = text[..^".chars()".Length].TrimEnd();
                stripped = true;
                exact = false;
                continue;
            }

            break;
        }

        var place = text.TrimStart('&').Replace("mut ", "", StringComparison.Ordinal).Trim();
        if (!RustCode.IsPlace(place))
        {
            return null;
        }

        var kind = CollectionKinds.Of(loop, place, out _);
        // `.iter()` and friends exist only on collections that know their length; a bare name needs a known type.
        var known = stripped || kind is CollectionKind.Vec or CollectionKind.Slice or CollectionKind.SmallConstant or CollectionKind.NotAVec;
        return known ? new Length($"{place}.len()", exact) : null;
    }

    [GeneratedRegex(@"^\(?(?<start>[\w.]*)\s*(?<op>\.\.=?)\s*(?<end>[\w.()]+)\)?$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^Vec::<.*>::new\(\)$")]
    private static partial Regex VecTurbofishNew();
}
