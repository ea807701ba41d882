using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY005: <c>await call(item)</c> once per iteration of a loop, where the calls do not depend on one another.</summary>
public sealed class SequentialAwaitInLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY005",
        "python/sequential-await",
        nameof(SequentialAwaitInLoop),
        SourceLanguage.Python,
        WhatItDoes: "Flags `await f(item)` inside a `for` loop or comprehension of an async function when the awaited call does not use a result awaited earlier in the loop and the loop never stops early on a result.",
        WhyBad: "Each await waits for the previous one to finish, so N independent I/O calls take the sum of their latencies where running them concurrently would take about the longest one.",
        Example: "async def collect_quotes(carriers, parcel):\n    quotes = []\n    for carrier in carriers:\n        quotes.append(await carrier.quote(parcel))\n    return quotes",
        UseInstead: "import asyncio\n\n\nasync def collect_quotes(carriers, parcel):\n    return await asyncio.gather(*(carrier.quote(parcel) for carrier in carriers))",
        CostOperation: "Round trip within the same datacenter");

    // Awaits that are sequential by nature: pacing, synchronisation, queues and streams, ordered
    // writes, transactions on one connection, and awaits that already combine concurrent work.
    private static readonly HashSet<string> OrderedOperations = new(StringComparer.Ordinal)
    {
        "sleep", "get", "put", "get_nowait", "put_nowait", "acquire", "release", "wait", "wait_for", "join", "drain",
        "send", "sendall", "send_bytes", "send_json", "send_text", "sendto", "write", "writelines", "flush", "close", "aclose",
        "read", "readline", "readexactly", "readuntil", "recv", "recv_into", "receive", "receive_json", "receive_text", "receive_bytes",
        "commit", "rollback", "execute", "executemany", "executescript", "fetch", "fetchone", "fetchall", "fetchmany", "fetchrow", "fetchval",
        "cancel", "shutdown", "wait_closed", "start", "stop", "gather", "shield", "as_completed", "__anext__", "asend", "athrow",
        "sock_recv", "sock_sendall", "sock_connect", "sock_accept", "sock_recv_into", "sock_sendfile", "sock_recvfrom", "sock_sendto",
        "run_in_executor", "to_thread", "create_task", "ensure_future", "wait_until", "next", "anext",
    };

    private static readonly string[] OrderedPrefixes = ["close", "finalize", "cleanup", "bind", "shutdown", "release", "unlock", "consume", "drain", "flush"];

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        var reported = new HashSet<LoopNode>();
        foreach (var awaitNode in context.Nodes<AwaitNode>())
        {
            if (!awaitNode.IsInAsyncContext() || PythonCode.InnermostLoop(awaitNode) is not { } loop || reported.Contains(loop)
                || loop.IsAsync || loop.LoopKind is not (LoopKind.For or LoopKind.Comprehension)
                || AwaitedCall(context, awaitNode) is not { } call || IsOrdered(call)
                || IsConnectionLike(context, call) || StopsEarly(context, loop) || DependsOnEarlierAwait(context, loop, call) || SharesCacheAcrossPasses(context, loop))
            {
                continue;
            }

            // Only awaits whose results the loop collects: those are independent requests. A bare
            // `await x.do(item)` statement is a side effect whose order may matter (binding, closing,
            // finalising, consuming), which the code does not tell us.
            var collected = loop.LoopKind == LoopKind.Comprehension || awaitNode.Parent is AssignmentNode
                || awaitNode.Parent is CallNode { IsMethodCall: true, Name: "append" or "add" or "extend" or "appendleft" };
            if (!collected || OrderedPrefixes.Any(p => call.Name.TrimStart('_').StartsWith(p, StringComparison.Ordinal)) || call.Name.Contains("to_list", StringComparison.Ordinal))
            {
                continue;
            }

            reported.Add(loop);
            var callText = PythonCode.Shorten(context.TextOf(call.Span), 50);
            context.Report(
                awaitNode,
                $"`await {callText}` runs once per iteration of {PythonCode.DescribeLoop(loop)}, each call waiting for the previous one although none uses another's result.",
                loop.LoopKind == LoopKind.Comprehension
                    ? $"Start the calls together: `await asyncio.gather(*({callText} for …))`; bound the concurrency with an `asyncio.Semaphore` if N can be large."
                    : $"Collect the coroutines and await them together: `results = await asyncio.gather(*({callText} for {loop.Target} in …))` (or an `asyncio.TaskGroup`); bound the concurrency with an `asyncio.Semaphore` if N can be large.",
                loop.LoopKind == LoopKind.Comprehension || awaitNode.Parent is CallNode ? Confidence.High : Confidence.Medium,
                "Concurrent waits cost about the longest single wait instead of the sum of N waits.");
        }
    }

    // `get` is a queue's (ordered, no positional argument) or an HTTP client's (`await client.get(url)`: an
    // independent request per item).
    private static bool IsOrdered(CallNode call) =>
        OrderedOperations.Contains(call.Name) && !(call.Name == "get" && call.Arguments.Any(a => a.Name is null && !a.IsUnpacked));

    /// <summary>The call awaited directly (<c>await f(x)</c>, <c>await obj.m(x)</c>); null for <c>await fut</c>, which is already running.</summary>
    private static CallNode? AwaitedCall(RuleContext context, AwaitNode awaitNode)
    {
        var expression = Trimmed(context.Tree.Source.Text, awaitNode.ExpressionSpan);
        return awaitNode.Children.OfType<CallNode>().FirstOrDefault(c => Trimmed(context.Tree.Source.Text, c.Span) == expression);
    }

    private static TextSpan Trimmed(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    private static readonly string[] ResourceWords = ["conn", "cursor", "lock", "queue", "transaction", "semaphore", "stream", "writer", "reader", "websocket"];

    // A database connection or cursor runs one statement at a time: concurrency does not apply. Read from the receiver's
    // names and, when its first name is a parameter with a declared type, from that type (`db: asyncpg.Connection`).
    private static bool IsConnectionLike(RuleContext context, CallNode call)
    {
        if (call.ReceiverSpan is not { } receiver)
        {
            return false;
        }

        var words = new List<string>();
        var tokens = PythonCode.Tokens(context.Tree);
        for (var i = PythonCode.FirstTokenAtOrAfter(tokens, receiver.Start); i < tokens.Count && tokens[i].End <= receiver.End; i++)
        {
            if (tokens[i].Kind == K.Name)
            {
                words.Add(context.Tree.Source.Text.Substring(tokens[i].Start, tokens[i].Length).ToLowerInvariant());
            }
        }

        if (words.Count > 0 && PythonCode.NearestBindings(call, words[0]) is [{ Parameter.Type: { } declared }])
        {
            words.Add(declared.ToLowerInvariant());
        }

        return words.Any(w => w is "ws" or "db" || w.EndsWith("db", StringComparison.Ordinal) || ResourceWords.Any(r => w.Contains(r, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The passes share a cache: the loop stores into a mapping by key (`cache[key] = value`) and also tests or reads that
    /// mapping (`key in cache`, `cache.get(key)`). A later pass may be served by an earlier one's result, which awaiting all
    /// the calls together would lose (every duplicate key fetched at once).
    /// </summary>
    private static bool SharesCacheAcrossPasses(RuleContext context, LoopNode loop)
    {
        // Subscript targets bind no name, so the store is read from the text before the value: `cache[key] = …`.
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in loop.Descendants<AssignmentNode>())
        {
            if (assignment is { Operator: "=", ValueSpan: { } value } && value.Start > assignment.Span.Start)
            {
                var target = context.Tree.Source.Text.AsSpan(assignment.Span.Start, value.Start - assignment.Span.Start).Trim();
                var bracket = target.IndexOf('[');
                if (bracket > 0 && target[..bracket].Trim() is var name && name.Length > 0 && !name.ContainsAny(" ,=("))
                {
                    stored.Add(name.ToString());
                }
            }
        }

        if (stored.Count == 0)
        {
            return false;
        }

        return loop.Descendants<ComparisonNode>().Any(c => c.Operator is "in" or "not in" && stored.Contains(context.TextOf(c.RightSpan).Trim()))
            || loop.Descendants<CallNode>().Any(c => c is { IsMethodCall: true, Name: "get" or "setdefault", ReceiverSpan: { } r } && stored.Contains(context.TextOf(r).Trim()));
    }

    // A loop that breaks or returns stops at the first suitable result: the calls are speculative, in order.
    private static bool StopsEarly(RuleContext context, LoopNode loop) =>
        PythonCode.HasKeyword(context.Tree, loop.Span, K.BreakKeyword, loop) || PythonCode.HasKeyword(context.Tree, loop.Span, K.ReturnKeyword, loop);

    // The call reads a name the loop carries from one iteration to the next: assigned from an await,
    // updated in place (`offset += n`), or assigned after the call (a cursor for the next page).
    private static bool DependsOnEarlierAwait(RuleContext context, LoopNode loop, CallNode call)
    {
        var used = PythonCode.NamesIn(context.Tree, call.Span);
        foreach (var assignment in loop.Descendants<AssignmentNode>())
        {
            if (assignment.Targets.Any(t => used.Contains(t.Split('.', '[')[0].Trim()))
                && (assignment.Descendants<AwaitNode>().Any() || assignment.Operator != "=" || assignment.Span.Start > call.Span.Start))
            {
                return true;
            }
        }

        return false;
    }
}
