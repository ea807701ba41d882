using System.Globalization;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY009: a blocking call (file, network, process, sleep) made directly in the body of an <c>async def</c>.</summary>
public sealed class BlockingCallInAsyncFunction : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY009",
        "python/sync-io-in-async",
        nameof(BlockingCallInAsyncFunction),
        SourceLanguage.Python,
        WhatItDoes: "Flags blocking calls in the body of an `async def`, wherever they stand (a loop only raises their rank): `time.sleep`; HTTP through `requests`, `httpx`, `urllib3` and `urllib.request`, and the methods of receivers typed or built as `httpx.Client`, `requests.Session` or a urllib3 pool (`client: httpx.Client | None` included); processes (`subprocess.*`, `os.system`, `os.popen`, `os.spawn*`, `os.wait*`); `open()` and the methods of the file it returns; `os.path` and `os` calls that ask the file system, `shutil`, and `pathlib.Path` I/O methods; `input()`. Names are resolved through the imports. A call to a plain `def` of the same file (by name or `self.method`) that makes such a call itself, or through one more helper, blocks just the same and is flagged at the call in the `async def`. Calls inside a nested plain `def`, a lambda, or handed to `run_in_executor`/`asyncio.to_thread` are not flagged.",
        WhyBad: "The event loop runs one coroutine at a time; a blocking call stops every other task until it returns, so one slow disk or network call stalls the whole service.",
        Example: "import requests\n\n\nasync def refresh_token(session_store, user_id):\n    reply = requests.post(TOKEN_URL, data={\"user\": user_id}, timeout=5)\n    await session_store.save(user_id, reply.json()[\"token\"])",
        UseInstead: "async def refresh_token(http, session_store, user_id):\n    reply = await http.post(TOKEN_URL, data={\"user\": user_id}, timeout=5)\n    await session_store.save(user_id, reply.json()[\"token\"])",
        CostOperation: "Read 4 KB from SSD",
        NeedsRepetition: false);

    // Network calls are priced as the skill's same-datacenter round trip (a floor: a real HTTP call costs more),
    // not as the rule's default file read.
    private const string NetworkOperation = "Round trip within the same datacenter";

    private static readonly HashSet<string> Offloaders = new(StringComparer.Ordinal) { "run_in_executor", "to_thread", "run_sync", "submit", "wrap_file" };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Async tests block on purpose (to simulate a busy loop) and do not serve traffic.
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        foreach (var call in context.Nodes<CallNode>())
        {
            if (call.EnclosingFunction() is not { IsAsync: true } function || PythonCode.IsInLambda(call) || IsOffloaded(call))
            {
                continue;
            }

            if (Classify(context, call) is not { } blocking)
            {
                ReportThroughHelper(context, call, function);
                continue;
            }

            var cost = Cost(context, call, blocking);

            context.Report(
                call,
                $"`{PythonCode.Shorten(context.TextOf(call.Span), 50)}` blocks inside `async def {function.Name}`: the event loop and every other task wait until it returns.",
                $"Make it non-blocking: {blocking.Fix}.",
                blocking.Confidence,
                cost?.Operation == NetworkOperation
                    ? "Every other coroutine keeps running while the request is in flight; the call no longer adds its latency to all of them (a same-datacenter round trip is the floor: a real HTTP call costs more)."
                    : "Every other coroutine keeps running while the I/O waits; the call no longer adds its latency to all of them.",
                call.CalleeSpan.IsEmpty ? null : TextSpan.FromBounds(call.CalleeSpan.Start, call.Span.End),
                cost: cost,
                edits: blocking.QualifiedName == "time.sleep" ? AsyncSleep(context, call) : null);
        }
    }

    /// <summary>
    /// A plain <c>def</c> of this file called from the <c>async def</c> (by name, or as <c>self.method</c>) that blocks itself, or
    /// through one more such helper: the event loop waits just the same. Reported at the call in the <c>async def</c>, which is
    /// where the fix goes (await an async version, or hand the helper to <c>asyncio.to_thread</c>).
    /// </summary>
    private static void ReportThroughHelper(RuleContext context, CallNode call, FunctionNode function)
    {
        if (SyncHelper(call) is not { } helper || BlockingInside(context, helper, depth: 0, [function]) is not { } found)
        {
            return;
        }

        var (inner, blocking, chain) = found;
        var path = string.Join(" → ", chain.Select(f => $"`{f.Name}` (line {f.Start.Line})"));
        context.Report(
            call,
            $"`{PythonCode.Shorten(context.TextOf(call.Span), 50)}` blocks inside `async def {function.Name}`: {path} calls `{PythonCode.Shorten(context.TextOf(inner.Span), 40)}` (line {inner.Start.Line}), and the event loop and every other task wait until it returns.",
            $"Make the helper non-blocking ({blocking.Fix}) and `await` it, or call it as `await asyncio.to_thread({helper.Name}, …)`.",
            blocking.Confidence == Confidence.High ? Confidence.Medium : blocking.Confidence,
            "Every other coroutine keeps running while the helper's I/O waits; the call no longer adds its latency to all of them.",
            call.CalleeSpan.IsEmpty ? null : TextSpan.FromBounds(call.CalleeSpan.Start, call.Span.End),
            cost: Cost(context, inner, blocking));
    }

    private static (CallNode Inner, BlockingCalls.Blocking Blocking, List<FunctionNode> Chain)? BlockingInside(RuleContext context, FunctionNode helper, int depth, HashSet<FunctionNode> seen)
    {
        if (!seen.Add(helper))
        {
            return null;
        }

        foreach (var inner in helper.Descendants<CallNode>())
        {
            if (inner.EnclosingFunction() != helper || PythonCode.IsInLambda(inner) || IsOffloaded(inner))
            {
                continue; // a nested def or lambda runs later, if at all
            }

            if (Classify(context, inner) is { } blocking)
            {
                return (inner, blocking, [helper]);
            }

            if (depth == 0 && SyncHelper(inner) is { } next && BlockingInside(context, next, depth + 1, seen) is { } deeper)
            {
                return (deeper.Inner, deeper.Blocking, [helper, .. deeper.Chain]);
            }
        }

        return null;
    }

    // The plain (not async, not generator) function of this file a call reaches: a module-level name bound once to a `def`,
    // or `self.name` where the enclosing class defines exactly one method of that name.
    private static FunctionNode? SyncHelper(CallNode call)
    {
        FunctionNode? target = null;
        if (PythonCode.IsDottedName(call.Callee) && !call.Callee.Contains('.', StringComparison.Ordinal))
        {
            var bindings = PythonCode.NearestBindings(call, call.Callee);
            target = bindings.Count == 1 && bindings[0].Node is FunctionNode { IsMethod: false } f ? f : null;
        }
        else if (call.Callee.Split('.') is ["self", var name] && call.EnclosingType() is { } type)
        {
            var methods = type.Children.OfType<FunctionNode>().Where(f => f.Name == name).ToList();
            target = methods.Count == 1 && !methods[0].HasAttribute("staticmethod") && !methods[0].HasAttribute("classmethod") && !methods[0].HasAttribute("property") ? methods[0] : null;
        }

        return target is { IsAsync: false, IsGenerator: false } ? target : null;
    }

    /// <summary>
    /// `time.sleep(x)` → `await asyncio.sleep(x)`, with `import asyncio` beside the import of `time` when the file lacks it.
    /// None where that would change meaning or not compile: in a generator expression (`await` would make it an async
    /// generator), with other than one positional argument, or when the import has no line of its own to go beside.
    /// </summary>
    private static Replacement[]? AsyncSleep(RuleContext context, CallNode call)
    {
        if (call.Name != "sleep" || call.CalleeSpan.IsEmpty || call.Arguments is not [{ Name: null, IsUnpacked: false }]
            || call.Ancestors().TakeWhile(a => a is not FunctionNode).Any(a => a is LoopNode { Comprehension: ComprehensionKind.Generator }))
        {
            return null;
        }

        var asyncio = PythonCode.NearestBindings(call, "asyncio");
        if (asyncio.Count > 0 && !asyncio.All(b => b.Node is ImportNode { Module: null } import && import.Names.Any(n => n is { Name: "asyncio", Alias: null })))
        {
            return null; // `asyncio` names something else here
        }

        var sleep = new Replacement(call.CalleeSpan, "await asyncio.sleep");
        if (asyncio.Count > 0)
        {
            return [sleep];
        }

        // The statement that imports `time` (or `sleep` from it) must start its line: `import asyncio` goes on a line of its own before it.
        var head = call.Callee.Split('.')[0];
        if (PythonCode.NearestBindings(call, head).Select(b => b.Node).OfType<ImportNode>().FirstOrDefault() is not { } timeImport)
        {
            return null;
        }

        var text = context.Tree.Source.Text;
        var lineStart = timeImport.Span.Start;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        if (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            return null;
        }

        var indent = text[lineStart..timeImport.Span.Start];
        return [Replacement.Insert(lineStart, indent + "import asyncio" + context.Tree.Source.LineBreak), sleep];
    }

    /// <summary>The per-execution cost when the rule's default row (a file read) does not fit: a network round trip, or a sleep's own length.</summary>
    private static OperationCost? Cost(RuleContext context, CallNode call, BlockingCalls.Blocking blocking)
    {
        if (blocking.Network)
        {
            return OperationCost.Row(NetworkOperation);
        }

        if (blocking.QualifiedName == "time.sleep" && call.Arguments is [{ Shape: ExpressionShape.NumberLiteral, Name: null } seconds]
            && double.TryParse(context.TextOf(seconds.Span).Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value > 0 && double.IsFinite(value))
        {
            var text = context.TextOf(seconds.Span).Trim();
            return OperationCost.Known(value * 1e9, $"`time.sleep({text})` blocks for {text} s by itself");
        }

        return null;
    }

    /// <summary>True for a call to a module function that blocks on a file, the network, a process or a timer (what the rule flags in an <c>async def</c>), wherever it stands.</summary>
    internal static bool Blocks(CallNode call) => BlockingCalls.ClassifyFunction(call) is not null;

    // A module function resolved through the imports blocks even when awaited (awaiting it fails at run time); a builtin
    // or a method may be an async library's coroutine of the same name, so an awaited one is left alone.
    private static BlockingCalls.Blocking? Classify(RuleContext context, CallNode call)
    {
        if (BlockingCalls.ClassifyFunction(call) is { } function)
        {
            return function.QualifiedName.StartsWith("builtins.", StringComparison.Ordinal) && IsAwaited(context, call) ? null : function;
        }

        if (IsAwaited(context, call) || BlockingCalls.ClassifyMethod(call) is not { } method)
        {
            return null;
        }

        // `with open(p) as f: f.read()`: the `open` is the finding, and its fix covers the reads and writes; a file method
        // is its own finding only where the function opens no file itself (a file passed in, kept on `self`, captured).
        return method.QualifiedName.StartsWith("io.", StringComparison.Ordinal) && OpensAFile(call) ? null : method;
    }

    private static bool OpensAFile(CallNode call) =>
        call.EnclosingFunction() is { } function && function.Descendants().OfType<CallNode>().Any(c => c.EnclosingFunction() == function
            && BlockingCalls.ClassifyFunction(c) is { QualifiedName: "builtins.open" or "io.open" or "io.open_code" or "os.fdopen" });

    private static bool IsOffloaded(CallNode call) =>
        call.Ancestors().TakeWhile(a => a is not FunctionNode).OfType<CallNode>().Any(c => Offloaders.Contains(c.Name));

    // An awaited call is a coroutine (an async library with the same method names), not a blocking one.
    private static bool IsAwaited(RuleContext context, CallNode call) =>
        call.Parent is AwaitNode awaitNode && context.TextOf(awaitNode.ExpressionSpan).Trim() == context.TextOf(call.Span).Trim();
}
