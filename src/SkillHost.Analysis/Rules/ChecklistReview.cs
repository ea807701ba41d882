using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// Runs the checklist rules over a set of parsed files and ranks what they find by estimated cost
/// (the skill's per-operation figure × plausible repetitions), most expensive first.
/// </summary>
public sealed class ChecklistReview(SkillKnowledge skill, IReadOnlyList<Rule> rules, ReviewOptions? options = null)
{
    private readonly ReviewOptions _options = options ?? ReviewOptions.Default;

    public SkillKnowledge Skill { get; } = skill;

    public IReadOnlyList<Rule> Rules { get; } = rules;

    public IReadOnlyList<Finding> Review(IReadOnlyList<SyntaxTree> trees) =>
        Review(trees, ProjectIndex.Build(trees ?? throw new ArgumentNullException(nameof(trees))));

    /// <summary>As <see cref="Review(IReadOnlyList{SyntaxTree})"/>, with the cross-file index already built over <paramref name="trees"/> (a caller that also classifies builds it once).</summary>
    public IReadOnlyList<Finding> Review(IReadOnlyList<SyntaxTree> trees, ProjectIndex project) => Run(trees, project).Findings;

    /// <summary>The findings and the rules that threw (reported, never fatal). Each call has its own result, so concurrent reviews on one instance (an MCP server) never see each other's failures.</summary>
    public ChecklistResult Run(IReadOnlyList<SyntaxTree> trees, ProjectIndex project) => Run(trees, project, null, CancellationToken.None);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{SyntaxTree}, ProjectIndex)"/>, stopping when <paramref name="cancellationToken"/> is
    /// cancelled and giving up on a file whose analysis passes <paramref name="fileBudget"/> (what its parse spent counts):
    /// its findings are dropped and its path is listed in <see cref="ChecklistResult.OverBudget"/>. The token is checked
    /// between files, between rules and whenever a rule asks for a file's nodes.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ChecklistResult Run(IReadOnlyList<SyntaxTree> trees, ProjectIndex project, TimeSpan? fileBudget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(project);
        var perFile = new List<Finding>[trees.Count];
        var failures = new System.Collections.Concurrent.ConcurrentBag<RuleFailure>();
        var overBudget = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, trees.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var findings = new List<Finding>();
            using var budget = FileBudget.Start(fileBudget, trees[i].Spent, cancellationToken);
            try
            {
                Analyze(trees[i], project, findings, failures, budget.Token);
            }
            catch (OperationCanceledException) when (budget.IsSpent)
            {
                findings.Clear();
                overBudget.Add(trees[i].Source.Path ?? "<input>");
            }
            catch (OperationCanceledException)
            {
                // The review itself was cancelled: Parallel.For reports it once all bodies have stopped.
            }

            perFile[i] = findings;

            // The file's model (tokens, bindings, facts) is dead weight now: let go here it dies young,
            // instead of surviving (and being copied by) every collection until the whole review ends.
            trees[i].ReleaseModel();
        });
        cancellationToken.ThrowIfCancellationRequested();

        return new ChecklistResult(
            Rank(perFile.SelectMany(f => f)),
            [.. failures.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal)])
        {
            OverBudget = [.. overBudget.Order(StringComparer.Ordinal)],
        };
    }

    private void Analyze(SyntaxTree tree, ProjectIndex project, List<Finding> findings, System.Collections.Concurrent.ConcurrentBag<RuleFailure> failures, CancellationToken cancellationToken)
    {
        foreach (var rule in Rules)
        {
            if (rule.Descriptor.Language != tree.Language)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                rule.Analyze(new RuleContext(rule, tree, Skill, project, _options, findings) { CancellationToken = cancellationToken });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One faulty rule must not cost the user the whole review: record it and go on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add(new RuleFailure(rule.Descriptor.Id, tree.Source.Path ?? "<input>", $"{e.GetType().Name}: {e.Message}"));
            }
        }
    }

    public static IReadOnlyList<Finding> Rank(IEnumerable<Finding> findings) =>
    [
        .. findings
            // Production code first: a benchmark's or a test's estimate, however large, follows it (the skill's step 1).
            .OrderBy(f => SourceRoles.Of(f.Path) == SourceRole.Production ? 0 : 1)
            .ThenByDescending(f => f.Impact.RankingNs)
            .ThenByDescending(f => f.Confidence)
            .ThenByDescending(f => f.Evidence.LoopDepth)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Start)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal),
    ];
}

/// <summary>What one <see cref="ChecklistReview.Run(IReadOnlyList{SyntaxTree}, ProjectIndex)"/> produced: the ranked findings and the rules that threw.</summary>
public sealed record ChecklistResult(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleFailure> Failures)
{
    /// <summary>The files (as their trees name them) whose analysis passed the per-file budget: none of their findings are in <see cref="Findings"/>.</summary>
    public IReadOnlyList<string> OverBudget { get; init; } = [];
}

/// <summary>A rule that threw on a file: which, where, and the exception's message.</summary>
public sealed record RuleFailure(string RuleId, string Path, string Message)
{
    /// <summary>One sentence for a user: what failed, and that only that rule's findings for that file are missing.</summary>
    public string Describe() => $"rule {RuleId} failed on {Path} ({Message}); its findings for that file are missing, the rest of the review is complete.";
}
