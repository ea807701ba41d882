using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Review;

/// <summary>
/// A step between the rules and the report that keeps some findings and drops others for a reason of the project's
/// (a suppression comment, a per-file ignore, a baseline, lines a change did not touch). Runs once per review, over
/// every finding and the trees they came from, before the confidence cut and the report; a filter may remember what
/// it dropped so the caller can say so.
/// </summary>
public abstract class FindingFilter
{
    /// <summary>The findings to keep, in the order given.</summary>
    public abstract IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees);

    /// <summary>Runs <paramref name="filters"/> in order.</summary>
    public static IReadOnlyList<Finding> ApplyAll(IEnumerable<FindingFilter> filters, IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(filters);
        foreach (var filter in filters)
        {
            findings = filter.Apply(findings, trees);
        }

        return findings;
    }
}
