namespace SkillHost.Evals.Scoring.Checks;

/// <summary>
/// The skill's report parts are all there, in the skill's order, each under a label a reviewer reads as that part (the
/// skill's name, a paraphrase or a synonym, see <see cref="PartNaming"/>); the wording itself is the <c>naming</c> check's.
/// </summary>
public sealed class StructureCheck : ReportCheck
{
    public override string Name => "structure";

    public override string Description => "every part of the skill's report is present, in the skill's order, under a label that names it";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var expected = input.Rubric.PartNames;
        var found = input.Outline.Parts.Select(p => p.Name).ToList();
        var missing = expected.Where(n => !found.Contains(n)).ToList();
        var ordered = found.SequenceEqual(expected.Where(found.Contains));
        var score = (double)(expected.Length - missing.Count) / expected.Length * (ordered ? 1 : 0.5);
        if (missing.Count == 0 && ordered)
        {
            return CheckOutcome.Pass($"all {expected.Length} parts present in order: {string.Join(" → ", expected)}");
        }

        var reasons = new List<string>();
        if (missing.Count > 0)
        {
            reasons.Add($"missing {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        }

        if (!ordered)
        {
            reasons.Add($"out of order: the report has {string.Join(" → ", found)}; the skill's order is {string.Join(" → ", expected)}");
        }

        if (input.Outline.NearMisses.Length > 0)
        {
            reasons.Add($"headings {string.Join(", ", input.Outline.NearMisses.Select(n => $"'{n}'"))} do not use the skill's part names");
        }

        return new CheckOutcome(score, string.Join("; ", reasons));
    }
}
