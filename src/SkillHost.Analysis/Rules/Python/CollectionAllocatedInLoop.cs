using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY004: a dict/list/set display evaluated on every pass of a loop that could build it once.</summary>
/// <remarks>
/// Two shapes qualify: a constant display bound to a name the loop only reads (hoist it), and a scratch
/// container the loop fills and then drops (create it once, <c>clear()</c> it per pass). A display that
/// is the loop's output (appended, stored, returned) is a legitimate allocation and stays silent, and so
/// is a constant display after <c>in</c>: CPython folds <c>x in ["a", "b"]</c> into a tuple constant.
/// </remarks>
public sealed class CollectionAllocatedInLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY004",
        "python/alloc-in-loop",
        nameof(CollectionAllocatedInLoop),
        SourceLanguage.Python,
        WhatItDoes: "Flags a dict, list or set display inside a loop when it is either a constant the loop only reads, or a scratch container (a display or an empty `set()`/`dict()`/`list()`/`bytearray()`) the loop fills and discards on every pass, and a constant dict display built in a loop only to look up one key (`{…}[k]`, `{…}.get(k)`).",
        WhyBad: "Each pass allocates a fresh container and frees the previous one: allocator and garbage-collector work per item that a single container created before the loop avoids.",
        Example: "for row in rows:\n    record = {}\n    for name, value in zip(columns, row):\n        record[name] = value\n    yield record",
        UseInstead: "record = dict.fromkeys(columns)\nfor row in rows:\n    record.clear()\n    record.update(zip(columns, row))\n    yield record");

    private static readonly HashSet<string> Mutators = new(StringComparer.Ordinal)
    {
        "append", "extend", "add", "update", "insert", "setdefault", "clear", "pop", "popitem", "remove", "discard",
        "appendleft", "extendleft", "sort", "reverse", "__setitem__",
    };

    // Builtins that read their argument and keep no reference to it.
    private static readonly HashSet<string> Readers = new(StringComparer.Ordinal)
    {
        "len", "sorted", "sum", "any", "all", "min", "max", "tuple", "list", "set", "frozenset", "str", "repr", "bool",
        "enumerate", "iter", "reversed", "zip", "join", "isinstance", "print", "format",
    };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        foreach (var literal in context.Nodes<CollectionLiteralNode>())
        {
            if (literal.Shape == ExpressionShape.DictLiteral && !literal.IsEmpty && LookedUpOnTheSpot(context, literal) is { } lookup
                && PythonCode.InnermostLoop(literal) is { } around && IsConstant(context.Tree, literal.Span))
            {
                // Dict displays are never folded into constants (lists and sets after `in` are): each pass builds the table.
                context.Report(
                    literal,
                    $"`{PythonCode.Shorten(context.TextOf(literal.Span), 40)}{lookup}` builds the same constant dict on every iteration of {PythonCode.DescribeLoop(around)} to look up one key.",
                    "Bind the dict to a module-level constant (or a name before the loop) and look the key up there.",
                    Confidence.Medium,
                    "One dict for the whole loop instead of building and freeing one per iteration.");
                continue;
            }

            if (literal.Shape is not (ExpressionShape.ListLiteral or ExpressionShape.DictLiteral or ExpressionShape.SetLiteral)
                || literal.Parent is not AssignmentNode { Operator: "=", Targets.Count: 1, ValueSpan: { } value } assignment
                || value != literal.Span || PythonCode.InnermostLoop(literal) is not { } loop
                || PythonCode.IsChainedAssignment(assignment))
            {
                continue;
            }

            var name = assignment.Targets[0].Trim();
            if (!PythonCode.IsDottedName(name) || name.Contains('.', StringComparison.Ordinal) || CarriesState(context, loop, assignment, name))
            {
                continue;
            }

            var kind = literal.Shape switch
            {
                ExpressionShape.DictLiteral => "dict",
                ExpressionShape.SetLiteral => "set",
                _ => "list",
            };
            var usage = Usage(context.Tree, loop, assignment, name);
            var display = PythonCode.Shorten(context.TextOf(literal.Span), 40);
            var where = PythonCode.DescribeLoop(loop);
            if (!literal.IsEmpty && IsConstant(context.Tree, literal.Span) && !usage.Mutated && !usage.Escapes && !usage.Yielded)
            {
                context.Report(
                    literal,
                    $"`{name} = {display}` rebuilds the same constant {kind} on every iteration of {where}; the loop only reads it.",
                    $"Build it once before the loop (or as a module-level constant{(kind == "list" ? ", a tuple" : kind == "set" ? ", a frozenset" : string.Empty)}).",
                    Confidence.High,
                    $"One {kind} for the whole loop instead of one allocation and one deallocation per iteration.");
            }
            else if (usage.Mutated && !usage.Escapes)
            {
                ReportScratch(context, literal, name, display, kind, loop, usage);
            }
        }

        CheckConstructorCalls(context);
    }

    /// <summary>A scratch container made by calling the empty constructor (<c>seen = set()</c>, <c>buf = bytearray()</c>) each pass.</summary>
    private static void CheckConstructorCalls(RuleContext context)
    {
        foreach (var call in context.Nodes<CallNode>())
        {
            if (call is not { IsMethodCall: false, Arguments.Count: 0, Callee: "set" or "dict" or "list" or "bytearray" }
                || call.Parent is not AssignmentNode { Operator: "=", Targets.Count: 1, ValueSpan: { } value } assignment || value != call.Span
                || PythonCode.InnermostLoop(call) is not { } loop || PythonCode.IsChainedAssignment(assignment)
                || PythonCode.NearestBindings(call, call.Callee).Count > 0)
            {
                continue; // not the builtin (shadowed), not a plain binding, or not in a loop
            }

            var name = assignment.Targets[0].Trim();
            if (!PythonCode.IsDottedName(name) || name.Contains('.', StringComparison.Ordinal) || CarriesState(context, loop, assignment, name))
            {
                continue;
            }

            var usage = Usage(context.Tree, loop, assignment, name);
            if (usage.Mutated && !usage.Escapes)
            {
                ReportScratch(context, call, name, $"{call.Callee}()", call.Callee, loop, usage);
            }
        }
    }

    private static void ReportScratch(RuleContext context, SyntaxNode node, string name, string display, string kind, LoopNode loop, NameUsage usage) =>
        context.Report(
            node,
            $"`{name} = {display}` allocates a fresh scratch {kind} on every iteration of {PythonCode.DescribeLoop(loop)}, fills it and drops it{(usage.Yielded ? " after yielding it" : string.Empty)}.",
            $"Create the {kind} once before the loop and call `{name}.clear()` at the start of each iteration."
                + (usage.Yielded ? $" Reuse is only correct if every consumer is done with one `{name}` before asking for the next; if a caller keeps them (`list(...)`), keep the allocating version." : string.Empty),
            // CPython keeps freed lists and dicts for reuse, so a fresh scratch container costs a few ns a pass
            // (`[]` + 3 appends vs `.clear()`: 50.9 vs 48.1 µs per 1,000 passes, 3.11): worth it only where passes multiply.
            usage.Yielded ? Confidence.Low : IsNestedOrPerItem(context, node) ? Confidence.Medium : Confidence.Low,
            $"One {kind} for the whole loop instead of one allocation and one deallocation per iteration.");

    // `{"a": 1, "b": 2}[kind]` or `{…}.get(kind, 0)`: the display is used once, for one lookup.
    private static string? LookedUpOnTheSpot(RuleContext context, CollectionLiteralNode literal)
    {
        var tokens = PythonCode.Tokens(context.Tree);
        var last = PythonCode.FirstTokenAtOrAfter(tokens, literal.Span.End - 1);
        if (last + 1 >= tokens.Count)
        {
            return null;
        }

        var next = tokens[last + 1];
        if (next.Kind == K.LeftBracket)
        {
            return "[…]";
        }

        return next.Kind == K.Dot && last + 2 < tokens.Count && context.Tree.Source.Text.Substring(tokens[last + 2].Start, tokens[last + 2].Length) == "get" ? ".get(…)" : null;
    }

    private static bool IsNestedOrPerItem(RuleContext context, SyntaxNode node) =>
        node.EnclosingLoops().Count(l => !PythonCode.IsFixedSizeLoop(l)) >= 2
        || (node.EnclosingFunction() is { } function && context.Project.IsCalledInLoop(function.Name));

    // A name also bound outside the loop, or read after it, carries state across iterations (an
    // accumulator restarted now and then): it is not a per-iteration scratch container.
    private static bool CarriesState(RuleContext context, LoopNode loop, AssignmentNode assignment, string name)
    {
        if (PythonCode.NearestBindings(assignment, name).Any(b => !loop.Span.Contains(b.Node.Span)))
        {
            return true;
        }

        var scopeEnd = assignment.EnclosingFunction()?.Span.End ?? context.Tree.Source.Length;
        return scopeEnd > loop.Span.End && PythonCode.NameOccurrences(context.Tree, TextSpan.FromBounds(loop.Span.End, scopeEnd), name).Count > 0;
    }

    /// <summary>A display made only of literals (strings, numbers, None/True/False) and punctuation.</summary>
    private static bool IsConstant(SyntaxTree tree, TextSpan span)
    {
        var tokens = PythonCode.Tokens(tree);
        for (var i = PythonCode.FirstTokenAtOrAfter(tokens, span.Start); i < tokens.Count && tokens[i].End <= span.End; i++)
        {
            if (tokens[i].Kind is not (K.StringLiteral or K.Number or K.NoneKeyword or K.TrueKeyword or K.FalseKeyword or K.Comma or K.Colon
                or K.LeftBracket or K.RightBracket or K.LeftBrace or K.RightBrace or K.LeftParen or K.RightParen or K.Minus or K.NonLogicalNewline))
            {
                return false;
            }
        }

        return true;
    }

    private static NameUsage Usage(SyntaxTree tree, LoopNode loop, AssignmentNode assignment, string name)
    {
        var tokens = PythonCode.Tokens(tree);
        var usage = new NameUsage();
        foreach (var i in PythonCode.NameOccurrences(tree, loop.Span, name))
        {
            var token = tokens[i];
            if (assignment.Span.Contains(token.Span) && token.Start == assignment.Span.Start)
            {
                continue;
            }

            var previous = i > 0 ? tokens[i - 1] : default;
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            if (i > 0 && previous.Kind == K.Dot)
            {
                continue; // `other.name`: an attribute that happens to share the spelling
            }

            switch (next.Kind)
            {
                case K.Dot when i + 2 < tokens.Count && tokens[i + 2].Kind == K.Name:
                    usage.Mutated |= Mutators.Contains(tree.Source.Text.Substring(tokens[i + 2].Start, tokens[i + 2].Length));
                    continue;
                case K.LeftBracket:
                    usage.Mutated |= IsSubscriptStore(tokens, i + 1);
                    continue;
                default:
                    break;
            }

            if (previous.Kind == K.YieldKeyword && next.Kind is K.Newline or K.RightParen or K.Semicolon)
            {
                usage.Yielded = true;
            }
            else if (previous.Kind is K.InKeyword or K.NotKeyword or K.IfKeyword or K.ElifKeyword or K.WhileKeyword or K.AndKeyword or K.OrKeyword or K.DelKeyword)
            {
                // read or tested
            }
            else if (previous.Kind == K.LeftParen && i > 1 && tokens[i - 2].Kind == K.Name && next.Kind is K.RightParen or K.Comma
                && Readers.Contains(tree.Source.Text.Substring(tokens[i - 2].Start, tokens[i - 2].Length)))
            {
                // passed to a builtin that only reads it
            }
            else if (next.Kind is K.Equal or K.PlusEqual or K.VerticalBarEqual && previous.Kind is K.Newline or K.Indent or K.Dedent or K.Semicolon or K.Colon)
            {
                // rebinding or in-place update at statement start: `name = ...`, `name += ...`
                usage.Mutated |= next.Kind != K.Equal;
            }
            else
            {
                usage.Escapes = true;
            }
        }

        return usage;
    }

    private static bool IsSubscriptStore(PythonTokenList tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case K.LeftBracket or K.LeftParen or K.LeftBrace:
                    depth++;
                    break;
                case K.RightBracket or K.RightParen or K.RightBrace:
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1 < tokens.Count && tokens[i + 1].Kind is K.Equal or K.PlusEqual or K.MinusEqual or K.StarEqual or K.VerticalBarEqual;
                    }

                    break;
                case K.Newline:
                    return false;
                default:
                    break;
            }
        }

        return false;
    }

    private sealed class NameUsage
    {
        public bool Mutated { get; set; }

        public bool Escapes { get; set; }

        public bool Yielded { get; set; }
    }
}
