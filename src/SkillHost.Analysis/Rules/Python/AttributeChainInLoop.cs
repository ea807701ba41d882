using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY006: the same loop-invariant attribute chain (<c>self.config.fn</c>, <c>module.func</c>) looked up on every iteration.</summary>
public sealed class AttributeChainInLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY006",
        "python/repeated-lookup",
        nameof(AttributeChainInLoop),
        SourceLanguage.Python,
        WhatItDoes: "Flags an attribute chain of three or more names (`self.settings.formatter(...)`, `self.a.b.c`), or a function of an imported module (`math.sqrt(...)`), evaluated on every iteration of a loop that never rebinds any part of the chain. Reported once per chain and loop; not where the use leaves the loop (`return`, `raise`, a block ending in `break`), nor where each pass does I/O or calls a function of the reviewed code that loops or does I/O.",
        WhyBad: "Each dot is a run-time lookup; a chain inside a loop pays all of them again on every iteration although the result does not change.",
        Example: "for row in rows:\n    labels.append(self.settings.currency_formatter(row.amount))",
        UseInstead: "fmt = self.settings.currency_formatter\nlabels = [fmt(row.amount) for row in rows]",
        CostOperation: "getattr on an object");

    // Names a hoisted local must not shadow.
    private static readonly HashSet<string> Shadowed = new(StringComparer.Ordinal) { "type", "id", "list", "dict", "str", "format", "len", "input", "filter", "map", "next", "iter", "object", "hash" };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        var groups = new Dictionary<(LoopNode Loop, string Chain), List<(SyntaxNode Node, TextSpan Span, bool IsCall)>>();
        foreach (var node in context.Tree.Nodes)
        {
            var (chain, span, isCall) = node switch
            {
                CallNode { CalleeSpan.IsEmpty: false } call when PythonCode.IsDottedName(call.Callee) => (call.Callee, call.CalleeSpan, true),
                MemberAccessNode access when access.Segments.Count >= 3 => (access.Path, access.Span, false),
                _ => (null, default(TextSpan), false),
            };
            if (chain is null || PythonCode.IsInLambda(node) || PythonCode.InnermostLoop(node) is not { } loop)
            {
                continue;
            }

            var key = (loop, chain);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add((node, span, isCall));
        }

        foreach (var ((loop, chain), all) in groups)
        {
            // A use in a statement that leaves the loop (`return`, `raise`, a block ending in `break`) runs once per loop, not per pass.
            var uses = all.Where(u => !PythonCode.LeavesLoop(u.Node, loop)).ToList();
            if (uses.Count == 0)
            {
                continue;
            }

            var segments = chain.Split('.');
            var moduleCall = segments.Length == 2 && uses[0].IsCall && IsImportedModule(uses[0].Node, segments[0]);
            if ((segments.Length < 3 && !moduleCall) || segments[0] is "cls" or "super" || !IsLoopInvariant(loop, chain, uses.Any(u => !u.IsCall)))
            {
                continue;
            }

            // Genuinely hot: the lookups are a visible share of each pass — a nested loop, a
            // comprehension, a short body, or a chain repeated within the pass — and no I/O in the
            // body dwarfs them.
            var depth = uses[0].Node.EnclosingLoops().Count(l => !PythonCode.IsFixedSizeLoop(l));
            var statements = PythonCode.StatementCount(loop);
            var tight = depth >= 2 || loop.LoopKind == LoopKind.Comprehension || statements <= 2;
            if (!(tight || uses.Count >= 3) || (moduleCall && !tight) || DoesWork(context, loop))
            {
                continue;
            }

            // A hoisted lookup saves tens of nanoseconds a pass: on real code (calibration/verdicts.tsv) not one of these was worth
            // a change without a measurement, so they are low confidence unless two nested loops multiply them.
            var confidence = depth >= 2 && uses[0].IsCall && !moduleCall ? Confidence.Medium : Confidence.Low;
            var local = segments[^1].TrimStart('_');
            if (local.Length == 0 || Shadowed.Contains(local))
            {
                local += "_";
            }

            var lookups = segments.Length - 1;
            var times = uses.Count == 1 ? "once" : $"{uses.Count} times";
            context.Report(
                uses[0].Node,
                $"`{chain}` is looked up {times} per iteration of {PythonCode.DescribeLoop(loop)} ({lookups} attribute lookup{(lookups == 1 ? string.Empty : "s")} each), though the loop never rebinds it.",
                moduleCall
                    ? $"Bind the function once before the loop (`{local} = {chain}`) or import it directly (`from {segments[0]} import {segments[1]}`), then call `{local}(…)` in the loop."
                    : $"Look it up once before the loop — `{local} = {chain}` — and use `{local}` inside.",
                confidence,
                "Hoisting the lookup removes the per-iteration attribute accesses; the saving grows with the iteration count.",
                uses[0].Span,
                lookups * uses.Count);
        }
    }

    // A pass that reads or writes files, sockets or logs, or calls a function of the reviewed code that loops or does
    // I/O itself, costs microseconds at least: a few lookups do not matter there.
    private static bool DoesWork(RuleContext context, LoopNode loop) =>
        loop.PerIteration<CallNode>().Any(c => PythonCode.IsIoCall(c) || context.Project.DoesWork(c.Name));

    private static bool IsImportedModule(SyntaxNode at, string name)
    {
        var bindings = PythonCode.NearestBindings(at, name);
        return bindings.Count > 0 && bindings.All(b => b.BindingKind == BindingKind.Import && b.Node is ImportNode { Module: null });
    }

    // Nothing in the loop may rebind the chain or a prefix of it; for plain reads, which see data that
    // can change, the loop must also not call methods through the chain's base object.
    private static bool IsLoopInvariant(LoopNode loop, string chain, bool hasReads)
    {
        var segments = chain.Split('.');
        if (loop.Target is { } target && target.Split([',', '(', ')', '[', ']', ' ', '*'], StringSplitOptions.RemoveEmptyEntries).Contains(segments[0]))
        {
            return false;
        }

        // Every for-clause of a comprehension binds its own target.
        for (var outer = loop.Parent; outer is LoopNode { LoopKind: LoopKind.Comprehension } clause && clause.Span == loop.Span; outer = outer.Parent)
        {
            if (clause.Target is { } t && t.Split([',', '(', ')', '[', ']', ' ', '*'], StringSplitOptions.RemoveEmptyEntries).Contains(segments[0]))
            {
                return false;
            }
        }

        if (PythonCode.IsRebound(loop, loop.Span, chain) || (loop.LoopKind == LoopKind.While && hasReads))
        {
            return false;
        }

        if (hasReads)
        {
            var basePrefix = segments[0] + ".";
            foreach (var call in loop.Descendants<CallNode>())
            {
                if (call.Callee.StartsWith(basePrefix, StringComparison.Ordinal) && call.Callee != chain)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
