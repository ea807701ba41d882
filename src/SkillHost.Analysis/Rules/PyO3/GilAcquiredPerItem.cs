using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>PYO001: <c>Python::with_gil</c> / <c>Python::attach</c> inside a loop or an iterator closure, or in a function called per item.</summary>
public sealed class GilAcquiredPerItem : Rule
{
    public static RuleDescriptor Info { get; } = new(
        Id: "PYO001",
        Slug: "pyo3/gil-per-item",
        Name: nameof(GilAcquiredPerItem),
        Language: SourceLanguage.Rust,
        WhatItDoes: "Finds `Python::with_gil(…)` (named `Python::attach(…)` since PyO3 0.26) called inside a loop, an iterator closure such as `.map(|x| …)`, or a function the reviewed code calls from a loop.",
        WhyBad: "Every call acquires and releases the GIL again, and waits for it whenever another thread holds it. Per item, that bookkeeping can cost more than the work it guards, and it hands the interpreter back and forth between threads on every item.",
        Example: """
            for &score in scores {
                Python::with_gil(|py| callback.call1(py, (score,)))?;
            }
            """,
        UseInstead: """
            // Attach once for the whole batch and loop inside the closure (or pass the whole slice in one call):
            Python::attach(|py| {          // Python::with_gil before PyO3 0.26
                for &score in scores {
                    callback.call1(py, (score,))?;
                }
                Ok(())
            })
            """,
        CostOperation: "PyO3 GIL acquire/release",
        TechniqueSection: "Attach once per batch");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var call in context.Nodes<CallNode>())
        {
            if (!PyO3Api.IsGilAcquire(call) || PyO3Api.IsTestCode(call) || InsideAnotherAcquire(call))
            {
                continue;
            }

            var name = call.Callee.EndsWith("attach", StringComparison.Ordinal) ? "Python::attach" : "Python::with_gil";
            var other = name == "Python::attach" ? "`Python::with_gil` before PyO3 0.26" : "`Python::attach` since PyO3 0.26";
            var loop = call.EnclosingLoops().FirstOrDefault();
            // An `.await` or a blocking send/receive between the attaches: attaching once around the loop would hold the GIL
            // across the wait (blocking every Python thread, or a deadlock), so the per-pass attach is right there.
            if (loop is not null && loop.Descendants<AwaitNode>().Any(a => !call.Span.Contains(a.Span)))
            {
                continue;
            }

            if (loop is not null)
            {
                // A `while`/`loop` is often a worker that must release the GIL while it blocks between
                // messages; a `for` or an iterator closure walks a batch that one attach could cover.
                var confidence = loop.LoopKind is LoopKind.For or LoopKind.IteratorClosure ? Confidence.High
                    : BlocksBetweenItems(loop, call) ? Confidence.Low : Confidence.Medium;
                context.Report(
                    call,
                    $"`{name}` ({other}) acquires the GIL on every iteration of {PyO3Api.DescribeLoop(loop)}",
                    $"attach once around the loop — `{name}(|py| {{ for … {{ … }} }})` — and use that `py` for every item; better, hand the whole batch to Python in one call",
                    confidence,
                    "Each iteration pays a GIL acquire/release, and waits whenever another thread holds the GIL.",
                    call.CalleeSpan);
                continue;
            }

            if (call.EnclosingFunction() is { } function && !PyO3Api.IsExposedToPython(function) && context.Project.IsCalledInLoop(function.Name)
                && !(context.Project.LoopCallerOf(function) is { } caller && HoldsTheGil(caller)))
            {
                context.Report(
                    call,
                    $"`{name}` ({other}) in `{function.Name}` acquires the GIL once per call, and `{function.Name}` is called from a loop",
                    $"attach once in the caller, around its loop, and pass `py: Python<'_>` into `{function.Name}` instead of attaching inside it",
                    Confidence.Medium,
                    "Each call of the helper pays a GIL acquire/release, once per item of the caller's loop.",
                    call.CalleeSpan);
            }
        }
    }

    // `while let Ok(m) = rx.recv()`: the worker waits for each message without the GIL, as it should;
    // draining what is queued under one attach is the remaining improvement.
    private static bool BlocksBetweenItems(LoopNode loop, CallNode acquire) => RustCode.WaitsEachPass(loop, acquire);

    // The loop that calls the helper already holds the GIL (it runs inside an attach, or in a function handed `py`): each
    // attach inside the helper only bumps a thread-local count (safetensors get_tensors -> get_tensor, calibration/verdicts.tsv).
    private static bool HoldsTheGil(CallNode caller) =>
        InsideAnotherAcquire(caller)
        || caller.EnclosingFunction() is { } function && function.Parameters.Any(p => p.Type is { } t && PyO3Api.IsPythonToken(t));

    // A nested attach while the GIL is already held is cheap; the outer one is what to move.
    private static bool InsideAnotherAcquire(CallNode call) =>
        call.Ancestors().TakeWhile(a => a is not FunctionNode).OfType<CallNode>().Any(PyO3Api.IsGilAcquire);
}
