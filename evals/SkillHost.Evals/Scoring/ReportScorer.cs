using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Scoring.Checks;

namespace SkillHost.Evals.Scoring;

/// <summary>One check's verdict on one report.</summary>
public sealed record CheckScore(string Name, double Score, bool Passed, string Reason, double Weight);

/// <summary>A report's score for one case: the weighted mean of the checks, and whether it reaches the threshold.</summary>
public sealed record CaseScore(string Case, double Overall, bool Passed, double Threshold, ImmutableArray<CheckScore> Checks);

/// <summary>
/// Scores Markdown reports against a case with every <see cref="ReportCheck"/>, run together through
/// Microsoft.Extensions.AI.Evaluation's <see cref="CompositeEvaluator"/>. The overall score is the weighted mean
/// of the checks; a case passes at <see cref="Threshold"/> or above. The nine content and structure checks weigh the
/// same and the default threshold (0.9) exceeds 1 − 1/9.25, so a report that fails any one of them outright fails the
/// case; <c>naming</c> weighs a quarter, so wording alone never does.
/// </summary>
public sealed class ReportScorer
{
    public const double DefaultThreshold = 0.9;

    private readonly CompositeEvaluator _evaluator;

    public ReportScorer(SkillRubric rubric, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        Rubric = rubric;
        Threshold = threshold;
        Checks = AllChecks();
        _evaluator = new CompositeEvaluator(Checks);
    }

    public SkillRubric Rubric { get; }

    public double Threshold { get; }

    public ImmutableArray<ReportCheck> Checks { get; }

    /// <summary>Every check, in the order of the report they look at.</summary>
    public static ImmutableArray<ReportCheck> AllChecks() =>
    [
        new StructureCheck(),
        new HotPathHypothesisCheck(),
        new IssueElementsCheck(),
        new RankingCheck(),
        new PatchSketchCheck(),
        new TradeoffsCheck(),
        new MeasurementPlanCheck(),
        new ExpectedIssueCheck(),
        new FixDirectionCheck(),
        new NamingCheck(),
    ];

    public async Task<CaseScore> ScoreAsync(EvalCase evalCase, string reportMarkdown, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        ArgumentNullException.ThrowIfNull(reportMarkdown);
        var request = new ChatMessage(ChatRole.User, evalCase.Prompt);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, reportMarkdown));
        var result = await _evaluator.EvaluateAsync([request], response, null, [new EvalCaseContext(evalCase, Rubric)], cancellationToken)
            .ConfigureAwait(false);
        var checks = Checks.Select(check =>
        {
            if (!result.TryGet<NumericMetric>(check.Name, out var metric))
            {
                // An evaluator that throws comes back as a metric with error diagnostics: surface them, never a bare KeyNotFound.
                var why = result.Metrics.Values.SelectMany(m => m.Diagnostics ?? []).Select(d => d.Message).FirstOrDefault();
                throw new InvalidOperationException($"the {check.Name} check failed on case {evalCase.Id}: {why ?? "no metric returned"}");
            }

            var score = metric.Value ?? 0;
            var weight = metric.Metadata is { } m && m.TryGetValue("weight", out var w) ? double.Parse(w, CultureInfo.InvariantCulture) : check.Weight;
            return new CheckScore(check.Name, score, score >= 1, metric.Reason ?? "", weight);
        }).ToImmutableArray();
        var overall = checks.Sum(c => c.Score * c.Weight) / checks.Sum(c => c.Weight);
        overall = Math.Round(overall, 4);
        return new CaseScore(evalCase.Id, overall, overall >= Threshold, Threshold, checks);
    }
}
