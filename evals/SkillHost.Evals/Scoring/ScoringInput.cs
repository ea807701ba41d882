using System.Collections.Immutable;
using Microsoft.Extensions.AI.Evaluation;
using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Scoring;

/// <summary>Everything a check looks at: the case, the skill's rubric, and the report split into parts and issues.</summary>
public sealed record ScoringInput(EvalCase Case, SkillRubric Rubric, ReportOutline Outline, ImmutableArray<TopIssue> Issues)
{
    public static ScoringInput Create(EvalCase evalCase, SkillRubric rubric, string reportMarkdown)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        ArgumentNullException.ThrowIfNull(rubric);
        var outline = ReportOutline.Parse(reportMarkdown, rubric.Naming);
        var issuesPart = rubric.PartNames.Length > 1 ? outline.Find(rubric.PartNames[1]) : null;
        var issues = issuesPart is null ? [] : TopIssue.From(issuesPart, reportMarkdown);
        return new ScoringInput(evalCase, rubric, outline, issues);
    }

    /// <summary>The report part the skill lists at <paramref name="index"/> (0-based, step 5's order), when the report has it.</summary>
    public ReportPart? Part(int index) => index < Rubric.PartNames.Length ? Outline.Find(Rubric.PartNames[index]) : null;

    /// <summary>The skill's name of the part at <paramref name="index"/>.</summary>
    public string PartName(int index) => index < Rubric.PartNames.Length ? Rubric.PartNames[index] : $"part {index + 1}";
}

/// <summary>Hands the case and rubric to the evaluators through Microsoft.Extensions.AI.Evaluation's context list.</summary>
public sealed class EvalCaseContext : EvaluationContext
{
    public const string ContextName = "SkillHost eval case";

    public EvalCaseContext(EvalCase evalCase, SkillRubric rubric)
        : base(ContextName, $"case {evalCase?.Id}")
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        ArgumentNullException.ThrowIfNull(rubric);
        Case = evalCase;
        Rubric = rubric;
    }

    public EvalCase Case { get; }

    public SkillRubric Rubric { get; }
}
