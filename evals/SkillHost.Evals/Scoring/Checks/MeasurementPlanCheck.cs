using System.Text.RegularExpressions;

namespace SkillHost.Evals.Scoring.Checks;

/// <summary>The measurement plan names a tool the skill lists for the language (step 3) and a number that counts as success.</summary>
public sealed partial class MeasurementPlanCheck : ReportCheck
{
    public override string Name => "measurement-plan";

    public override string Description => "the measurement plan names one of the skill's tools for the language and a success criterion";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.PartName(4);
        if (input.Part(4) is not { } part)
        {
            return CheckOutcome.Fail($"no '{name}' part");
        }

        var tools = input.Rubric.ToolsFor(input.Case.Assertions.Language);
        var named = tools.Where(t => Regex.IsMatch(part.Markdown, $@"(?<![\w-]){Regex.Escape(t)}(?![\w-])", RegexOptions.IgnoreCase)).ToList();
        var prose = Code().Replace(part.Markdown, " ");
        var criterion = Criterion().Match(prose);
        var reasons = new List<string>
        {
            named.Count > 0 ? $"names {string.Join(", ", named)}" : $"names none of the skill's tools for this language ({string.Join(", ", tools)})",
            criterion.Success ? $"success criterion \"{criterion.Value.Trim()}\"" : "gives no number that counts as success (e.g. \"p99 below 20 ms\", \"peak RSS halved\")",
        };
        var score = (named.Count > 0 ? 0.5 : 0) + (criterion.Success ? 0.5 : 0);
        return new CheckOutcome(score, string.Join("; ", reasons));
    }

    [GeneratedRegex(@"```.*?```|`[^`]*`", RegexOptions.Singleline)]
    private static partial Regex Code();

    // A target word near a figure: "below 20 ms", "at least 10× faster", "≤ 5 ms", "halved", "from 40 MB to 4 MB".
    [GeneratedRegex(@"(?:below|under|at most|at least|less than|more than|fewer than|no more than|within|≤|≥|<=|>=|<|>)\s*~?\s*\d[\d,.]*\s*\S*|\d[\d,.]*\s*(?:×|x\b|times|%)\s*(?:faster|fewer|less|smaller|lower|drop|reduction|speed-?up)?|\b(?:halved|halve|doubled|double)\b|from\s+~?\d[\d,.]*\s*\S*\s+(?:down\s+)?to\s+~?\d[\d,.]*\s*\S*", RegexOptions.IgnoreCase)]
    private static partial Regex Criterion();
}
