using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY003: a class of the reviewed code, without <c>__slots__</c>, instantiated once per loop iteration.</summary>
public sealed class SlotlessClassInstantiatedInLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY003",
        "python/missing-slots",
        nameof(SlotlessClassInstantiatedInLoop),
        SourceLanguage.Python,
        WhatItDoes: "Flags a call that creates an instance of a class defined in the reviewed file, inside a loop or comprehension, when the class (and every base it has) declares no `__slots__` and is not a slotted dataclass, attrs class, `msgspec.Struct`, named tuple, enum or exception. `map(Class, rows)` and `cls(…)` in a classmethod's loop count as instantiations.",
        WhyBad: "Every instance of a class without `__slots__` carries its own attribute dictionary: more bytes per object, more allocator and garbage-collector work, and worse cache locality when many instances are created or kept.",
        Example: "class Tick:\n    def __init__(self, symbol, price):\n        self.symbol = symbol\n        self.price = price\n\nticks = [Tick(r[0], float(r[1])) for r in rows]",
        UseInstead: "@dataclass(slots=True)\nclass Tick:\n    symbol: str\n    price: float\n\nticks = [Tick(r[0], float(r[1])) for r in rows]");

    // Bases that add no instance dictionary of their own, so slots on the subclass take effect.
    private static readonly HashSet<string> DictFreeBases = new(StringComparer.Ordinal) { "object", "ABC", "abc.ABC" };

    // Decorators whose classes are slotted by default (attrs' modern API).
    private static readonly HashSet<string> SlottedDecorators = new(StringComparer.Ordinal)
    {
        "define", "frozen", "mutable", "attrs.define", "attrs.frozen", "attrs.mutable", "attr.define", "attr.frozen", "attr.mutable",
    };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        var verdicts = new Dictionary<TypeDeclNode, bool>();
        foreach (var call in context.Nodes<CallNode>())
        {
            // `map(Tick, rows)` is itself the loop: one instance per item, all of them kept by whoever consumes it.
            var mapped = call.Callee == "map" && call.Arguments.Count >= 2;
            var loop = PythonCode.InnermostLoop(call);
            if (call.IsMethodCall || !PythonCode.IsDottedName(call.Callee) || call.Callee.Contains('.', StringComparison.Ordinal)
                || (loop is null && !mapped))
            {
                continue;
            }

            if (InstantiatedClass(call) is not { } type
                || !NeedsSlots(type, call, verdicts, 0)
                || PythonCode.TokenBefore(context.Tree, call.Span.Start) is { Kind: Languages.Python.PythonTokenKind.RaiseKeyword }
                || (loop is not null && PythonCode.LeavesLoop(call, loop)) || PythonCode.IsUnderMainGuard(call))
            {
                continue;
            }

            var fields = type.Fields.Select(f => f.Name).Where(f => f != "__slots__").Distinct(StringComparer.Ordinal).ToList();
            var slots = string.Join(", ", fields.Take(6).Select(f => $"\"{f}\"")) + (fields.Count > 6 ? ", …" : fields.Count == 1 ? "," : string.Empty);
            var isDataclass = type.HasAttribute("dataclass");
            var kept = mapped || IsKept(context, call, loop!);
            context.Report(
                call,
                $"`{type.Name}` (line {type.Start.Line}) has no `__slots__`, yet {(mapped ? "`map`" : PythonCode.DescribeLoop(loop!))} creates one instance per {(mapped ? "item" : "iteration")}, each with its own `__dict__`.",
                isDataclass
                    ? $"Use `@dataclass(slots=True)` on `{type.Name}` (Python 3.10+), or subclass `msgspec.Struct`."
                    : $"Declare `__slots__ = ({slots})` in `{type.Name}` (or make it a `@dataclass(slots=True)` / `msgspec.Struct`); slots also forbid attributes not listed, so list every attribute the class sets.",
                kept ? Confidence.High : Confidence.Medium,
                kept
                    ? "The instances are kept: slots shrink each one by the size of a dict, which adds up over N instances."
                    : "Slots avoid allocating a dict per instance; the gain is largest when many instances stay alive.",
                call.CalleeSpan.IsEmpty ? null : TextSpan.FromBounds(call.CalleeSpan.Start, call.Span.End),
                savesOnlyMemory: true);
        }
    }

    /// <summary>
    /// The class a call instantiates: a class of this file called by name (<c>Tick(…)</c>), passed by name to
    /// <c>map</c> (<c>map(Tick, rows)</c>: one instance per item), or <c>cls(…)</c> in a classmethod of it
    /// (<c>[cls(**row) for row in rows]</c>; a subclass may add slots, but the class itself has none).
    /// </summary>
    private static TypeDeclNode? InstantiatedClass(CallNode call)
    {
        var name = call.Callee;
        if (name == "map" && call.Arguments.Count >= 2 && call.Arguments[0] is { Name: null, Shape: ExpressionShape.Name } function)
        {
            name = call.Tree.Source.Text.Substring(function.Span.Start, function.Span.Length).Trim();
        }

        if (name == "cls")
        {
            return call.EnclosingFunction() is { } method && method.HasAttribute("classmethod") && method.Parameters.Count > 0 && method.Parameters[0].Name == "cls"
                && PythonCode.NearestBindings(call, "cls").All(b => b.Node == method) && method.EnclosingType() is { TypeKind: TypeDeclKind.Class } owner
                ? owner
                : null;
        }

        var bindings = PythonCode.NearestBindings(call, name);
        return bindings.Count == 1 && bindings[0].Node is TypeDeclNode { TypeKind: TypeDeclKind.Class } type ? type : null;
    }

    private static bool NeedsSlots(TypeDeclNode type, SyntaxNode at, Dictionary<TypeDeclNode, bool> verdicts, int depth)
    {
        if (verdicts.TryGetValue(type, out var known))
        {
            return known;
        }

        var verdict = depth < 8 && Evaluate(type, at, verdicts, depth);
        verdicts[type] = verdict;
        return verdict;
    }

    private static bool Evaluate(TypeDeclNode type, SyntaxNode at, Dictionary<TypeDeclNode, bool> verdicts, int depth)
    {
        // Exception-like classes are created on failure paths, one at a time, and carry tracebacks anyway.
        if (type.Fields.Any(f => f.Name == "__slots__") || type.Fields.All(f => f.Name.StartsWith("__", StringComparison.Ordinal))
            || type.Name.Contains("Error", StringComparison.Ordinal) || type.Name.Contains("Exception", StringComparison.Ordinal)
            || type.Name.EndsWith("Warning", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var attribute in type.Attributes)
        {
            var args = attribute.Arguments ?? string.Empty;
            if (SlottedDecorators.Contains(attribute.Name) || args.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("slots=True", StringComparison.Ordinal))
            {
                return false;
            }
        }

        foreach (var written in type.Bases)
        {
            var baseName = written.Trim();
            if (DictFreeBases.Contains(baseName) || baseName.StartsWith("metaclass=ABCMeta", StringComparison.Ordinal)
                || baseName.StartsWith("metaclass=abc.ABCMeta", StringComparison.Ordinal)
                || baseName.StartsWith("Generic[", StringComparison.Ordinal) || baseName.StartsWith("typing.Generic[", StringComparison.Ordinal))
            {
                continue;
            }

            // A base defined here must itself lack slots for a useful verdict; any other base (a named
            // tuple, an enum, an exception, msgspec.Struct, a library class) is out of our sight.
            var bindings = PythonCode.NearestBindings(at, baseName);
            if (!PythonCode.IsDottedName(baseName) || bindings.Count != 1 || bindings[0].Node is not TypeDeclNode { TypeKind: TypeDeclKind.Class } parent
                || parent == type || !NeedsSlotsOrHasThem(parent, at, verdicts, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsSlotsOrHasThem(TypeDeclNode type, SyntaxNode at, Dictionary<TypeDeclNode, bool> verdicts, int depth) =>
        type.Fields.Any(f => f.Name == "__slots__") ? type.Bases.All(b => DictFreeBases.Contains(b.Trim())) : NeedsSlots(type, at, verdicts, depth);

    // Instances that end up in a collection (a comprehension's element, an append, a yield) stay alive together.
    private static bool IsKept(RuleContext context, CallNode call, LoopNode loop)
    {
        if (loop.LoopKind == LoopKind.Comprehension && call.Parent == loop)
        {
            return true;
        }

        if (call.Parent is CallNode { IsMethodCall: true, Name: "append" or "add" or "appendleft" or "insert" })
        {
            return true;
        }

        return PythonCode.TokenBefore(context.Tree, call.Span.Start) is { Kind: Languages.Python.PythonTokenKind.YieldKeyword };
    }
}
