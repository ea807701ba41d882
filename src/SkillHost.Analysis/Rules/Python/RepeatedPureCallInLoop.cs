using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY010: a pure-looking, non-trivial function of the reviewed file called in a loop with arguments that repeat.</summary>
public sealed class RepeatedPureCallInLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY010",
        "python/missing-cache",
        nameof(RepeatedPureCallInLoop),
        SourceLanguage.Python,
        WhatItDoes: "Flags a call, inside a loop, to a function or method defined in the same file that looks pure (no I/O, no writes to attributes, globals or arguments) and does real work (loops, builds collections), when its arguments repeat: loop-invariant arguments (hoist the call), or fields of the loop item (`order.region`, `row[\"region\"]`, also as keyword arguments) fed to a function that builds a collection (a per-key cache). Functions that already carry a cache decorator are skipped.",
        WhyBad: "Each repeated call recomputes a result the program already had; the loop pays the full cost of the function once per item instead of once per distinct argument.",
        Example: "def public_holidays(year):\n    return frozenset(compute_moving_feasts(year) + fixed_holidays(year))\n\nfor order in orders:\n    if order.placed_on in public_holidays(order.placed_on.year):\n        flagged.append(order)",
        UseInstead: "@functools.lru_cache(maxsize=64)\ndef public_holidays(year):\n    return frozenset(compute_moving_feasts(year) + fixed_holidays(year))",
        CostOperation: "Python function call overhead",
        TechniqueSection: "Cache pure results");

    private static readonly HashSet<string> Mutators = new(StringComparer.Ordinal)
    {
        "append", "extend", "update", "add", "insert", "pop", "popitem", "remove", "discard", "clear", "setdefault", "sort", "reverse",
        "write", "writelines", "send", "sendall", "put", "put_nowait", "flush", "close", "seek", "truncate", "appendleft", "extendleft",
    };

    private static readonly HashSet<string> ImpureFunctions = new(StringComparer.Ordinal)
    {
        "print", "open", "input", "next", "iter", "id", "exec", "eval", "setattr", "delattr", "globals", "locals", "vars", "__import__",
    };

    private static readonly HashSet<string> ImpureModules = new(StringComparer.Ordinal)
    {
        "random", "time", "datetime", "uuid", "os", "sys", "logging", "logger", "log", "subprocess", "socket", "requests", "secrets", "threading", "asyncio",
    };

    private static readonly HashSet<string> PureMethods = new(StringComparer.Ordinal)
    {
        "upper", "lower", "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "join", "startswith", "endswith", "replace",
        "format", "encode", "decode", "get", "items", "keys", "values", "copy", "count", "index", "find", "rfind", "isdigit",
        "isalpha", "isalnum", "isspace", "casefold", "title", "capitalize", "partition", "rpartition", "zfill", "ljust", "rjust",
        "center", "translate", "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
        "fromkeys", "match", "fullmatch", "search", "findall", "finditer", "sub", "subn", "group", "groups", "groupdict",
        "isoformat", "date", "weekday", "isoweekday", "bit_length", "hex", "to_bytes", "from_bytes",
    };

    private static readonly HashSet<string> CollectionBuilders = new(StringComparer.Ordinal)
    {
        "sorted", "set", "frozenset", "dict", "list", "tuple", "sum", "max", "min", "compile", "fromkeys", "Counter", "defaultdict",
    };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        var verdicts = new Dictionary<FunctionNode, bool>();
        foreach (var call in context.Nodes<CallNode>())
        {
            if (PythonCode.InnermostLoop(call) is not { } loop || PythonCode.IsInLambda(call) || Target(call) is not { } target
                || target.Function == call.EnclosingFunction())
            {
                continue;
            }

            if (!verdicts.TryGetValue(target.Function, out var pureAndCostly))
            {
                verdicts[target.Function] = pureAndCostly = LooksPure(context, target.Function) && DoesRealWork(context, target.Function);
            }

            if (!pureAndCostly || (target.IsMethod && MutatesSelf(loop, call)))
            {
                continue;
            }

            var text = PythonCode.Shorten(context.TextOf(call.Span), 50);
            var name = target.Function.Name;
            var methodCaveat = $" Do not put `functools.lru_cache` on the method `{name}`: its cache holds `self` and keeps every instance alive; use `functools.cached_property` (no arguments), a cache dict stored on the instance, or a module-level cached function that takes the needed fields instead of `self`.";
            // A `while` loop usually runs until the state the call reads changes: not a repeat.
            if (loop.LoopKind != LoopKind.While && ArgumentsInvariant(context, loop, call))
            {
                context.Report(
                    call,
                    $"`{text}` is called with the same arguments on every iteration of {PythonCode.DescribeLoop(loop)}; `{name}` (line {target.Function.Start.Line}) looks pure, so every call after the first recomputes the same result.",
                    "Call it once before the loop and reuse the result."
                        + (target.IsMethod ? methodCaveat : $" If other call sites repeat it too, cache `{name}` with `@functools.lru_cache(maxsize=…)` and return an immutable value."),
                    Confidence.High,
                    "One call instead of one per iteration.");
            }
            else if (!target.IsMethod && KeyedByItemAttribute(context, loop, call) is { } key && BuildsCollection(context, target.Function))
            {
                context.Report(
                    call,
                    $"`{text}` rebuilds the same result for every item of {PythonCode.DescribeLoop(loop)} that shares `{key}`; `{name}` (line {target.Function.Start.Line}) looks pure and builds a collection on each call.",
                    $"Cache it per distinct argument: put `@functools.lru_cache(maxsize=…)` on `{name}` (its arguments must be hashable) and return an immutable value (`frozenset`, `tuple`), since every caller shares the cached object.",
                    Confidence.Medium,
                    "The function runs once per distinct key instead of once per item.");
            }
        }
    }

    private sealed record CallTarget(FunctionNode Function, bool IsMethod);

    private static CallTarget? Target(CallNode call)
    {
        if (!PythonCode.IsDottedName(call.Callee))
        {
            return null;
        }

        if (!call.Callee.Contains('.', StringComparison.Ordinal))
        {
            var bindings = PythonCode.NearestBindings(call, call.Callee);
            return bindings.Count == 1 && bindings[0].Node is FunctionNode { IsMethod: false, IsAsync: false, IsGenerator: false } function && Uncached(function)
                ? new CallTarget(function, false)
                : null;
        }

        var parts = call.Callee.Split('.');
        if (parts.Length != 2 || parts[0] != "self" || call.EnclosingType() is not { } type)
        {
            return null;
        }

        var methods = type.Children.OfType<FunctionNode>().Where(f => f.Name == parts[1]).ToList();
        return methods.Count == 1 && methods[0] is { IsAsync: false, IsGenerator: false } method && Uncached(method)
            && method.Parameters.Count > 0 && method.Parameters[0].IsSelf && !method.HasAttribute("staticmethod") && !method.HasAttribute("classmethod")
            ? new CallTarget(method, true)
            : null;
    }

    private static bool Uncached(FunctionNode function) =>
        !function.Attributes.Any(a => a.Name.Contains("cache", StringComparison.OrdinalIgnoreCase) || a.Name.Contains("memo", StringComparison.OrdinalIgnoreCase)
            || a.Name.Contains("lru", StringComparison.OrdinalIgnoreCase) || a.Name.EndsWith("property", StringComparison.Ordinal) || a.Name.EndsWith("setter", StringComparison.Ordinal));

    private static bool LooksPure(RuleContext context, FunctionNode function)
    {
        var tree = context.Tree;
        if (PythonCode.HasKeyword(tree, function.BodySpan, K.GlobalKeyword, function) || PythonCode.HasKeyword(tree, function.BodySpan, K.NonlocalKeyword, function)
            || PythonCode.HasKeyword(tree, function.BodySpan, K.YieldKeyword, function) || PythonCode.HasKeyword(tree, function.BodySpan, K.AwaitKeyword, function)
            || PythonCode.HasKeyword(tree, function.BodySpan, K.DelKeyword, function) || PythonCode.HasKeyword(tree, function.BodySpan, K.RaiseKeyword, function))
        {
            return false;
        }

        var locals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in function.Descendants<AssignmentNode>())
        {
            // Writes to attributes or items (`self.x = …`, `cache[k] = …`) are side effects.
            if (assignment.Targets.Count == 0 || assignment.Targets.Any(t => t.Contains('.', StringComparison.Ordinal) || t.Contains('[', StringComparison.Ordinal)))
            {
                return false;
            }

            locals.UnionWith(assignment.Targets.Select(t => t.Trim()));
        }

        foreach (var loop in function.Descendants<LoopNode>())
        {
            if (loop.Target is { } target)
            {
                locals.UnionWith(target.Split([',', '(', ')', '[', ']', ' ', '*'], StringSplitOptions.RemoveEmptyEntries));
            }
        }

        foreach (var call in function.Descendants<CallNode>())
        {
            var head = call.Callee.Split('.')[0];
            if (ImpureFunctions.Contains(call.Callee) || ImpureModules.Contains(head)
                || (call.IsMethodCall && Mutators.Contains(call.Name) && !locals.Contains(head)))
            {
                return false;
            }

            // A method of an argument, of self or of a module may read or change state (a stream, a
            // parser position): only well-known value methods count as pure.
            if (call.IsMethodCall && !locals.Contains(head) && !head.StartsWith('…') && !PureMethods.Contains(call.Name))
            {
                return false;
            }

            // A call whose result is dropped runs for its side effect.
            if (PythonCode.TokenBefore(tree, call.Span.Start) is { } before && before.Kind is K.Newline or K.Indent or K.Dedent or K.Semicolon or K.Colon
                && call.Parent is not (AssignmentNode or CallNode or AwaitNode))
            {
                return false;
            }
        }

        if (!PythonCode.HasKeyword(tree, function.BodySpan, K.ReturnKeyword, function))
        {
            return false;
        }

        return !function.Descendants<WithNode>().Any();
    }

    private static bool DoesRealWork(RuleContext context, FunctionNode function) =>
        function.Descendants<LoopNode>().Any() || BuildsCollection(context, function) || function.Descendants<CallNode>().Count() >= 3;

    private static bool BuildsCollection(RuleContext context, FunctionNode function) =>
        function.Descendants<CallNode>().Any(c => CollectionBuilders.Contains(c.Name))
        || function.Descendants<LoopNode>().Any(l => l.LoopKind == LoopKind.Comprehension)
        || function.Descendants<CollectionLiteralNode>().Any(l => !l.IsEmpty && context.TextOf(l.Span).Length > 2);

    // Only arguments the loop cannot change: literals and names/chains whose base the loop never rebinds.
    private static bool ArgumentsInvariant(RuleContext context, LoopNode loop, CallNode call)
    {
        foreach (var argument in call.Arguments)
        {
            var text = context.TextOf(argument.Span).Trim();
            if (argument.Name is not null)
            {
                text = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
            }

            switch (argument.Shape)
            {
                case ExpressionShape.StringLiteral or ExpressionShape.NumberLiteral:
                    continue;
                case ExpressionShape.Name or ExpressionShape.MemberAccess when PythonCode.IsDottedName(text) && text != "None" && text != "True" && text != "False":
                    var head = text.Split('.')[0];
                    if (IsLoopBound(loop, head) || PythonCode.IsRebound(loop, loop.Span, text) || IsMutatedIn(loop, call, head))
                    {
                        return false;
                    }

                    continue;
                case ExpressionShape.Name when text is "None" or "True" or "False":
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    // `f(order.placed_on.year)`: each argument an attribute of the loop's item, which tends to repeat across items.
    private static string? KeyedByItemAttribute(RuleContext context, LoopNode loop, CallNode call)
    {
        if (call.Arguments.Count == 0 || loop.Target is not { } target)
        {
            return null;
        }

        var targets = target.Split([',', '(', ')', '[', ']', ' ', '*'], StringSplitOptions.RemoveEmptyEntries);
        string? key = null;
        foreach (var argument in call.Arguments)
        {
            var text = context.TextOf(argument.Span).Trim();
            if (argument.Name is not null)
            {
                text = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(); // `year=order.year`
            }

            // `order.country` or `row["country"]`: a field of the item. A plural field (`rule.allowed_headers`) usually holds a
            // collection: unhashable, and distinct per item.
            var field = ItemField(text);
            if (field is null || !targets.Contains(field.Value.Item) || IsPlural(field.Value.Name))
            {
                return null;
            }

            key ??= text;
        }

        return key;
    }

    private static (string Item, string Name)? ItemField(string text)
    {
        if (PythonCode.IsDottedName(text) && text.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            return (text[..dot], text[(text.LastIndexOf('.') + 1)..]);
        }

        // `row["country"]` / `row['country']`
        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(']') && PythonCode.IsDottedName(text[..open]) && !text[..open].Contains('.', StringComparison.Ordinal))
        {
            var inner = text[(open + 1)..^1].Trim();
            if (inner.Length >= 3 && inner[0] is '"' or '\'' && inner[^1] == inner[0] && inner.IndexOfAny(['"', '\'', '[', ']'], 1) == inner.Length - 1)
            {
                return (text[..open], inner[1..^1]);
            }
        }

        return null;
    }

    // `headers`, `items`, `rules` are plural; `status`, `address`, `alias`, `basis` are not.
    private static bool IsPlural(string name) =>
        name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) && !name.EndsWith("us", StringComparison.Ordinal)
        && !name.EndsWith("is", StringComparison.Ordinal) && !name.EndsWith("as", StringComparison.Ordinal);

    // The loop changes the argument object through its methods or attributes (`G.remove_edge(…)`).
    private static bool IsMutatedIn(LoopNode loop, CallNode call, string head) =>
        head != "self" && (loop.Descendants<CallNode>().Any(c => c != call && c.Callee.StartsWith(head + ".", StringComparison.Ordinal))
            || loop.Descendants<AssignmentNode>().Any(a => a.Targets.Count == 0 || a.Targets.Any(t => t.StartsWith(head + ".", StringComparison.Ordinal) || t.StartsWith(head + "[", StringComparison.Ordinal))));

    private static bool IsLoopBound(LoopNode loop, string name)
    {
        for (SyntaxNode? node = loop; node is LoopNode l; node = node.Parent)
        {
            if (l.Target is { } target && target.Split([',', '(', ')', '[', ']', ' ', '*'], StringSplitOptions.RemoveEmptyEntries).Contains(name))
            {
                return true;
            }
        }

        return PythonCode.IsRebound(loop, loop.Span, name);
    }

    // A loop that writes attributes of self, or calls other methods of self, may change what the method returns.
    private static bool MutatesSelf(LoopNode loop, CallNode call) =>
        loop.Descendants<AssignmentNode>().Any(a => a.Targets.Any(t => t.StartsWith("self.", StringComparison.Ordinal)))
        || loop.Descendants<CallNode>().Any(c => c != call && c.Callee.StartsWith("self.", StringComparison.Ordinal) && c.Callee != call.Callee);
}
