using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Tests.Cli;

/// <summary>Rules defined by the tests, so the CLI is tested without the real checklist rules.</summary>
internal static class ReviewTestRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new CallInLoop("TST001", "python/test-slow-call", "SlowCallInLoop", SourceLanguage.Python, "slow", "Python function call overhead"),
        new CallInLoop("TST002", "rust/test-clone-in-loop", "CloneInLoop", SourceLanguage.Rust, "clone", "Arc clone"),
        new CallInLoop("TST010", "pyo3/test-gil", "GilInLoop", SourceLanguage.Rust, "with_gil", null),
    ];

    /// <summary>Flags a call of one name inside a loop.</summary>
    private sealed class CallInLoop(string id, string slug, string name, SourceLanguage language, string callee, string? cost) : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new(id, slug, name, language,
            WhatItDoes: $"Checks for `{callee}` in loops.", WhyBad: "It repeats per item.", Example: $"{callee}()", UseInstead: "batch it", CostOperation: cost);

        public override void Analyze(RuleContext context)
        {
            foreach (var call in context.Tree.InLoops<CallNode>().Where(c => c.Name == callee))
            {
                context.Report(call, $"`{callee}` runs per item", "batch it", Confidence.High, "It repeats.");
            }
        }
    }
}
