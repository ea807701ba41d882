using System.Diagnostics;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Tests.Support;

/// <summary>
/// A Python rule that works until its review is cancelled (or a minute passes) on code holding "spin": asking for the
/// file's nodes again and again, as a slow rule walks them. It tells when it started and when it stopped.
/// </summary>
internal sealed class SpinningRule : Rule
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override RuleDescriptor Descriptor { get; } = new(
        "PY991", "python/test-spins", "Spins", SourceLanguage.Python,
        WhatItDoes: "Spins.", WhyBad: "It is a test.", Example: "x = 1", UseInstead: "nothing", CostOperation: null);

    public override void Analyze(RuleContext context)
    {
        if (!context.Tree.Source.Text.Contains("spin", StringComparison.Ordinal))
        {
            return;
        }

        Started.TrySetResult();
        try
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                _ = context.Nodes<CallNode>();
            }
        }
        finally
        {
            Stopped.TrySetResult();
        }
    }
}
