using System.Globalization;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>What a rule sees while it analyses one file, and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings;
    private readonly Rule _rule;

    internal RuleContext(Rule rule, SyntaxTree tree, SkillKnowledge skill, ProjectIndex project, ReviewOptions options, List<Finding> findings)
    {
        _rule = rule;
        Tree = tree;
        Skill = skill;
        Project = project;
        Options = options;
        _findings = findings;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The file's model (the parser's tokens, bindings, per-file facts): one per file, shared by every rule that reviews it.</summary>
    public FileModel Model => Tree.Model;

    public SkillKnowledge Skill { get; }

    public ProjectIndex Project { get; }

    public ReviewOptions Options { get; }

    public string Path => Tree.Source.Path ?? "<input>";

    /// <summary>Cancelled when the review is, or when this file has used its time budget; checked whenever a rule asks for <see cref="Nodes{T}"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Every node of type <typeparamref name="T"/> in the file, in document order (<see cref="SyntaxTree.All{T}"/>, indexed once per file).</summary>
    /// <exception cref="OperationCanceledException"><see cref="CancellationToken"/> was cancelled.</exception>
    public IReadOnlyList<T> Nodes<T>() where T : SyntaxNode
    {
        CancellationToken.ThrowIfCancellationRequested();
        return NodesByType.Of<T>(Tree);
    }

    /// <summary>The source text of a span.</summary>
    public string TextOf(TextSpan span) => Tree.Source.ToString(span);

    /// <summary>
    /// Reports a finding at <paramref name="node"/> (or <paramref name="span"/> when given): the
    /// hot-path evidence and the cost-table figure are filled in from the node's context and the
    /// rule's <see cref="RuleDescriptor.CostOperation"/>.
    /// </summary>
    /// <param name="occurrences">How many priced operations one execution of the node performs (2 for two clones).</param>
    /// <param name="cost">What one execution costs when it is not the rule's own cost-table row (a network call among file reads, a sleep of known length).</param>
    /// <param name="occurrencesAssumed">True when <paramref name="occurrences"/> is the scenario count (a list's length the code does not state), not a number the code gives.</param>
    /// <param name="occurrenceAssumption">What <paramref name="occurrences"/> assumes, as a clause ("the vector grows to 1,000 items"); a generic one when null.</param>
    /// <param name="edits">A mechanical fix, when the rule knows one that keeps behaviour: applied together, they are the fix.</param>
    /// <param name="costGrowsWithData">True when one execution's cost grows with the data it handles (a whole collection copied), so the
    /// finding matters without evidence that the code repeats: the rule's <see cref="RuleDescriptor.NeedsRepetition"/> does not apply to it.</param>
    /// <param name="savesOnlyMemory">True when the fix saves memory held for one call (a throwaway list, a per-instance dict), not time.</param>
    public void Report(SyntaxNode node, string message, string fix, Confidence confidence, string impact, TextSpan? span = null, int occurrences = 1, OperationCost? cost = null, IReadOnlyList<Replacement>? edits = null, bool occurrencesAssumed = false, string? occurrenceAssumption = null, bool costGrowsWithData = false, bool savesOnlyMemory = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        var at = span ?? node.Span;
        var evidence = HotPathAnalysis.Evidence(node, Project, Options);
        var descriptor = _rule.Descriptor;
        var calibrateAs = costGrowsWithData ? descriptor with { NeedsRepetition = false } : descriptor;
        var facts = new PassFacts(
            ConfidenceCalibration.ErrorTypeOf(node),
            savesOnlyMemory,
            calibrateAs.NeedsRepetition ? CostlierWork.ConstructorOf(node) ?? ConstructorCaller(node) : null,
            calibrateAs.NeedsRepetition ? CostlierWork.IoInSamePass(node) : null);
        var (calibrated, demotions) = ConfidenceCalibration.Calibrate(calibrateAs, confidence, evidence, SourceRoles.Of(Tree.Source.Path), facts);
        if (demotions.Count > 0)
        {
            evidence = evidence with { Facts = [.. evidence.Facts, .. demotions] };
        }

        var assumption = occurrencesAssumed
            ? occurrenceAssumption ?? string.Create(CultureInfo.InvariantCulture, $"the collection each pass walks has {Cost.CostText.Count(Options.AssumeN)} items")
            : null;
        var impactEstimate = PriceImpact(cost?.Operation ?? descriptor.CostOperation, cost, impact, evidence, occurrences, assumption);
        _findings.Add(new Finding(
            descriptor,
            Path,
            at,
            Tree.Source.GetLinePosition(at.Start),
            Tree.Source.GetLinePosition(at.End),
            message,
            evidence,
            fix,
            impactEstimate,
            calibrated)
        {
            ChecklistText = Skill.ChecklistItem(descriptor.Slug)?.Text,
            Edits = edits is null or { Count: 0 } ? [] : ToSourceEdits(edits),
        });
    }

    // "called by the constructor `Config.__init__` (starlette/config.py:80)": the function runs while an object is built.
    private string? ConstructorCaller(SyntaxNode node) =>
        node.EnclosingFunction() is { } function && Project.ConstructorCallerOf(function) is { } call
            ? $"{CostlierWork.ConstructorOf(call)}, through `{function.Name}` ({ProjectIndex.Place(call)})"
            : null;

    // In file order, with positions; a set that overlaps or leaves the file is dropped whole (the finding stands without it).
    private SourceEdit[] ToSourceEdits(IReadOnlyList<Replacement> edits)
    {
        var source = Tree.Source;
        var ordered = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToArray();
        var result = new SourceEdit[ordered.Length];
        var end = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            var span = ordered[i].Span;
            if (span.Start < end || span.Start < 0 || span.End > source.Length || ordered[i].NewText is null)
            {
                return [];
            }

            end = span.End;
            result[i] = new SourceEdit(span, source.GetLinePosition(span.Start), source.GetLinePosition(span.End), source.ToString(span), ordered[i].NewText);
        }

        return result;
    }

    private ImpactEstimate PriceImpact(string? operation, OperationCost? known, string impact, HotPathEvidence evidence, int occurrences, string? occurrenceAssumption)
    {
        CostFigure figure;
        string source;
        string? row = null;
        if (known is { KnownNs: { } ns, KnownSource: { } why })
        {
            figure = new CostFigure(ns, ns);
            source = why;
        }
        else if (operation is not null && Skill.FindCost(operation) is { } cost)
        {
            figure = new CostFigure(cost.Row.MinNs, cost.Row.MaxNs);
            source = $"{cost.Table.Title}: {cost.Row.Operation} ({cost.Row.Text})";
            row = operation;
        }
        else
        {
            return new ImpactEstimate(impact, null, null);
        }

        // A count the code does not state is an assumption: the estimate carries it as one, and has no total.
        var passes = HotPathAnalysis.Passes(evidence.Levels, occurrences, occurrenceAssumption);
        var total = passes.Source == PassSource.Code ? new EstimateTotal(figure.MinNs * passes.Count, figure.MaxNs * passes.Count) : null;
        var estimate = new FindingEstimate(new EstimatePerPass(figure.MinNs, figure.MaxNs, source), passes, total, null);
        return new ImpactEstimate(impact, figure, source)
        {
            RankingNs = estimate.Scenario.MidNs,
            CostOperation = row,
            Estimate = estimate,
        };
    }

    internal static string FormatNs(double ns) => ns switch
    {
        >= 1e9 => (ns / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (ns / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (ns / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " µs",
        _ => ns.ToString("0.##", CultureInfo.InvariantCulture) + " ns",
    };
}

/// <summary>
/// The price of one execution of a finding's operation when the rule's own cost-table row does not fit it:
/// another row of the skill's tables (<see cref="Row"/>), or a duration the code states itself (<see cref="Known"/>,
/// e.g. the argument of a sleep).
/// </summary>
public sealed record OperationCost(string? Operation, double? KnownNs, string? KnownSource)
{
    /// <summary>A row of the skill's cost tables, by its operation name (no figure when the skill has no such row).</summary>
    public static OperationCost Row(string operation) => new(operation, null, null);

    /// <summary>A duration read from the code, and where it comes from (shown as the estimate's source).</summary>
    public static OperationCost Known(double ns, string source) => new(null, ns, source);
}

/// <summary>Knobs of a review.</summary>
/// <param name="AssumeN">The scenario count for each loop level (or collection) whose size the code does not state (<c>--assume-n</c>); every estimate that uses it says so.</param>
/// <param name="MinConfidence">The least confidence a finding needs to be shown by a workflow review (the CLI's and the MCP tools'); lower ones are
/// counted as hidden. Null (the default) decides by scope (<see cref="MinConfidenceFor"/>): code the user pointed at (snippets, files named
/// one by one) shows every finding; a folder or repository shows medium and high, the view calibrated on real code (calibration/README.md),
/// where low-confidence findings were right patterns on code with no evidence that it repeats on a path that matters.</param>
public sealed record ReviewOptions(double AssumeN = ReviewOptions.DefaultAssumeN, Confidence? MinConfidence = null)
{
    /// <summary>The report shows the step-1 classification of every file, not only of those holding a listed issue (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }

    /// <summary>The scenario count when none is asked for.</summary>
    public const double DefaultAssumeN = 1_000;

    /// <summary>The largest scenario count accepted: beyond it an estimate stops meaning one call.</summary>
    public const double MaxAssumeN = 1_000_000;

    /// <summary>Why <paramref name="n"/> cannot be a scenario count (a message saying what to send instead), or null when it can.</summary>
    public static string? AssumeNProblem(double n) => double.IsFinite(n) && n >= 1 && n <= MaxAssumeN && n == Math.Floor(n)
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"assume-n is {n}; pass a whole number of items from 1 to {MaxAssumeN:#,0} (the size assumed for each collection the code does not size; default {DefaultAssumeN:#,0}).");

    public static ReviewOptions Default { get; } = new();

    /// <summary>
    /// The least confidence shown: <see cref="MinConfidence"/> when set; otherwise low for code the user pointed at (inline snippets,
    /// files named one by one: the user's attention says it matters) and medium when a folder was walked.
    /// </summary>
    public Confidence MinConfidenceFor(bool pointedAt) => MinConfidence ?? (pointedAt ? Confidence.Low : Confidence.Medium);
}
