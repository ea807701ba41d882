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
        WhatItDoes: "Flags blocking calls in the body of an `async def`: `open`, `time.sleep`, `requests.*`, `urllib.request.urlopen`, sync `httpx`, `subprocess.*`, `os.system`, `os.path`/`os`/`shutil` file-system calls and pathlib reads and writes. Calls inside a nested plain `def`, a lambda, or handed to `run_in_executor`/`asyncio.to_thread` are not flagged.",
        WhyBad: "The event loop runs one coroutine at a time; a blocking call stops every other task until it returns, so one slow disk or network call stalls the whole service.",
        Example: "import requests\n\n\nasync def refresh_token(session_store, user_id):\n    reply = requests.post(TOKEN_URL, data={\"user\": user_id}, timeout=5)\n    await session_store.save(user_id, reply.json()[\"token\"])",
        UseInstead: "async def refresh_token(http, session_store, user_id):\n    reply = await http.post(TOKEN_URL, data={\"user\": user_id}, timeout=5)\n    await session_store.save(user_id, reply.json()[\"token\"])",
        CostOperation: "Read 4 KB from SSD",
        NeedsRepetition: false);

    // Module functions that block, by module, with the async replacement to suggest.
    private static readonly Dictionary<string, (string[] Functions, string Fix, Confidence Confidence)> Modules = new(StringComparer.Ordinal)
    {
        ["time"] = (["sleep"], "use `await asyncio.sleep(…)`", Confidence.High),
        ["requests"] = (["get", "post", "put", "patch", "delete", "head", "options", "request"], "use an async HTTP client (`httpx.AsyncClient`, aiohttp) and `await` it", Confidence.High),
        ["httpx"] = (["get", "post", "put", "patch", "delete", "head", "options", "request", "stream"], "use `httpx.AsyncClient` and `await` its methods", Confidence.High),
        ["urllib.request"] = (["urlopen", "urlretrieve"], "use an async HTTP client, or `await asyncio.to_thread(urllib.request.urlopen, …)`", Confidence.High),
        ["subprocess"] = (["run", "call", "check_call", "check_output", "getoutput", "getstatusoutput", "Popen"], "use `await asyncio.create_subprocess_exec(…)`", Confidence.High),
        ["os"] = (["system", "popen", "listdir", "scandir", "walk", "stat", "remove", "unlink", "rename", "replace", "makedirs", "mkdir", "rmdir", "removedirs"], "move it off the event loop: `await asyncio.to_thread(…)`", Confidence.Medium),
        ["os.path"] = (["exists", "isfile", "isdir", "getsize", "getmtime", "getctime", "getatime", "lexists", "samefile", "islink"], "move it off the event loop: `await asyncio.to_thread(…)` (or check once outside the async path)", Confidence.Medium),
        ["shutil"] = (["copy", "copy2", "copyfile", "copytree", "rmtree", "move", "make_archive", "unpack_archive"], "move it off the event loop: `await asyncio.to_thread(shutil…, …)`", Confidence.Medium),
    };

    // Network calls are priced as the skill's same-datacenter round trip (a floor: a real HTTP call costs more),
    // not as the rule's default file read.
    private const string NetworkOperation = "Round trip within the same datacenter";

    private static readonly HashSet<string> NetworkModules = new(StringComparer.Ordinal) { "requests", "httpx", "urllib.request" };

    // pathlib methods with no other common meaning; checks like exists()/stat() are too generic to trust.
    private static readonly HashSet<string> PathMethods = new(StringComparer.Ordinal) { "read_text", "write_text", "read_bytes", "write_bytes" };

    private static readonly HashSet<string> Offloaders = new(StringComparer.Ordinal) { "run_in_executor", "to_thread", "run_sync", "submit" };

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
            if (call.EnclosingFunction() is not { IsAsync: true } function || PythonCode.IsInLambda(call) || IsOffloaded(call) || IsAwaited(context, call)
                || Classify(call) is not { } blocking)
            {
                continue;
            }

            var cost = Cost(context, call, blocking.Module);

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
                edits: blocking.Module == "time" ? AsyncSleep(context, call) : null);
        }
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
    private static OperationCost? Cost(RuleContext context, CallNode call, string? module)
    {
        if (module is not null && NetworkModules.Contains(module))
        {
            return OperationCost.Row(NetworkOperation);
        }

        if (module == "time" && call.Name == "sleep" && call.Arguments is [{ Shape: ExpressionShape.NumberLiteral, Name: null } seconds]
            && double.TryParse(context.TextOf(seconds.Span).Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value > 0 && double.IsFinite(value))
        {
            var text = context.TextOf(seconds.Span).Trim();
            return OperationCost.Known(value * 1e9, $"`time.sleep({text})` blocks for {text} s by itself");
        }

        return null;
    }

    /// <summary>True for a call that blocks on a file, the network, a process or a timer (what the rule flags in an <c>async def</c>), wherever it stands.</summary>
    internal static bool Blocks(CallNode call) => Classify(call) is not null;

    private static (string Fix, Confidence Confidence, string? Module)? Classify(CallNode call)
    {
        var callee = call.Callee;
        if (callee == "open" && !call.IsMethodCall && PythonCode.NearestBindings(call, "open").Count == 0)
        {
            return ("read or write the file with `aiofiles`, or do the file work in `await asyncio.to_thread(…)`", Confidence.Medium, null);
        }

        if (call.IsMethodCall && PathMethods.Contains(call.Name) && call.Arguments.Count <= 2)
        {
            return ($"`await asyncio.to_thread({(call.ReceiverSpan is { } r ? PythonCode.Shorten(call.Tree.Source.ToString(r), 30) : "path")}.{call.Name}, …)` or `aiofiles`", Confidence.Medium, null);
        }

        var dot = callee.LastIndexOf('.');
        if (dot > 0 && PythonCode.IsDottedName(callee))
        {
            var module = callee[..dot];
            if (Modules.TryGetValue(module, out var entry) && entry.Functions.Contains(call.Name) && IsModule(call, module))
            {
                return (entry.Fix, entry.Confidence, module);
            }

            if (module is "requests" or "httpx" && call.Name is "Session" or "Client" && IsModule(call, module))
            {
                // Creating a client is not itself a request: the default (file-read) price stays.
                return (module == "httpx" ? "use `httpx.AsyncClient`" : "use an async HTTP client session (`httpx.AsyncClient`, `aiohttp.ClientSession`)", Confidence.High, null);
            }

            return null;
        }

        // `from time import sleep`, `from subprocess import run`, `from urllib.request import urlopen`.
        if (dot < 0 && !call.IsMethodCall && PythonCode.IsDottedName(callee))
        {
            foreach (var binding in PythonCode.NearestBindings(call, callee))
            {
                if (binding.Node is ImportNode { Module: { } from } import && Modules.TryGetValue(from, out var entry)
                    && import.Names.Any(n => n.BoundName == callee && entry.Functions.Contains(n.Name)))
                {
                    return (entry.Fix, entry.Confidence, from);
                }
            }
        }

        return null;
    }

    // `os.path` is usable after `import os` or `import os.path`; `urllib.request` after `import urllib.request`.
    private static bool IsModule(CallNode call, string module)
    {
        var head = module.Split('.')[0];
        var bindings = PythonCode.NearestBindings(call, head);
        return bindings.Count > 0 && bindings.All(b => b.Node is ImportNode { Module: null } import && import.Names.Any(n => n.BoundName == head && (n.Name == head || n.Name.StartsWith(head + ".", StringComparison.Ordinal)) && n.Alias is null));
    }

    private static bool IsOffloaded(CallNode call) =>
        call.Ancestors().TakeWhile(a => a is not FunctionNode).OfType<CallNode>().Any(c => Offloaders.Contains(c.Name));

    // An awaited call is a coroutine (an async library with the same method names), not a blocking one.
    private static bool IsAwaited(RuleContext context, CallNode call) =>
        call.Parent is AwaitNode awaitNode && context.TextOf(awaitNode.ExpressionSpan).Trim() == context.TextOf(call.Span).Trim();
}
