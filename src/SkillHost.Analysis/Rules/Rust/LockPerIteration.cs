using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS009: a <c>Mutex</c>/<c>RwLock</c> taken on every iteration of a loop.</summary>
public sealed class LockPerIteration : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "RS009",
        "rust/lock-contention",
        nameof(LockPerIteration),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `.lock()`, and `RwLock` `.read()`/`.write()` followed by `unwrap`/`expect`/`?`/`.await`, that run on every iteration of a loop or iterator closure. A lock taken inside a closure handed to `spawn` counts per task, not per iteration of the loop that spawns.",
        WhyBad: "Each acquisition is an atomic read-modify-write even uncontended; with several threads on the same lock, every item becomes a point where they queue and bounce the cache line between cores.",
        Example: "for id in chunk {\n    *totals.lock().unwrap().entry(*id).or_insert(0) += 1;\n}",
        UseInstead: "let mut local: HashMap<u32, u64> = HashMap::new();\nfor id in chunk {\n    *local.entry(*id).or_insert(0) += 1;\n}\nlet mut shared = totals.lock().unwrap();\nfor (id, n) in local {\n    *shared.entry(id).or_insert(0) += n;\n}",
        CostOperation: "Mutex lock/unlock (uncontended)");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        foreach (var call in context.Nodes<CallNode>())
        {
            if (!IsLockAcquisition(context, tokens, call, out var receiver))
            {
                continue;
            }

            var loops = call.HotLoops();
            if (loops.Count == 0 && call.PerItemCaller(context.Project) is { } caller)
            {
                ReportPerItemCall(context, call, receiver, caller);
                continue;
            }

            // A polling loop that sleeps or waits each pass takes the lock a few times a second: not contention.
            if (loops.Count == 0 || call.IsTestCode() || RustCode.WaitsEachPass(loops[0], call))
            {
                continue;
            }

            // Locking each element's own lock (`for slot in slots { slot.lock() }`) is not one lock fought over.
            var loopNames = loops.SelectMany(RustCode.LoopVariables).ToHashSet(StringComparer.Ordinal);
            var root = RustCode.RootName(receiver);
            if (loopNames.Contains(root) || call.FindLet(root) is { } binding && loops[^1].Span.Contains(binding.Span)
                || ChosenPerItem(receiver, loopNames))
            {
                continue;
            }

            var overItems = loops[0].LoopKind is LoopKind.For or LoopKind.IteratorClosure;
            context.Report(
                call,
                $"`{RustCode.Short(receiver)}.{call.Name}()` takes the lock on every iteration of {RustCode.Describe(loops[0])}",
                overItems
                    ? "accumulate into a local value inside the loop and take the lock once after it (or once per batch); for a shared map under heavy use, shard it or use `dashmap`"
                    : "take the lock once for a batch of work (drain several items per acquisition), or hand items over a channel instead of a shared locked queue",
                overItems ? Confidence.High : Confidence.Medium,
                "One acquisition per batch instead of per item; fewer points where threads queue on the lock.",
                call.ReceiverSpan is { } r ? Text.TextSpan.FromBounds(r.Start, call.Span.End) : null);
        }
    }

    // `fn record(&self, e: Event) { self.stats.lock().unwrap().add(e) }`, called once per item from a loop (resolved): one
    // acquisition per item, one call away. Only a lock the function does not pick per call (`self.x`, a static) is one lock
    // fought over; a lock passed in or chosen by an argument may differ per item.
    private static void ReportPerItemCall(RuleContext context, CallNode call, string receiver, CallNode caller)
    {
        var root = RustCode.RootName(receiver);
        var function = call.EnclosingFunction()!;
        // `self.shards[key].lock()`: a parameter in the receiver picks the lock per call.
        var names = System.Text.RegularExpressions.Regex.Split(receiver, "[^A-Za-z0-9_]+");
        var shared = root == "self" ? receiver.StartsWith("self.", StringComparison.Ordinal) && !function.Parameters.Any(p => !p.IsSelf && names.Contains(p.Name))
            : root.Length > 1 && root.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
        if (!shared)
        {
            return;
        }

        context.Report(
            call,
            $"`{RustCode.Short(receiver)}.{call.Name}()` takes the lock on {RustCode.DescribePerItem(call, caller)}",
            $"give `{function.Name}` a batch form that takes the lock once for all the items (`{function.Name}_all(&items)`, or a guard the caller holds across its loop), and call it once from {ProjectIndex.Place(caller)}",
            Confidence.Medium,
            "One acquisition per batch instead of per item; fewer points where threads queue on the lock.",
            call.ReceiverSpan is { } r ? Text.TextSpan.FromBounds(r.Start, call.Span.End) : null);
    }

    /// <summary>True for <c>m.lock()</c>, and for <c>rw.read()</c>/<c>rw.write()</c> whose result is unwrapped or awaited (raw pointers' <c>read()</c> is not).</summary>
    internal static bool IsLockAcquisition(RuleContext context, RustTokens tokens, CallNode call, out string receiver)
    {
        receiver = "";
        if (call is not { IsMethodCall: true, Arguments.Count: 0, ReceiverSpan: { } receiverSpan } || call.Name is not ("lock" or "read" or "write"))
        {
            return false;
        }

        receiver = context.TextOf(receiverSpan).Trim();
        if (call.Name == "lock")
        {
            // `io::stdout().lock()` is a lock too, but a per-line stdout lock is the intended use.
            return call.ReceiverCall is not { Name: "stdout" or "stderr" or "stdin", IsMethodCall: false, Arguments.Count: 0 };
        }

        var after = tokens.IndexAt(call.Span.End);
        return tokens.Kind(after) == RustTokenKind.Question
            || tokens.Kind(after) == RustTokenKind.Dot && (tokens.Kind(after + 1) == RustTokenKind.Await || tokens.Text(after + 1) is "unwrap" or "expect");
    }

    // `self.shards[i].write()`, `self.shard_for(&key).lock()`: the lock is picked by the item, so the passes take different locks.
    private static bool ChosenPerItem(string receiver, HashSet<string> loopNames)
    {
        for (var i = 0; i < receiver.Length;)
        {
            var start = i;
            while (i < receiver.Length && (char.IsAsciiLetterOrDigit(receiver[i]) || receiver[i] == '_'))
            {
                i++;
            }

            if (i > start && loopNames.Contains(receiver[start..i]))
            {
                return true;
            }

            i = Math.Max(i, start + 1);
        }

        return false;
    }
}
