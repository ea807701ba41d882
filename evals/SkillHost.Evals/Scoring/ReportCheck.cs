using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace SkillHost.Evals.Scoring;

/// <summary>What one check found: a score in [0, 1] and the reason, written for the person fixing the report.</summary>
public readonly record struct CheckOutcome(double Score, string Reason)
{
    public static CheckOutcome Pass(string reason) => new(1, reason);

    public static CheckOutcome Fail(string reason) => new(0, reason);
}

/// <summary>
/// One scoring check as a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>: it reads the response
/// text as a Markdown report, needs an <see cref="EvalCaseContext"/>, and returns one <see cref="NumericMetric"/>
/// (named <see cref="Name"/>) with the reason and an interpretation that fails below a full score.
/// </summary>
public abstract class ReportCheck : IEvaluator
{
    /// <summary>The metric name, e.g. <c>structure</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the check verifies, for reports and <c>--help</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Weight in the overall score. The checks weigh the same, so that any one failing outright fails the case; only <c>naming</c> weighs less.</summary>
    public virtual double Weight => 1;

    public IReadOnlyCollection<string> EvaluationMetricNames => [Name];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var context = additionalContext?.OfType<EvalCaseContext>().FirstOrDefault()
            ?? throw new ArgumentException($"The {Name} check needs an {nameof(EvalCaseContext)} (the case and the skill's rubric).", nameof(additionalContext));
        var input = ScoringInput.Create(context.Case, context.Rubric, modelResponse.Text);
        var outcome = Check(input);
        var score = Math.Clamp(outcome.Score, 0, 1);
        var metric = new NumericMetric(Name, score, outcome.Reason)
        {
            Interpretation = new EvaluationMetricInterpretation(
                score >= 1 ? EvaluationRating.Exceptional : score >= 0.5 ? EvaluationRating.Average : EvaluationRating.Unacceptable,
                failed: score < 1,
                outcome.Reason),
        };
        metric.AddOrUpdateMetadata("weight", Weight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ValueTask<EvaluationResult>(new EvaluationResult(metric));
    }

    /// <summary>Scores one report.</summary>
    public abstract CheckOutcome Check(ScoringInput input);
}
