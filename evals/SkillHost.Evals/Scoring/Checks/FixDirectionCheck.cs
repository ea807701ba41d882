namespace SkillHost.Evals.Scoring.Checks;

/// <summary>
/// The fix goes the right way: the fix text or the patch's new code contains one of the case's fix markers, and the
/// patch's new code (a diff's added and context lines, or the code blocks that are not labelled "before") keeps none
/// of the pattern being fixed. A patch that keeps the pattern scores 0; one that drops it but uses none of the markers, 0.5.
/// </summary>
public sealed class FixDirectionCheck : ReportCheck
{
    public override string Name => "fix-direction";

    public override string Description => "the fix and patch move towards the case's fix and away from the flagged pattern";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var a = input.Case.Assertions;
        var issue = ExpectedIssueCheck.Matching(input) ?? input.Issues.FirstOrDefault();
        var patch = input.Part(2) is { } part ? PatchCode.From(part) : [];
        var newCode = string.Join("\n", patch.Select(p => p.NewCode));
        var fixText = (issue?.Fix ?? "") + "\n" + newCode;
        if (string.IsNullOrWhiteSpace(fixText))
        {
            return CheckOutcome.Fail("no fix text and no patch code to judge");
        }

        var toward = a.FixIncludesAny.FirstOrDefault(k => fixText.Contains(k, StringComparison.OrdinalIgnoreCase));
        var kept = a.FixExcludes.Where(k => newCode.Contains(k, StringComparison.Ordinal)).ToList();
        var reasons = new List<string>
        {
            toward is not null ? $"fix uses '{toward}'" : $"fix uses none of {string.Join(", ", a.FixIncludesAny.Select(k => $"'{k}'"))}",
        };
        if (a.FixExcludes.Length > 0)
        {
            reasons.Add(kept.Count == 0 ? "new code drops the flagged pattern" : $"new code still has {string.Join(", ", kept.Select(k => $"'{k}'"))}");
        }

        // Keeping the flagged pattern is the wrong way whatever else the fix does; missing the markers only leaves it unconfirmed.
        var score = kept.Count > 0 ? 0 : toward is not null ? 1 : 0.5;
        return new CheckOutcome(score, string.Join("; ", reasons));
    }
}
