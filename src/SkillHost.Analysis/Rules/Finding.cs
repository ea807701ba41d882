using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>How sure a rule is that a finding is real and matters.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>Why the code is believed to be hot: the facts, and a plausible repetition count derived from them.</summary>
/// <param name="LoopDepth">Loops (within the function) that repeat the flagged code.</param>
/// <param name="InAsyncContext">Inside an async function or block.</param>
/// <param name="PerItemFunction">The enclosing function is called from a loop elsewhere in the reviewed code.</param>
/// <param name="Facts">Sentences a reader can check: "inside `for row in rows` (line 12)".</param>
/// <param name="Repetitions">A plausible number of executions per call of the enclosing code, for ranking.</param>
public sealed record HotPathEvidence(int LoopDepth, bool InAsyncContext, bool PerItemFunction, IReadOnlyList<string> Facts, double Repetitions)
{
    /// <summary>Levels that repeat over data: loops whose trip count the code does not fix, plus one for a per-item function.</summary>
    public int RepeatingLevels { get; init; } = LoopDepth + (PerItemFunction ? 1 : 0);

    /// <summary>Levels whose count <see cref="Repetitions"/> assumes (the code does not state it).</summary>
    public int AssumedLevels { get; init; }

    /// <summary>True when <see cref="PerItemFunction"/> rests on a call resolved to this very function (not a name matched in a loop elsewhere).</summary>
    public bool PerItemResolved { get; init; }

    /// <summary>The loops (and a per-item caller) around the code, outermost first, with what each contributes to the pass count.</summary>
    public IReadOnlyList<RepetitionLevel> Levels { get; init; } = [];
}

/// <summary>How a level of repetition is counted.</summary>
public enum LevelKind
{
    /// <summary>The code states the count (literal or constant bounds, a written-out collection).</summary>
    Stated,

    /// <summary>The code leaves the loop on the pass that reaches it (a return, raise, break, error value).</summary>
    Once,

    /// <summary>A fixed handful the code writes out whose exact count is not read: not multiplied.</summary>
    Fixed,

    /// <summary>The code does not say: the review's scenario value.</summary>
    Assumed,

    /// <summary>The enclosing function is called from a loop elsewhere (matched by name): a fact for ranking, no count to multiply.</summary>
    Caller,
}

/// <summary>One loop (or per-item caller) around a finding.</summary>
/// <param name="Description">"`for order in orders`", "a `while` loop".</param>
/// <param name="Count">Passes per run: stated, 1, or the scenario value.</param>
/// <param name="Assumption">For an assumed level, the clause that says so ("`orders` has 1,000 items").</param>
public sealed record RepetitionLevel(string Description, int Line, double Count, LevelKind Kind, string? Assumption);

/// <summary>The expected impact: the rule's prose (no estimate in it) plus, where the skill prices the operation, the estimate as data.</summary>
/// <param name="PerOccurrence">Cost of one occurrence from the skill's cost table, or null.</param>
/// <param name="CostSource">"Python costs: getattr on an object (50-100 ns)" — the table and row cited.</param>
public sealed record ImpactEstimate(string Text, CostFigure? PerOccurrence, string? CostSource)
{
    /// <summary>Nanoseconds per call of the enclosing code (mid-range figure × repetitions) used to rank findings; 0 when unpriced.</summary>
    public double RankingNs { get; init; }

    /// <summary>The cost-table operation <see cref="PerOccurrence"/> comes from (usually the rule's own), or null when the figure is a duration the code states (a sleep's argument).</summary>
    public string? CostOperation { get; init; }

    /// <summary>The estimate as data (per pass, passes and their source, total); null when the skill prices nothing for it.</summary>
    public FindingEstimate? Estimate { get; init; }
}

/// <summary>A nanosecond range read from a skill cost table.</summary>
public readonly record struct CostFigure(double MinNs, double MaxNs)
{
    public double MidNs => (MinNs + MaxNs) / 2;
}

/// <summary>One problem found in one file, located precisely, with everything a report needs.</summary>
public sealed record Finding(
    RuleDescriptor Rule,
    string Path,
    TextSpan Span,
    LinePosition Start,
    LinePosition End,
    string Message,
    HotPathEvidence Evidence,
    string Fix,
    ImpactEstimate Impact,
    Confidence Confidence)
{
    /// <summary>The checklist wording for the rule's slug, from the skill.</summary>
    public string? ChecklistText { get; init; }

    /// <summary>What a profile measured on the finding's lines or in its function; null without a profile, or when the profile did not run the finding's file.</summary>
    public MeasuredCost? Measured { get; init; }

    /// <summary>A mechanical fix that may be applied as it stands (empty when the fix needs judgement): non-overlapping, in file order.</summary>
    public IReadOnlyList<SourceEdit> Edits { get; init; } = [];
}
