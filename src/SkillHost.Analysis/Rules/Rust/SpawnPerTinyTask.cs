using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS006: an async task spawned per item of a loop for work smaller than the spawn itself.</summary>
public sealed class SpawnPerTinyTask : Rule
{
    private static readonly HashSet<string> SpawnCallees = new(StringComparer.Ordinal)
    {
        "tokio::spawn", "tokio::task::spawn", "task::spawn", "spawn_local", "tokio::task::spawn_local", "task::spawn_local",
        "async_std::task::spawn", "smol::spawn",
    };

    public static RuleDescriptor Info { get; } = new(
        "RS006",
        "rust/excessive-spawn",
        nameof(SpawnPerTinyTask),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `tokio::spawn` (`task::spawn`, `spawn_local`) inside a loop or iterator closure when the spawned future is tiny: an async block without calls, or a single call per item.",
        WhyBad: "Each spawn allocates a task and goes through the scheduler; for work cheaper than that, the program spends more time scheduling than working.",
        Example: "let handles: Vec<_> = values.iter().map(|&v| tokio::spawn(async move { v * v })).collect();",
        UseInstead: "let out: Vec<u64> = values.iter().map(|&v| v * v).collect();\n// for real work: spawn one task per chunk, not per item",
        CostOperation: "tokio task spawn");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var call in context.Nodes<CallNode>())
        {
            if (call.IsMethodCall || !SpawnCallees.Contains(call.Callee) || call.Arguments.Count != 1)
            {
                continue;
            }

            var loops = call.HotLoops();
            if (loops.Count == 0 || call.IsTestCode())
            {
                continue;
            }

            // Accept loops (`loop { let socket = listener.accept().await; spawn(…) }`) spawn per connection on purpose.
            var overItems = loops[0].LoopKind is LoopKind.For or LoopKind.IteratorClosure;
            var work = Work(context, call);
            if (work is null || work.Value.Calls > 1 || work.Value.HasLoop || !overItems && work.Value.Calls > 0)
            {
                continue;
            }

            var tiny = work.Value.Calls == 0;
            var body = RustCode.Short(context.TextOf(call.Arguments[0].Span));
            context.Report(
                call,
                tiny
                    ? $"`{call.Callee}` spawns a task per iteration of {RustCode.Describe(loops[0])} for `{body}`, which does no calls at all: the spawn costs more than the work"
                    : $"`{call.Callee}` spawns a task per iteration of {RustCode.Describe(loops[0])} for a single call (`{body}`)",
                tiny
                    ? "do the work inline (or in one `spawn_blocking` per chunk if it is CPU-heavy)"
                    : "if each call is short, run them in the current task (`futures::future::join_all` for concurrency without a task each), or spawn one task per chunk of items",
                tiny ? Confidence.High : Confidence.Low,
                "Saves a task allocation and a scheduler round trip per item.");
        }
    }

    private readonly record struct SpawnedWork(int Calls, bool HasLoop);

    private static SpawnedWork? Work(RuleContext context, CallNode spawn)
    {
        var argument = spawn.Arguments[0];
        if (argument.Shape == ExpressionShape.Closure)
        {
            var block = spawn.Children.OfType<ClosureNode>().FirstOrDefault(c => c.Span == argument.Span || argument.Span.Contains(c.Span));
            if (block is null || !block.IsAsync)
            {
                return null;
            }

            var calls = block.Descendants<CallNode>().Count(c => c.Parent is not CallNode || c.Parent is CallNode parent && parent.ReceiverCall != c);
            var macros = block.Descendants<MacroCallNode>().Count(m => m.Name is not ("vec" or "format"));
            return new SpawnedWork(calls + macros, block.Descendants<LoopNode>().Any());
        }

        // `spawn(work(x))`: a single call per item.
        _ = context;
        return argument.Shape == ExpressionShape.Call ? new SpawnedWork(1, false) : null;
    }
}
