using System.Text.RegularExpressions;

namespace SkillHost.Evals.Scoring.Checks;

/// <summary>The tradeoffs part says what the change costs or risks (a plain "none worth mentioning" with a reason counts).</summary>
public sealed partial class TradeoffsCheck : ReportCheck
{
    public override string Name => "tradeoffs";

    public override string Description => "the tradeoffs part says what the change costs and what could break";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.PartName(3);
        if (input.Part(3) is not { } part)
        {
            return CheckOutcome.Fail($"no '{name}' part");
        }

        var words = Words().Count(part.Markdown) - Words().Count(part.Label);
        return words >= 5
            ? CheckOutcome.Pass($"'{name}' discusses the costs of the change ({words} words)")
            : new CheckOutcome(words == 0 ? 0 : 0.25, $"'{name}' is empty or a stub ({words} words): say what the change costs in correctness, memory, API or complexity");
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
