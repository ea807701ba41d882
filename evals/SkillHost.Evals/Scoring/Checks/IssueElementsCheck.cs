namespace SkillHost.Evals.Scoring.Checks;

/// <summary>Every top issue has the issue, the evidence or estimate, the fix and the expected impact.</summary>
public sealed class IssueElementsCheck : ReportCheck
{
    public override string Name => "issue-elements";

    public override string Description => "every top issue gives issue → evidence or estimate → fix → expected impact";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.PartName(1);
        if (input.Part(1) is null)
        {
            return CheckOutcome.Fail($"no '{name}' part");
        }

        if (input.Issues.Length == 0)
        {
            return CheckOutcome.Fail($"'{name}' lists no issues");
        }

        var score = input.Issues.Average(i => i.ElementCount / 4.0);
        var incomplete = input.Issues.Where(i => i.ElementCount < 4).ToList();
        return incomplete.Count == 0
            ? CheckOutcome.Pass($"all {input.Issues.Length} issues give issue, evidence or estimate, fix and expected impact")
            : new CheckOutcome(score, string.Join("; ", incomplete.Select(i => $"issue {i.Rank} lacks {string.Join(", ", i.Missing())}")));
    }
}
