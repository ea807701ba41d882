using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS011: a <c>for</c> loop that awaits one independent call per item, so the calls run one after another.</summary>
public sealed class SequentialAwaitInForLoop : Rule
{
    /// <summary>Awaits that are sequential by nature: streams, channels, ordered I/O on one connection, timers, locks, transactions.</summary>
    private static readonly HashSet<string> OrderedOperations = new(StringComparer.Ordinal)
    {
        "send", "recv", "next", "try_next", "write", "write_all", "read", "read_exact", "read_to_end", "read_line", "flush", "lock", "acquire",
        "sleep", "tick", "accept", "shutdown", "close", "commit", "rollback", "execute", "wait", "changed", "notified", "join", "send_all", "feed",
    };

    public static RuleDescriptor Info { get; } = new(
        "RS011",
        "rust/sequential-await",
        nameof(SequentialAwaitInForLoop),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `for item in items { … call(item).await … }` in async code when the awaited call takes the loop item and is not an ordered operation (channel, stream, socket write, timer, lock, transaction) and nothing carries from one iteration to the next.",
        WhyBad: "Each iteration waits for its call to finish before the next one starts, so N independent requests take the sum of their latencies instead of roughly the longest one.",
        Example: "async fn probe_all(hosts: &[Host]) -> Vec<Health> {\n    let mut report = Vec::with_capacity(hosts.len());\n    for host in hosts {\n        report.push(probe(host).await);\n    }\n    report\n}",
        UseInstead: "async fn probe_all(hosts: &[Host]) -> Vec<Health> {\n    futures::future::join_all(hosts.iter().map(probe)).await\n    // bounded: stream::iter(hosts).map(probe).buffer_unordered(16).collect().await\n}",
        CostOperation: "Round trip within the same datacenter",
        TechniqueSection: "Run independent awaits concurrently");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reported = new HashSet<LoopNode>();
        foreach (var await in context.Nodes<AwaitNode>())
        {
            var loop = await.HotLoops().FirstOrDefault();
            if (loop is not { LoopKind: LoopKind.For } || !await.IsInAsyncContext() || reported.Contains(loop) || await.IsTestCode())
            {
                continue;
            }

            var call = await.Children.OfType<CallNode>().FirstOrDefault(c => c.Span == await.ExpressionSpan);
            if (call is null || IsOrdered(call) || ChainHasOrderedOperation(call))
            {
                continue;
            }

            var items = RustCode.LoopVariables(loop).ToHashSet(StringComparer.Ordinal);
            var arguments = context.TextOf(await.ExpressionSpan);
            if (items.Count == 0 || !items.Any(i => MentionsName(arguments, i)) || CarriesState(context, loop, await))
            {
                continue;
            }

            reported.Add(loop);
            context.Report(
                await,
                $"`{RustCode.Short(arguments)}.await` runs once per item of {RustCode.Describe(loop)}, each call waiting for the previous one to finish",
                "start the calls together: `futures::future::join_all(items.iter().map(|item| call(item))).await`, or `stream::iter(items).map(call).buffer_unordered(N)` to bound how many are in flight",
                Confidence.Medium,
                "Total latency drops from the sum of the calls to about the slowest one (or N-way parallel with a bound).");
        }
    }

    // A channel's `tx.send(item)` takes the item; an HTTP builder's `.send()` takes nothing and is a request.
    private static bool IsOrdered(CallNode call) => OrderedOperations.Contains(call.Name) && !(call is { Name: "send", Arguments.Count: 0, ReceiverCall: not null });

    private static bool ChainHasOrderedOperation(CallNode call)
    {
        for (var c = call.ReceiverCall; c is not null; c = c.ReceiverCall)
        {
            if (IsOrdered(c))
            {
                return true;
            }
        }

        return false;
    }

    // `state = step(state).await`, or a `break`/`return` deciding on the result: iterations depend on each other.
    private static bool CarriesState(RuleContext context, LoopNode loop, AwaitNode await)
    {
        if (await.Parent is AssignmentNode { Operator: not "let" } assignment && assignment.Targets.Any(t => MentionsName(context.TextOf(await.ExpressionSpan), RustCode.RootName(t))))
        {
            return true;
        }

        var tokens = RustTokens.Of(context.Tree);
        for (var i = tokens.IndexAt(loop.Span.Start); i < tokens.Count && tokens[i].Start < loop.Span.End; i++)
        {
            if (tokens.Kind(i) is Languages.Rust.RustTokenKind.Break or Languages.Rust.RustTokenKind.Return)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsName(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + name.Length >= text.Length ? ' ' : text[at + name.Length];
            if (!char.IsLetterOrDigit(before) && before != '_' && before != '.' && !char.IsLetterOrDigit(after) && after != '_')
            {
                return true;
            }
        }

        return false;
    }
}
