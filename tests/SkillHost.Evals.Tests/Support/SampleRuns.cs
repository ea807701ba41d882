using SkillHost.Evals.Agents;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Tests.Support;

/// <summary>Eval runs built by scoring real reports, for the report writers' tests.</summary>
internal static class SampleRuns
{
    /// <summary>Two agents: "pipeline" passes example-a and example-b; "llm" passes example-c and fails example-b (wrong issue).</summary>
    public static async Task<EvalRun> MixedAsync()
    {
        async Task<CaseRun> Run(string agent, string caseId, string file, string? error = null)
        {
            var report = Bundled.Report(file);
            var score = await Bundled.ScoreAsync(caseId, report);
            return new CaseRun(agent, Bundled.Case(caseId), score, report, ["perf_review_code"], error, TimeSpan.FromMilliseconds(12));
        }

        return new EvalRun("replay", ReportScorer.DefaultThreshold,
        [
            await Run("pipeline", "example-a", "example-a.good.md"),
            await Run("pipeline", "example-b", "example-b.good.md"),
            await Run("llm", "example-c", "example-c.good.md"),
            await Run("llm", "example-b", "example-b.wrong-issue.md"),
        ]);
    }
}
