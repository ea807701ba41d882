using System.Globalization;

namespace SkillHost.Evals.Scoring.Checks;

/// <summary>Issues are ranked by expected impact, largest first, judged on the figures their impacts give.</summary>
public sealed class RankingCheck : ReportCheck
{
    public override string Name => "ranking";

    public override string Description => "top issues are ordered by expected impact, largest first";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Issues.Length == 0)
        {
            return CheckOutcome.Fail($"no issues to rank in '{input.PartName(1)}'");
        }

        if (input.Issues.Length == 1)
        {
            return CheckOutcome.Pass("one issue: nothing to rank");
        }

        // Compare the issues whose impacts give figures of one kind (durations with durations, factors with factors).
        var sized = input.Issues.Select(i => (i.Rank, Size: i.ImpactSize())).Where(x => x.Size is not null).ToList();
        var kind = sized.GroupBy(x => x.Size!.Value.Kind).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (kind is null || kind.Count() < 2)
        {
            return CheckOutcome.Pass($"{input.Issues.Length} issues; their impacts give no comparable figures, so the order is taken as written");
        }

        var ranked = kind.ToList();
        var inversions = new List<string>();
        for (var i = 1; i < ranked.Count; i++)
        {
            if (ranked[i].Size!.Value.Value > ranked[i - 1].Size!.Value.Value)
            {
                inversions.Add($"issue {ranked[i].Rank} ({Show(ranked[i].Size!.Value)}) has a larger impact than issue {ranked[i - 1].Rank} ({Show(ranked[i - 1].Size!.Value)}) but is ranked below it");
            }
        }

        return inversions.Count == 0
            ? CheckOutcome.Pass($"{ranked.Count} impacts in decreasing order ({string.Join(" ≥ ", ranked.Select(r => Show(r.Size!.Value)))})")
            : CheckOutcome.Fail($"not ranked largest first: {string.Join("; ", inversions)}");
    }

    private static string Show((string Kind, double Value) size) => size.Kind switch
    {
        "duration" => new SkillHost.Skills.Durations.DurationRange(size.Value, size.Value).ToString(),
        "factor" => size.Value.ToString("0.##", CultureInfo.InvariantCulture) + "×",
        _ => size.Value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
    };
}
