using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Reporting;

/// <summary>
/// Small rules defined by the tests, so the review pipeline and its renderers are tested without the
/// real checklist rules: a Python rule with all three confidences, a Rust rule, and one that never fires.
/// </summary>
internal static class TestRules
{
    public static IReadOnlyList<Rule> All { get; } = [new SlowCallRule(), new CloneInLoopRule(), new NeverFiresRule()];

    /// <summary>Flags calls to <c>slow(…)</c>: high confidence in a loop, medium in a function called from a loop, low elsewhere.</summary>
    public sealed class SlowCallRule : Rule
    {
        public static readonly RuleDescriptor Rule = new(
            "TST001",
            "python/test-slow-call",
            "SlowCallRepeated",
            SourceLanguage.Python,
            WhatItDoes: "Checks for calls to `slow()` on a hot path.",
            WhyBad: "Each call pays Python's call overhead; in a loop it is paid per item.",
            Example: "for item in items:\n    slow(item)",
            UseInstead: "slow_many(items)",
            CostOperation: "Python function call overhead");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var call in context.Tree.All<CallNode>().Where(c => c.Name == "slow" && !c.IsMethodCall))
            {
                var confidence = call.IsInLoop() ? Confidence.High
                    : call.EnclosingFunction() is { } f && context.Project.IsCalledInLoop(f.Name) ? Confidence.Medium
                    : Confidence.Low;
                context.Report(call, $"`{context.TextOf(call.Span)}` calls `slow` once per item", "call `slow_many(items)` once", confidence, "Every call pays the interpreter's call overhead.", call.CalleeSpan);
            }
        }
    }

    /// <summary>Flags <c>.clone()</c> inside Rust loops, with medium confidence.</summary>
    public sealed class CloneInLoopRule : Rule
    {
        public static readonly RuleDescriptor Rule = new(
            "TST002",
            "rust/test-clone-in-loop",
            "CloneInLoop",
            SourceLanguage.Rust,
            WhatItDoes: "Checks for `.clone()` inside loops.",
            WhyBad: "A clone allocates and copies on every iteration.",
            Example: "for s in v {\n    out.push(s.clone());\n}",
            UseInstead: "out.extend_from_slice(v);",
            CostOperation: "Arc clone");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var call in context.Tree.InLoops<CallNode>().Where(c => c.Name == "clone" && c.IsMethodCall))
            {
                context.Report(call, $"`{context.TextOf(call.Span)}` clones on every iteration", "borrow instead of cloning", Confidence.Medium, "Each clone copies the value.");
            }
        }
    }

    /// <summary>A PyO3 rule that never reports: the SARIF driver must still list it.</summary>
    public sealed class NeverFiresRule : Rule
    {
        public static readonly RuleDescriptor Rule = new(
            "TST003",
            "pyo3/test-never-fires",
            "NeverFires",
            SourceLanguage.Rust,
            WhatItDoes: "Never reports anything.",
            WhyBad: "It exists to be listed.",
            Example: "fn f() {}",
            UseInstead: "fn f() {}");

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
        }
    }
}
