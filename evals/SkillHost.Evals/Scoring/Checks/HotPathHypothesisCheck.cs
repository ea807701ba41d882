using System.Text.RegularExpressions;

namespace SkillHost.Evals.Scoring.Checks;

/// <summary>The first part says what dominates the cost and backs it with an estimate or a profile.</summary>
public sealed partial class HotPathHypothesisCheck : ReportCheck
{
    public override string Name => "hot-path-hypothesis";

    public override string Description => "the hypothesis names what dominates and backs it with a figure, an estimate or a profile";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.PartName(0);
        if (input.Part(0) is not { } part)
        {
            return CheckOutcome.Fail($"no '{name}' part");
        }

        var words = Words().Count(part.Markdown);
        if (words < 8)
        {
            return new CheckOutcome(0.25, $"'{name}' is {words} words: say what dominates the cost and why");
        }

        return Evidence().IsMatch(part.Markdown)
            ? CheckOutcome.Pass($"'{name}' states a hypothesis with evidence ({Evidence().Match(part.Markdown).Value.Trim()})")
            : new CheckOutcome(0.5, $"'{name}' gives no figure, estimate or profile behind the hypothesis");
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();

    // A figure with a unit or a multiplier, a complexity class, or the words the skill uses for evidence.
    [GeneratedRegex(@"\d[\d,.]*\s*(?:ns|µs|μs|us|ms|s\b|MB|KB|GB|%|×|x\b)|O\([^)]*\)|\bestimat\w*|\bprofil\w*|\bmeasured\b", RegexOptions.IgnoreCase)]
    private static partial Regex Evidence();
}
