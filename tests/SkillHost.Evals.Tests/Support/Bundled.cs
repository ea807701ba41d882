using System.Collections.Immutable;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Scoring;
using SkillHost.Skills;

namespace SkillHost.Evals.Tests.Support;

/// <summary>The bundled skill, its rubric and cases, parsed once for all tests.</summary>
internal static class Bundled
{
    private static readonly Lazy<SkillDocument> LazySkill = new(() => SkillParser.ParseFile(RepoPaths.SkillFile));
    private static readonly Lazy<ImmutableArray<EvalCase>> LazyCases = new(() => CaseCatalog.Load(RepoPaths.Cases, Skill));

    public static SkillDocument Skill => LazySkill.Value;

    public static SkillRubric Rubric => SkillRubric.From(Skill).WithSynonyms(Path.Combine(RepoPaths.Cases, SkillRubric.SynonymsFileName));

    public static ImmutableArray<EvalCase> Cases => LazyCases.Value;

    public static EvalCase Case(string id) => Cases.Single(c => c.Id == id);

    public static string Report(string name) => File.ReadAllText(RepoPaths.Report(name));

    public static Task<CaseScore> ScoreAsync(string caseId, string report) =>
        new ReportScorer(Rubric).ScoreAsync(Case(caseId), report, TestContext.Current.CancellationToken);
}
