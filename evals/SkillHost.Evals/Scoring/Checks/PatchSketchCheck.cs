using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Scoring.Checks;

/// <summary>The patch sketch has a code block in the case's language (Rust or Python for a PyO3 case).</summary>
public sealed class PatchSketchCheck : ReportCheck
{
    public override string Name => "patch-sketch";

    public override string Description => "the patch sketch has a code block in the case's language";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.PartName(2);
        if (input.Part(2) is not { } part)
        {
            return CheckOutcome.Fail($"no '{name}' part");
        }

        var blocks = PatchCode.From(part);
        if (blocks.IsEmpty)
        {
            return CheckOutcome.Fail($"'{name}' has no fenced code block: show the change as a diff or code");
        }

        var wanted = input.Case.Assertions.Language;
        var fits = blocks.Where(b => Fits(b.Language, wanted)).ToList();
        var seen = string.Join(", ", blocks.Select(b => b.Language?.ToString().ToLowerInvariant() ?? b.LanguageText));
        return fits.Count > 0
            ? CheckOutcome.Pass($"{blocks.Length} code block(s), {fits.Count} in {Describe(wanted)}")
            : CheckOutcome.Fail($"the code is in {seen}, but the case is {Describe(wanted)}");
    }

    public static bool Fits(CaseLanguage? block, CaseLanguage wanted) => wanted switch
    {
        CaseLanguage.PyO3 => block is CaseLanguage.Rust or CaseLanguage.Python or CaseLanguage.PyO3,
        _ => block == wanted,
    };

    private static string Describe(CaseLanguage language) => language switch
    {
        CaseLanguage.PyO3 => "PyO3 (Rust or Python)",
        _ => language.ToString(),
    };
}
