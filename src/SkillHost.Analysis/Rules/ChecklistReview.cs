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
    public ChecklistResult Run(IReadOnlyList<SyntaxTree> trees, ProjectIndex project)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(project);
        var perFile = new List<Finding>[trees.Count];
        var failures = new System.Collections.Concurrent.ConcurrentBag<RuleFailure>();
        Parallel.For(0, trees.Count, i =>
        {
            var findings = new List<Finding>();
            foreach (var rule in Rules)
            {
                if (rule.Descriptor.Language != trees[i].Language)
                {
                    continue;
                }

                try
                {
                    rule.Analyze(new RuleContext(rule, trees[i], Skill, project, _options, findings));
                }
#pragma warning disable CA1031 // One faulty rule must not cost the user the whole review: record it and go on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add(new RuleFailure(rule.Descriptor.Id, trees[i].Source.Path ?? "<input>", $"{e.GetType().Name}: {e.Message}"));
                }
            }

            perFile[i] = findings;

            // The caches the rules share for this file are dead weight now: dropped here they die young,
            // instead of surviving (and being copied by) every collection until the whole review ends.
            PythonCode.Forget(trees[i]);
            RustTokens.Forget(trees[i]);
            BindingIndex.Forget(trees[i]);
            _ = trees[i].TakeTokens<object>(); // the parser's tokens, when no rule asked for them
        });

        return new ChecklistResult(
            Rank(perFile.SelectMany(f => f)),
            [.. failures.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal)]);
    }

    public static IReadOnlyList<Finding> Rank(IEnumerable<Finding> findings) =>
    [
        .. findings
            .OrderByDescending(f => f.Impact.RankingNs)
            .ThenByDescending(f => f.Confidence)
            .ThenByDescending(f => f.Evidence.LoopDepth)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Start)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal),
    ];
}

/// <summary>What one <see cref="ChecklistReview.Run"/> produced: the ranked findings and the rules that threw.</summary>
public sealed record ChecklistResult(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleFailure> Failures);

/// <summary>A rule that threw on a file: which, where, and the exception's message.</summary>
public sealed record RuleFailure(string RuleId, string Path, string Message)
{
    /// <summary>One sentence for a user: what failed, and that only that rule's findings for that file are missing.</summary>
    public string Describe() => $"rule {RuleId} failed on {Path} ({Message}); its findings for that file are missing, the rest of the review is complete.";
}
