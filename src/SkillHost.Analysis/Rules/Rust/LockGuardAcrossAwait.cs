using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS013: a blocking lock guard bound with <c>let</c> and still alive at a later <c>.await</c>.</summary>
public sealed class LockGuardAcrossAwait : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "RS013",
        "rust/lock-contention",
        nameof(LockGuardAcrossAwait),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `let guard = m.lock().unwrap();` (std/parking_lot `Mutex`, `RwLock` `read`/`write`) in async code when an `.await` follows before `drop(guard)` or the end of the guard's block. `tokio::sync::Mutex` (`.lock().await`) is built to be held across awaits and is not flagged.",
        WhyBad: "While the task waits, the guard keeps the lock: every other thread that needs it blocks for the whole duration of the awaited I/O — a lock held across slow work.",
        Example: "impl Store {\n    async fn refresh(&self, key: Key) {\n        let mut cache = self.cache.lock().unwrap();\n        let value = fetch(key).await;\n        cache.insert(key, value);\n    }\n}",
        UseInstead: "impl Store {\n    async fn refresh(&self, key: Key) {\n        let value = fetch(key).await;\n        self.cache.lock().unwrap().insert(key, value);\n    }\n}",
        CostOperation: "Mutex lock/unlock (uncontended)",
        NeedsRepetition: false);

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        foreach (var let in context.Nodes<AssignmentNode>())
        {
            if (let is not { Operator: "let", Targets: [var guard], ValueSpan: { } value } || !let.IsInAsyncContext() || guard.StartsWith('_') && guard.Length == 1)
            {
                continue;
            }

            // The guard is the value only when the lock call ends the expression (`x.lock().unwrap().len()` drops it at once).
            var lockCall = let.Descendants<CallNode>().FirstOrDefault(c => LockPerIteration.IsLockAcquisition(context, tokens, c, out _));
            if (lockCall is null || !EndsWithGuard(tokens, lockCall, value) || let.IsTestCode())
            {
                continue;
            }

            var blockEnd = tokens.EnclosingBlockEnd(let.Span.Start);
            var dropAt = DropPosition(tokens, guard, let.Span.End, blockEnd);
            var scope = let.FirstAncestor<ClosureNode>() is { IsAsync: true } block ? (SyntaxNode)block : let.EnclosingFunction();
            var await = context.Nodes<AwaitNode>().FirstOrDefault(a => a.Span.Start >= let.Span.End && a.Span.Start < dropAt
                && (scope is null || scope.Span.Contains(a.Span)) && NearestAsyncScope(a) == scope);
            if (await is null)
            {
                continue;
            }

            var receiver = context.TextOf(lockCall.ReceiverSpan ?? lockCall.Span).Trim();
            context.Report(
                lockCall,
                $"the guard `{guard}` of `{RustCode.Short(receiver)}.{lockCall.Name}()` is still held at `{RustCode.Short(context.TextOf(await.Span))}` (line {await.Start.Line}): the lock stays taken while the task waits",
                $"finish with the guard before awaiting: scope it in a block or `drop({guard});` before the `.await`; if it must span the await, use `tokio::sync::Mutex`",
                IsUnwrapped(lockCall) ? Confidence.High : Confidence.Medium,
                "Other threads stop waiting on this lock for the duration of the awaited operation.");
        }
    }

    // `m.lock().unwrap()` / `.expect(…)`: a std guard for certain (an async mutex's `lock()` is awaited, not unwrapped).
    private static bool IsUnwrapped(CallNode lockCall) =>
        lockCall.Parent is CallNode { Name: "unwrap" or "expect" } chained && chained.ReceiverCall == lockCall;

    private static SyntaxNode? NearestAsyncScope(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is ClosureNode { IsAsync: true } or FunctionNode)
            {
                return ancestor;
            }
        }

        return null;
    }

    // `m.lock()`, `m.lock().unwrap()`, `m.lock().expect("…")`, `m.write()?` — but not `.lock().await` (tokio) nor `.lock().unwrap().len()`.
    private static bool EndsWithGuard(RustTokens tokens, CallNode lockCall, Text.TextSpan value)
    {
        var i = tokens.IndexAt(lockCall.Span.End);
        var end = tokens.IndexAt(value.End);
        if (tokens.Kind(i) == RustTokenKind.Dot && tokens.Kind(i + 1) == RustTokenKind.Await)
        {
            return false;
        }

        if (tokens.Kind(i) == RustTokenKind.Question)
        {
            i++;
        }
        else if (tokens.Kind(i) == RustTokenKind.Dot && tokens.Text(i + 1) is "unwrap" or "expect" && tokens.Kind(i + 2) == RustTokenKind.OpenParen)
        {
            i = tokens.Match(i + 2) + 1;
            if (i <= 0)
            {
                return false;
            }
        }

        return i >= end;
    }

    private static int DropPosition(RustTokens tokens, string guard, int from, int blockEnd)
    {
        for (var i = tokens.IndexAt(from); i < tokens.Count && tokens[i].Start < blockEnd; i++)
        {
            if (tokens.IsIdentifier(i, "drop") && tokens.Kind(i + 1) == RustTokenKind.OpenParen && tokens.IsIdentifier(i + 2, guard))
            {
                return tokens[i].Start;
            }
        }

        return blockEnd;
    }
}
