using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// The skill's step-5 report, typed: hot path hypothesis, top issues (ranked), patch sketch, tradeoffs and
/// risks, measurement plan. <see cref="PartNames"/> holds the five names exactly as the skill writes them
/// (<c>SkillDocument.ReportParts</c>); renderers use them as headings.
/// </summary>
/// <param name="Files">The files (or inline inputs) reviewed, as displayed.</param>
/// <param name="Skipped">Inputs that could not be reviewed, and why.</param>
public sealed record PerformanceReport(
    IReadOnlyList<string> PartNames,
    HotPathHypothesis HotPathHypothesis,
    IReadOnlyList<ReportIssue> TopIssues,
    PatchSketch? PatchSketch,
    IReadOnlyList<string> TradeoffsAndRisks,
    MeasurementPlan MeasurementPlan,
    IReadOnlyList<FileClassification> Classifications,
    IReadOnlyList<string> Files,
    IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>The scenario count for each collection the code does not size (<c>--assume-n</c>).</summary>
    public double AssumeN { get; init; } = Rules.ReviewOptions.DefaultAssumeN;

    /// <summary>The assumption the listed estimates rest on, stated once ("where the code does not state …"); null when every listed figure is stated in the code.</summary>
    public string? Assumption { get; init; }

    /// <summary>How many issues the review found in all (findings grouped by rule and function), listed or not.</summary>
    public int IssueCount { get; init; }

    /// <summary>How many findings those issues stand for.</summary>
    public int FindingCount { get; init; }

    /// <summary>Findings below the review's least confidence (<see cref="HiddenBelow"/>): counted, not listed.</summary>
    public int Hidden { get; init; }

    /// <summary>The least confidence the review shows.</summary>
    public Rules.Confidence HiddenBelow { get; init; } = Rules.Confidence.Medium;

    /// <summary>The files whose step-1 classification the report shows: those holding a listed issue (all with <c>--verbose</c>).</summary>
    public IReadOnlyList<string> ClassifiedFiles { get; init; } = [];
}

/// <summary>What probably dominates the cost, why, and the estimate behind it (estimated, never measured: the tool runs nothing).</summary>
/// <param name="Summary">One paragraph: the hot spot and its estimated share.</param>
/// <param name="Evidence">Supporting facts: hot functions and why, the classes of the files.</param>
/// <param name="Estimate">The estimate of the issue the hypothesis names; null when none is priced or no issue lies in hot or library code.</param>
public sealed record HotPathHypothesis(string Summary, IReadOnlyList<string> Evidence, Rules.FindingEstimate? Estimate)
{
    /// <summary>What the profiles measured: one line per profile with its hottest functions; empty without a profile.</summary>
    public IReadOnlyList<string> Measurement { get; init; } = [];
}

/// <summary>One ranked issue: issue → evidence/estimate → fix → expected impact, and where it is.</summary>
/// <param name="Rank">1 for the largest expected impact.</param>
/// <param name="Issue">What is wrong, in one or two sentences.</param>
/// <param name="Evidence">Why the code is believed hot (loops, async context, per-item callers), the class of its code and the rule's confidence.</param>
/// <param name="EstimateText">The estimate as <see cref="EstimateText"/> writes it ("if `rows` has 1,000 items: 1,000 × 20–40 ns = 20–40 µs per call (…)"), or null when the skill prices nothing for it.</param>
/// <param name="Estimate">The same as data (the findings' estimates combined).</param>
/// <param name="Occurrences">How many findings of the same rule in the same function this issue stands for.</param>
/// <param name="Lines">Their lines.</param>
public sealed record ReportIssue(
    int Rank,
    string Issue,
    string Evidence,
    string? EstimateText,
    Rules.FindingEstimate? Estimate,
    string Fix,
    string ExpectedImpact,
    string RuleId,
    string Slug,
    string Path,
    int Line,
    int Column,
    string Confidence,
    string CodeClass,
    string? Function,
    int Occurrences,
    IReadOnlyList<int> Lines,
    string? ChecklistText);

/// <summary>The smallest change that realises the top fix: the flagged lines as they are, and the fix applied to them (or the skill's pattern, labelled as one).</summary>
/// <param name="Language">"python" or "rust": the fence language of <paramref name="Before"/> and <paramref name="After"/>.</param>
/// <param name="Note">What to apply and where the "after" shape comes from.</param>
/// <param name="AfterSource">Where <paramref name="After"/> was taken from (a worked example or technique of the skill), or null when it is the rule's fix.</param>
/// <param name="AfterLanguage">The fence language of <paramref name="After"/>: the file's, unless the skill shows the pattern only in the other language (a PyO3 fix on the Rust side).</param>
public sealed record PatchSketch(string Language, string Path, int Line, string Slug, string Before, string After, string Note, string? AfterSource, string AfterLanguage)
{
    /// <summary>True when <see cref="After"/> is <see cref="Before"/> with the rule's mechanical fix applied; false for the skill's pattern or a note.</summary>
    public bool AfterIsFix { get; init; }
}

/// <summary>What to profile or benchmark, with which tool, on which input, and the number that counts as success.</summary>
/// <param name="Traps">The skill's measurement traps that apply (GIL contention, async runtime overhead).</param>
public sealed record MeasurementPlan(IReadOnlyList<MeasurementStep> Steps, string SuccessCriterion, IReadOnlyList<string> Traps);

/// <summary>One measurement: the tool (named by the skill's step 3 for the language), why it fits, and what to run it on.</summary>
public sealed record MeasurementStep(string Tool, string Language, string Why, string Target);
