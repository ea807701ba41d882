using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY002: a list built only to be consumed once, where a generator (or the file itself) would do.</summary>
public sealed class ThrowawayList : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY002",
        "python/list-where-generator",
        nameof(ThrowawayList),
        SourceLanguage.Python,
        WhatItDoes: "Flags lists that exist only to be consumed once: a list comprehension passed to `sum`/`any`/`all`/`min`/`max`/`set`/`list`…, a list comprehension used as the iterable of a loop, a local list iterated exactly once, and `readlines()` whose list is only looped over.",
        WhyBad: "The whole list is materialised before the first element is used: memory grows with N (twice over when a second list is built from the first), `any`/`all` lose their early exit, and `readlines()` reads the entire file before any line is processed.",
        Example: "total = sum([len(message.body) for message in messages])\nlines = open(path).readlines()\nhosts = [extract_host(line) for line in lines]",
        UseInstead: "total = sum(len(message.body) for message in messages)\nwith open(path) as log_file:\n    for line in log_file:\n        yield extract_host(line)",
        CostOperation: "list.append",
        TechniqueSection: "Python: generators instead of throwaway lists");

    // Consumers that iterate their argument once. str.join, tuple and sorted are absent on purpose: join and
    // sorted turn any iterable into a list first, and tuple sizes itself in one step from a list, so a generator
    // saves nothing there and runs slower (sorted over 1,000 items: 24.5 µs from a list comprehension, 37.4 µs
    // from a generator, CPython 3.11).
    private static readonly Dictionary<string, string> Consumers = new(StringComparer.Ordinal)
    {
        ["any"] = "stops at the first true element, which the list comprehension defeats by computing every element first",
        ["all"] = "stops at the first false element, which the list comprehension defeats by computing every element first",
        ["sum"] = "adds the values one at a time",
        ["min"] = "compares the values one at a time",
        ["max"] = "compares the values one at a time",
        ["frozenset"] = "hashes the values one at a time",
        ["set"] = "hashes the values one at a time",
        ["dict"] = "inserts the pairs one at a time",
        ["list"] = "copies its input into a new list",
    };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        var n = (int)Math.Min(context.Options.AssumeN, int.MaxValue);
        foreach (var call in context.Nodes<CallNode>())
        {
            CheckConsumerCall(context, call, n);
            if (call.Name == "readlines" && call.IsMethodCall && call.Arguments.Count == 0)
            {
                CheckReadlines(context, call, n);
            }
        }

        foreach (var loop in context.Nodes<LoopNode>())
        {
            CheckLoopOverComprehension(context, loop, n);
        }

        foreach (var assignment in context.Nodes<AssignmentNode>())
        {
            if (assignment.ValueShape == ExpressionShape.ListComprehension && assignment.ValueSpan is { } value
                && SingleIterationOf(context, assignment) is { } consumer)
            {
                var name = assignment.Targets[0];
                context.Report(
                    assignment,
                    $"`{name}` is built as a full list and then only iterated once, by {PythonCode.DescribeLoop(consumer)}.",
                    $"Make it a generator expression — replace the brackets with parentheses: `{name} = ({PythonCode.Shorten(context.TextOf(value).Trim()[1..^1], 50)})` — or fold it into the loop.",
                    Confidence.Medium,
                    "A generator keeps one element alive at a time instead of all N.",
                    value,
                    n,
                    savesOnlyMemory: true);
            }
        }
    }

    private static void CheckConsumerCall(RuleContext context, CallNode call, int n)
    {
        if (call.IsMethodCall || !Consumers.TryGetValue(call.Callee, out var why) || call.Arguments.Count != 1
            || call.Arguments[0] is not { Shape: ExpressionShape.ListComprehension or ExpressionShape.SetComprehension, Name: null, IsUnpacked: false } argument
            || argument.Shape == ExpressionShape.SetComprehension && call.Callee is not ("any" or "all" or "min" or "max") // a set's dropped duplicates change a sum
            || PythonCode.NearestBindings(call, call.Callee).Count > 0
            || call.Descendants().Any(d => d is AwaitNode && argument.Span.Contains(d.Span))) // a generator with `await` is an async generator: no builtin consumes it
        {
            return;
        }

        var isSet = argument.Shape == ExpressionShape.SetComprehension;

        var comprehension = context.TextOf(argument.Span).Trim();
        var inner = comprehension.Length >= 2 ? comprehension[1..^1] : comprehension;
        var fix = call.Callee switch
        {
            "set" => $"Write a set comprehension: `{{{PythonCode.Shorten(inner, 50)}}}`.",
            "dict" => "Write a dict comprehension (`{k: v for …}`) instead of a list of pairs.",
            "list" => $"Drop the copy: the comprehension already is a list (`{PythonCode.Shorten(comprehension, 50)}`).",
            _ => $"Pass a generator expression — drop the brackets: `{call.Callee}({PythonCode.Shorten(inner, 50)})`.",
        };
        context.Report(
            call,
            isSet
                ? $"`{call.Callee}({{…}})` builds a full set only to consume it once; `{call.Callee}` {why.Replace("list comprehension", "set comprehension", StringComparison.Ordinal)}."
                : $"`{call.Callee}([…])` builds a full list only to consume it once; `{call.Callee}` {why}.",
            fix,
            call.Callee is "any" or "all" ? Confidence.High : Confidence.Medium,
            call.Callee is "any" or "all"
                ? "The generator form allocates no list and stops computing elements as soon as the answer is known."
                : "The generator form allocates no intermediate list; memory stays O(1) instead of O(N).",
            argument.Span,
            n,
            savesOnlyMemory: call.Callee is not ("any" or "all"),
            edits: isSet || HasAwaitOrWalrus(context, call, argument.Span) || call.Callee is "any" or "all" && HasCall(call, argument.Span) ? null : call.Callee switch
            {
                "set" when Brackets(context, argument.Span) is var (open, close) && open >= 0 =>
                    [new Replacement(call.Span, "{" + context.TextOf(TextSpan.FromBounds(open + 1, close)) + "}")],
                "list" when Brackets(context, argument.Span) is var (open, close) && open >= 0 =>
                    [new Replacement(call.Span, context.TextOf(TextSpan.FromBounds(open, close + 1)))],
                "dict" => null,
                // A generator expression may stand bare only as the sole argument with no trailing comma.
                _ when IsSoleArgumentWithoutComma(context, call, argument.Span) => Unbracket(context, argument.Span),
                _ => Parenthesize(context, argument.Span),
            });
    }

    // Only where the fix keeps behaviour. `await` in a generator expression makes it an async generator; a walrus binds
    // differently; a call in `any`/`all` would no longer run for the elements after the answer is known. The loop and
    // assignment cases get no edit: their lists are snapshots, and the loop body or the code before it may change the source.
    private static bool HasAwaitOrWalrus(RuleContext context, CallNode call, TextSpan span) =>
        context.TextOf(span).Contains(":=", StringComparison.Ordinal) || call.Descendants().Any(d => d is AwaitNode && span.Contains(d.Span));

    private static bool HasCall(CallNode call, TextSpan span) => call.Descendants().Any(d => d is CallNode && span.Contains(d.Span));

    /// <summary>The positions of the list comprehension's outer brackets inside <paramref name="span"/>, or (-1, -1).</summary>
    private static (int Open, int Close) Brackets(RuleContext context, TextSpan span)
    {
        var text = context.TextOf(span);
        var first = text.Length - text.TrimStart().Length;
        var last = text.TrimEnd().Length - 1;
        return first < last && text[first] == '[' && text[last] == ']' ? (span.Start + first, span.Start + last) : (-1, -1);
    }

    // `max([x for x in xs], default=0)` → `max((x for x in xs), default=0)`.
    private static Replacement[]? Parenthesize(RuleContext context, TextSpan span) =>
        Brackets(context, span) is var (open, close) && open >= 0
            ? [new Replacement(new TextSpan(open, 1), "("), new Replacement(new TextSpan(close, 1), ")")]
            : null;

    // `sum([x for x in xs])` → `sum(x for x in xs)`.
    private static Replacement[]? Unbracket(RuleContext context, TextSpan span) =>
        Brackets(context, span) is var (open, close) && open >= 0
            ? [Replacement.Delete(new TextSpan(open, 1)), Replacement.Delete(new TextSpan(close, 1))]
            : null;

    private static bool IsSoleArgumentWithoutComma(RuleContext context, CallNode call, TextSpan argument) =>
        argument.End <= call.Span.End && context.TextOf(TextSpan.FromBounds(argument.End, call.Span.End)).Trim() == ")";

    private static void CheckReadlines(RuleContext context, CallNode call, int n)
    {
        var receiver = call.ReceiverSpan is { } r ? context.TextOf(r).Trim() : "the file";
        LoopNode? consumer = null;
        string? boundTo = null;
        if (call.Parent is AssignmentNode { Targets.Count: 1 } assignment && assignment.ValueSpan is { } value
            && context.TextOf(value).Trim() == context.TextOf(call.Span).Trim())
        {
            consumer = SingleIterationOf(context, assignment);
            boundTo = assignment.Targets[0];
        }
        else if (call.Parent is LoopNode { IterableSpan: { } iterable } loop && context.TextOf(iterable).Trim() == context.TextOf(call.Span).Trim())
        {
            consumer = loop;
        }

        if (consumer is null)
        {
            return;
        }

        var returned = consumer.LoopKind == LoopKind.Comprehension && IsReturned(context, consumer);
        var fileOpenedInline = receiver.StartsWith("open(", StringComparison.Ordinal);
        var what = boundTo is null ? $"`{receiver}.readlines()`" : $"`{boundTo} = {receiver}.readlines()`";
        var second = consumer.LoopKind == LoopKind.Comprehension && consumer.Comprehension == ComprehensionKind.List
            ? " and the list comprehension builds a second list of the same length" + (returned ? " to return" : string.Empty)
            : string.Empty;
        // `with open(p) as f: lines = f.readlines()` and the loop after the block: the file is closed by then.
        var closedBefore = call.FirstAncestor<WithNode>() is { } block && !block.Span.Contains(consumer.Span);
        var fix = fileOpenedInline
            ? "Open the file in a `with` block and iterate the file object line by line (`for line in log_file:`)"
            : closedBefore
                ? $"Move the loop into the `with` block and iterate `{receiver}` directly (`for line in {receiver}:`), which reads one line at a time"
                : $"Iterate `{receiver}` directly (`for line in {receiver}:`), which reads one line at a time";
        if (returned)
        {
            fix += "; if callers only loop over the result once, `yield` each value instead of returning a list";
        }

        context.Report(
            call,
            $"{what} reads the whole file into a list that is only iterated once, by {PythonCode.DescribeLoop(consumer)}{second}{(fileOpenedInline ? "; the file handle is left for the garbage collector to close" : string.Empty)}.",
            fix + ".",
            Confidence.High,
            "Streaming keeps memory O(1) instead of O(file size) and yields the first result before the file has been read to the end.",
            occurrences: n,
            occurrencesAssumed: true,
            occurrenceAssumption: $"the file has {Cost.CostText.Count(n)} lines");
    }

    private static void CheckLoopOverComprehension(RuleContext context, LoopNode loop, int n)
    {
        if (loop.LoopKind != LoopKind.For || loop.IterableSpan is not { } iterable)
        {
            return;
        }

        var text = context.TextOf(iterable).Trim();
        if (text.Length < 2 || text[0] != '[')
        {
            return;
        }

        var comprehension = loop.Children.OfType<LoopNode>()
            .FirstOrDefault(c => c.LoopKind == LoopKind.Comprehension && c.Comprehension == ComprehensionKind.List && context.TextOf(c.Span).Trim() == text);
        if (comprehension is null)
        {
            return;
        }

        context.Report(
            comprehension,
            $"{PythonCode.DescribeLoop(loop)} iterates a list comprehension built only for this one pass.",
            $"Iterate a generator expression instead — parentheses for brackets: `for {loop.Target} in ({PythonCode.Shorten(text[1..^1], 50)}):`.",
            Confidence.Medium,
            "A generator computes each element as the loop asks for it; no list of N elements is built.",
            occurrences: n,
            occurrencesAssumed: true,
            occurrenceAssumption: $"the comprehension builds {Cost.CostText.Count(n)} items",
            savesOnlyMemory: true);
    }

    /// <summary>
    /// The loop that iterates the list bound by <paramref name="assignment"/>, when that is the name's
    /// only use in its function after the binding; otherwise null.
    /// </summary>
    private static LoopNode? SingleIterationOf(RuleContext context, AssignmentNode assignment)
    {
        if (assignment.Targets.Count != 1 || assignment.Operator != "=" || assignment.EnclosingFunction() is not { } function
            || assignment.IsInLoop())
        {
            return null;
        }

        var name = assignment.Targets[0].Trim();
        if (!PythonCode.IsDottedName(name) || name.Contains('.', StringComparison.Ordinal) || PythonCode.NearestBindings(assignment, name).Count != 1)
        {
            return null;
        }

        var tree = context.Tree;
        var tokens = PythonCode.Tokens(tree);
        var uses = PythonCode.NameOccurrences(tree, TextSpan.FromBounds(assignment.Span.End, function.Span.End), name);
        if (uses.Count != 1 || PythonCode.NameOccurrences(tree, function.Span, name).Count != 2)
        {
            return null;
        }

        // The consuming loop must itself run once (inside another loop the list would be iterated many
        // times) and must come right after the binding: with statements in between, or a body that
        // touches what the list was built from, the eager list can be what the code relies on
        // (processes started before any is waited for, keys collected before deleting them).
        var use = tokens[uses[0]];
        var consumer = NodesByType.Of<LoopNode>(tree).FirstOrDefault(l => l.IterableSpan is { } it && context.TextOf(it).Trim() == name
            && it.Contains(use.Span) && l.EnclosingFunction() == function && !l.IsInLoop());
        if (consumer is null || !IsNextStatement(tokens, assignment, consumer))
        {
            return null;
        }

        var sources = assignment.Children.OfType<LoopNode>().Where(l => l.IterableSpan is not null)
            .SelectMany(l => PythonCode.NamesIn(tree, l.IterableSpan!.Value)).ToHashSet(StringComparer.Ordinal);
        sources.UnionWith(assignment.Children.OfType<CallNode>().Where(c => c.ReceiverSpan is not null).SelectMany(c => PythonCode.NamesIn(tree, c.ReceiverSpan!.Value)));
        var body = consumer.IterableSpan is { } iterable ? TextSpan.FromBounds(iterable.End, consumer.Span.End) : consumer.Span;
        return consumer.LoopKind == LoopKind.For && PythonCode.NamesIn(tree, body).Overlaps(sources) ? null : consumer;
    }

    private static bool IsNextStatement(Languages.Python.PythonTokenList tokens, AssignmentNode assignment, LoopNode consumer)
    {
        if (consumer.LoopKind == LoopKind.Comprehension)
        {
            // A comprehension sits inside the next statement, after its own opening tokens.
            var statementEnd = PythonCode.FirstTokenAtOrAfter(tokens, assignment.Span.End);
            while (statementEnd < tokens.Count && tokens[statementEnd].Kind is not K.Newline)
            {
                statementEnd++;
            }

            var nextStatement = statementEnd + 1;
            while (nextStatement < tokens.Count && tokens[nextStatement].Kind is K.Indent or K.Dedent or K.NonLogicalNewline)
            {
                nextStatement++;
            }

            var line = nextStatement;
            while (line < tokens.Count && tokens[line].Kind is not K.Newline)
            {
                line++;
            }

            return nextStatement < tokens.Count && tokens[nextStatement].Start <= consumer.Span.Start && (line >= tokens.Count || tokens[line].Start >= consumer.Span.End);
        }

        // Between the binding and the loop only layout, or inert statements that set a name to a literal
        // (`errors = 0`, `seen = []`): a counter set up for the loop changes nothing the list could be relied on
        // for. With such statements the loop must stay at the binding's level (no block closed in between,
        // e.g. a `with` whose file the loop could no longer read).
        var inert = false;
        var dedent = false;
        for (var i = PythonCode.FirstTokenAtOrAfter(tokens, assignment.Span.End); i < tokens.Count && tokens[i].Start < consumer.Span.Start; i++)
        {
            var kind = tokens[i].Kind;
            if (kind is K.Newline or K.NonLogicalNewline or K.Indent)
            {
                continue;
            }

            if (kind == K.Dedent)
            {
                dedent = true;
            }
            else if (InertStatementEnd(tokens, i) is { } end)
            {
                inert = true;
                i = end;
            }
            else
            {
                return false;
            }
        }

        return !(inert && dedent);
    }

    /// <summary>The index of the NEWLINE ending <c>name = literal</c> starting at <paramref name="i"/>, or null for any other statement.</summary>
    private static int? InertStatementEnd(Languages.Python.PythonTokenList tokens, int i)
    {
        if (i + 3 >= tokens.Count || tokens[i].Kind != K.Name || tokens[i + 1].Kind != K.Equal)
        {
            return null;
        }

        var value = i + 2;
        var next = tokens[value].Kind switch
        {
            K.Number or K.StringLiteral or K.NoneKeyword or K.TrueKeyword or K.FalseKeyword => value + 1,
            K.LeftBracket when tokens[value + 1].Kind == K.RightBracket => value + 2,
            K.LeftBrace when tokens[value + 1].Kind == K.RightBrace => value + 2,
            K.LeftParen when tokens[value + 1].Kind == K.RightParen => value + 2,
            _ => -1,
        };
        return next > 0 && next < tokens.Count && tokens[next].Kind == K.Newline ? next : null;
    }

    private static bool IsReturned(RuleContext context, LoopNode comprehension) =>
        PythonCode.TokenBefore(context.Tree, comprehension.Span.Start) is { Kind: K.ReturnKeyword };
}
