using System.Diagnostics;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Reporting;
using SkillHost.Analysis.Tests.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Review;

/// <summary>A file that passes the per-file budget is skipped with the reason and the review goes on; a cancelled review stops inside a long file.</summary>
public sealed class FileBudgetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_file_whose_rules_run_past_the_budget_When_reviewed_Then_it_is_skipped_with_the_reason_and_the_others_are_reviewed()
    {
        _temp.Write("slow.py", "# spin\nfor x in xs:\n    slow(x)\n");
        _temp.Write("calm.py", "for x in xs:\n    slow(x)\n");
        var review = new SourceReview(new ChecklistReview(RuleFixture.Skill, [.. TestRules.All, new SpinningRule()]));

        var outcome = review.Run(["."], _temp.Root, new SourceReviewOptions { FileBudget = TimeSpan.FromMilliseconds(300) });

        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal(("slow.py", SkipReason.OverBudget), (skipped.Path, skipped.Reason));
        Assert.Contains("0.3 s per-file budget during the rules", skipped.Detail, StringComparison.Ordinal);
        Assert.Equal(["calm.py"], outcome.Files);
        Assert.NotEmpty(outcome.Findings);
        Assert.All(outcome.Findings, f => Assert.Equal("calm.py", f.Path));
        Assert.Empty(outcome.RuleFailures);
    }

    [Fact]
    public void Given_a_file_whose_parse_runs_past_the_budget_When_reviewed_Then_it_is_skipped_during_parsing()
    {
        // A million statements parse in well over a millisecond on any machine; the parser checks every 4,096.
        _temp.Write("big.py", string.Concat(Enumerable.Repeat("x = y\n", 1_000_000)));

        var outcome = new SourceReview(new ChecklistReview(RuleFixture.Skill, TestRules.All))
            .Run(["big.py"], _temp.Root, new SourceReviewOptions { FileBudget = TimeSpan.FromMilliseconds(1) });

        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal(SkipReason.OverBudget, skipped.Reason);
        Assert.Contains("during parsing", skipped.Detail, StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public async Task Given_a_review_stuck_in_a_long_file_When_it_is_cancelled_Then_it_stops_inside_that_file()
    {
        _temp.Write("slow.py", "# spin\nx = 1\n");
        var review = new SourceReview(new ChecklistReview(RuleFixture.Skill, [new SpinningRule()]));
        using var cancellation = new CancellationTokenSource();

        var run = Task.Run(() => review.Run(["."], _temp.Root, new SourceReviewOptions(CancellationToken: cancellation.Token)), TestContext.Current.CancellationToken);
        await SpinningRule.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        cancellation.Cancel();

        // No budget here: only the cancellation can end the spin (which otherwise gives up after a minute).
        var stopped = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Same(run, stopped);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    /// <summary>On files holding "spin", asks for the file's nodes again and again (as a slow rule would walk them) until stopped, or a minute.</summary>
    private sealed class SpinningRule : Rule
    {
        public static TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override RuleDescriptor Descriptor { get; } = new(
            "PY998", "python/test-only", nameof(SpinningRule), SourceLanguage.Python, "Spins.", "Tests budgets.", "", "");

        public override void Analyze(RuleContext context)
        {
            if (!context.Tree.Source.Text.Contains("spin", StringComparison.Ordinal))
            {
                return;
            }

            Started.TrySetResult();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                _ = context.Nodes<Syntax.CallNode>();
            }
        }
    }
}
