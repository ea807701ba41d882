using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// Turns ranked findings, the classification of the code and the skill's prose into the five-part report.
/// Findings of one rule in one function become one issue; findings in test code count only when they are
/// asymptotic (the skill's step 1); the patch sketch, tradeoffs and measurement plan follow the top issues.
/// </summary>
/// <param name="plausibleLoopCount">The iterations per loop level the estimates assume (<see cref="ReviewOptions.PlausibleLoopCount"/>), stated in the report.</param>
public sealed partial class PerformanceReportBuilder(WorkflowGuide guide, CostEstimator estimator, double plausibleLoopCount = 10_000)
{
    /// <summary>At most this many issues are listed: the rest are in the findings (JSON, SARIF).</summary>
    public const int DefaultMaxIssues = 5;

    public WorkflowGuide Guide { get; } = RequireFiveParts(guide);

    public CostEstimator Estimator { get; } = estimator ?? throw new ArgumentNullException(nameof(estimator));

    public double PlausibleLoopCount { get; } = plausibleLoopCount;

    /// <summary>Builds the report.</summary>
    /// <param name="findings">Ranked as <see cref="ChecklistReview"/> returns them.</param>
    /// <param name="classifications">One per reviewed file.</param>
    /// <param name="sources">The text of each reviewed file by display path, for the patch sketch.</param>
    public PerformanceReport Build(
        IReadOnlyList<Finding> findings,
        IReadOnlyList<FileClassification> classifications,
        IReadOnlyDictionary<string, SourceText> sources,
        IReadOnlyList<SkippedFile> skipped,
        int maxIssues = DefaultMaxIssues)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(classifications);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(skipped);
        var byPath = classifications.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var groups = Group(findings, byPath).Take(Math.Max(1, maxIssues)).ToList();
        var issues = groups.Select((g, i) => ToIssue(i + 1, g, byPath)).ToList();
        var estimate = EstimateTop(groups);
        return new PerformanceReport(
            Guide.ReportParts,
            Hypothesis(issues, groups, estimate, classifications, PlausibleLoopCount),
            issues,
            groups.Count == 0 ? null : Sketch(groups[0], sources),
            Tradeoffs(issues),
            Plan(issues, groups),
            classifications,
            [.. classifications.Select(c => c.Path)],
            skipped);
    }

    /// <summary>The report's headings are the skill's step-5 names: a skill that does not name five parts cannot drive it.</summary>
    public static bool CanBuild(WorkflowGuide guide, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(guide);
        problem = guide.ReportParts.Count == 5
            ? null
            : $"The skill names {guide.ReportParts.Count} report parts; the five-part report needs five (a list of bold names under a \"report\" or \"output\" heading, as step 5 of the performance skill has).";
        return problem is null;
    }

    private static WorkflowGuide RequireFiveParts(WorkflowGuide guide) =>
        CanBuild(guide, out var problem) ? guide : throw new ArgumentException(problem, nameof(guide));

    private sealed record IssueGroup(IReadOnlyList<Finding> Findings, FunctionClassification? Function, CodeClassification Class)
    {
        public Finding First => Findings[0];
    }

    // Same rule, same file, same function → one issue. Test code keeps only its asymptotic findings.
    private static IEnumerable<IssueGroup> Group(IReadOnlyList<Finding> findings, Dictionary<string, FileClassification> byPath)
    {
        var groups = new List<IssueGroup>();
        var index = new Dictionary<(string, string, string?), int>();
        foreach (var finding in findings)
        {
            var file = byPath.GetValueOrDefault(finding.Path);
            var function = file is null ? null : FunctionAt(file, finding.Start.Line);
            var codeClass = function?.Classification ?? file?.File ?? new CodeClassification(CodeClass.Library, Confidence.Low, [], string.Empty);
            if (codeClass.Class == CodeClass.Test && !finding.Rule.Slug.EndsWith("/quadratic", StringComparison.Ordinal))
            {
                continue;
            }

            var key = (finding.Rule.Id, finding.Path, function?.Name);
            if (index.TryGetValue(key, out var at))
            {
                groups[at] = groups[at] with { Findings = [.. groups[at].Findings, finding] };
            }
            else
            {
                index[key] = groups.Count;
                groups.Add(new IssueGroup([finding], function, codeClass));
            }
        }

        // The skill's step 1 says where effort pays: hot and library code first, then cold code, then tests;
        // within each, by summed estimate, the review's order breaking ties.
        return groups.Select((g, i) => (g, i))
            .OrderBy(x => Priority(x.g.Class.Class))
            .ThenByDescending(x => x.g.Findings.Sum(f => f.Impact.RankingNs))
            .ThenBy(x => x.i)
            .Select(x => x.g);
    }

    private static int Priority(CodeClass codeClass) => codeClass switch
    {
        CodeClass.ApplicationHot or CodeClass.Library => 0,
        CodeClass.ApplicationCold => 1,
        _ => 2,
    };

    private static FunctionClassification? FunctionAt(FileClassification file, int line) =>
        file.Functions.Where(f => f.Name != FunctionClassification.ModuleLevel && f.Line <= line && line <= f.EndLine).OrderByDescending(f => f.Line).FirstOrDefault();

    private ReportIssue ToIssue(int rank, IssueGroup group, Dictionary<string, FileClassification> byPath)
    {
        var first = group.First;
        var count = group.Findings.Count;
        var issue = count == 1 ? first.Message : $"{first.Message} (and {count - 1} more like it in `{group.Function?.Name}`, {(count == 2 ? "line" : "lines")} {string.Join(", ", group.Findings.Skip(1).Select(f => f.Start.Line))})";
        var facts = first.Evidence.Facts.Count == 0 ? "no loop or async context around it" : string.Join("; ", first.Evidence.Facts);
        var where = group.Function is { } fn && fn.Name != FunctionClassification.ModuleLevel ? $"in `{fn.Name}`, " : string.Empty;
        var evidence = $"{facts}; {where}{group.Class.ClassName} code ({(group.Class.Evidence.Count > 0 ? group.Class.Evidence[0].Fact : "no further evidence")}); confidence {first.Confidence.ToString().ToLowerInvariant()}";
        return new ReportIssue(
            rank,
            issue,
            evidence,
            EstimateText(group),
            first.Fix,
            ImpactProse(first.Impact),
            first.Rule.Id,
            first.Rule.Slug,
            first.Path,
            first.Start.Line,
            first.Start.Column,
            first.Confidence.ToString().ToLowerInvariant(),
            group.Class.ClassName,
            group.Function?.Name,
            count,
            [.. group.Findings.Select(f => f.Start.Line)],
            first.ChecklistText);
    }

    private string? EstimateText(IssueGroup group)
    {
        var operations = group.Findings.Select(CostEstimator.ForFinding).OfType<OperationCount>().ToList();
        if (operations.Count == 0)
        {
            return null;
        }

        var estimate = Estimator.Estimate(operations);
        var line = estimate.Lines[0];
        var text = operations.Count == 1 || estimate.Lines.All(l => l.Text == line.Text)
            ? (operations.Count == 1 ? line.Text : $"{operations.Count} × ({line.Text}) = {CostText.Total(estimate.Total)}")
            : $"{string.Join(" + ", estimate.Lines.Select(l => l.Text))} = {CostText.Total(estimate.Total)}";
        return $"{text} per call, an estimate ({line.Row.Describe()})";
    }

    private CostEstimate? EstimateTop(List<IssueGroup> groups)
    {
        var operations = groups.SelectMany(g => g.Findings).Select(CostEstimator.ForFinding).OfType<OperationCount>().ToList();
        return operations.Count == 0 ? null : Estimator.Estimate(operations);
    }

    // The rule's prose without the "Estimate: …" sentence ImpactEstimate appends (the issue shows the estimate on its own line).
    private static string ImpactProse(ImpactEstimate impact)
    {
        var at = impact.CostSource is null ? -1 : impact.Text.LastIndexOf(" Estimate: ", StringComparison.Ordinal);
        return at > 0 ? impact.Text[..at] : impact.Text;
    }
}
