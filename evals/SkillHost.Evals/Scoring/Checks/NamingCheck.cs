namespace SkillHost.Evals.Scoring.Checks;

/// <summary>
/// The parts use the skill's own names. <c>structure</c> already accepts a paraphrase ("Risks &amp; tradeoffs") or a
/// synonym; this check reports the wording on its own, at a low weight, so a report a reviewer would accept still passes.
/// </summary>
public sealed class NamingCheck : ReportCheck
{
    public override string Name => "naming";

    public override string Description => "the parts are labelled with the skill's exact names (low weight: wording alone never fails a case)";

    /// <summary>Low enough that a paraphrased label alone never takes a case below the threshold.</summary>
    public override double Weight => 0.25;

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parts = input.Outline.Parts;
        if (parts.IsEmpty)
        {
            return CheckOutcome.Fail("no part of the skill's report found, so no label to judge");
        }

        var renamed = parts.Where(p => p.Match != LabelMatch.Exact).ToList();
        if (renamed.Count == 0)
        {
            return CheckOutcome.Pass($"all {parts.Length} parts use the skill's names");
        }

        var reasons = renamed.Select(p => $"'{p.Label.TrimEnd(':', ' ')}' for '{p.Name}' ({(p.Match == LabelMatch.Synonym ? "a synonym" : "a paraphrase")})");
        return new CheckOutcome((double)(parts.Length - renamed.Count) / parts.Length, $"use the skill's names: {string.Join("; ", reasons)}");
    }
}
