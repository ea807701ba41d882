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

    public IReadOnlyList<Finding> Review(IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var project = ProjectIndex.Build(trees);
        var perFile = new List<Finding>[trees.Count];
        Parallel.For(0, trees.Count, i =>
        {
            var findings = new List<Finding>();
            foreach (var rule in Rules)
            {
                if (rule.Descriptor.Language == trees[i].Language)
                {
                    rule.Analyze(new RuleContext(rule, trees[i], Skill, project, _options, findings));
                }
            }

            perFile[i] = findings;
        });

        return Rank(perFile.SelectMany(f => f));
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
