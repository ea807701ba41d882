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
/// <param name="assumeN">The scenario count the estimates assume where the code does not say (<see cref="ReviewOptions.AssumeN"/>), stated in the report.</param>
public sealed partial class PerformanceReportBuilder(WorkflowGuide guide, CostEstimator estimator, double assumeN = ReviewOptions.DefaultAssumeN)
{
    /// <summary>The report classifies (step 1) the files holding this many leading issues, unless verbose.</summary>
    public const int ClassifiedIssues = 5;

    /// <summary>At most this many issues are listed: the rest are counted (the text, JSON and SARIF formats list every finding).</summary>
    public const int DefaultMaxIssues = 10;

    public WorkflowGuide Guide { get; } = RequireFiveParts(guide);

    public CostEstimator Estimator { get; } = estimator ?? throw new ArgumentNullException(nameof(estimator));

    public double AssumeN { get; } = assumeN;

    /// <summary>Builds the report.</summary>
    /// <param name="findings">Ranked as <see cref="ChecklistReview"/> returns them.</param>
    /// <param name="classifications">One per reviewed file.</param>
    /// <param name="sources">The text of each reviewed file by display path, for the patch sketch.</param>
    /// <param name="verbose">Show the step-1 classification of every file, not only of those holding a listed issue.</param>
    /// <param name="profiles">Profiles joined to the code: issues rank by measured share and the hypothesis quotes the measurement.</param>
    public PerformanceReport Build(
        IReadOnlyList<Finding> findings,
        IReadOnlyList<FileClassification> classifications,
        IReadOnlyDictionary<string, SourceText> sources,
        IReadOnlyList<SkippedFile> skipped,
        int maxIssues = DefaultMaxIssues,
        bool verbose = false,
        IReadOnlyList<Profiles.ProfileAttribution>? profiles = null)
    {
        profiles ??= [];
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(classifications);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(skipped);
        var byPath = classifications.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var all = Group(findings, byPath, measured: profiles.Count > 0).ToList();
        var groups = all.Take(Math.Max(1, maxIssues)).ToList();
        var issues = groups.Select((g, i) => ToIssue(i + 1, g, byPath)).ToList();
        // Step 1 for the files of the leading issues (every file with --verbose): the facts a reader checks first.
        var classified = verbose
            ? classifications
            : [.. classifications.Where(c => issues.Take(ClassifiedIssues).Any(i => i.Path == c.Path))];
        var assumed = issues.Any(i => i.Estimate?.Passes.Source == PassSource.Assumed);
        return new PerformanceReport(
            Guide.ReportParts,
            profiles.Count > 0 ? MeasuredHypothesis(issues, groups, classified, verbose, profiles) : Hypothesis(issues, groups, classified, verbose),
            issues,
            groups.Count == 0 ? null : Sketch(groups[0], sources),
            Tradeoffs(issues),
            Plan(issues, groups),
            classifications,
            [.. classifications.Select(c => c.Path)],
            skipped)
        {
            AssumeN = AssumeN,
            Assumption = assumed
                ? $"where the code does not say how many items a loop walks, estimates assume {CostText.Count(AssumeN)} (`--assume-n`); a figure resting on that says \"if …\"."
                : null,
            IssueCount = all.Count,
            FindingCount = all.Sum(g => g.Findings.Count),
            ClassifiedFiles = [.. classified.Select(c => c.Path)],
        };
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
    private static IEnumerable<IssueGroup> Group(IReadOnlyList<Finding> findings, Dictionary<string, FileClassification> byPath, bool measured)
    {
        var groups = new List<IssueGroup>();
        var index = new Dictionary<(string, string, string?), int>();
        foreach (var finding in findings)
        {
            var file = byPath.GetValueOrDefault(finding.Path);
            var function = file is null ? null : FunctionAt(file, finding.Start.Line);
            var codeClass = function?.Classification ?? file?.File ?? new CodeClassification(CodeClass.Library, Confidence.Low, [], string.Empty);
            if (SourceRoles.Of(finding.Path) is not SourceRole.Production and not SourceRole.Test && codeClass.Class is not CodeClass.Test)
            {
                // Benchmarks, examples, docs, scripts, migrations, fuzz targets, build scripts: code beside the product.
                codeClass = codeClass with { Class = CodeClass.ApplicationCold };
            }

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

        // The skill's step 1 says where effort pays: hot and library code first, then cold code (start-up, scripts, code
        // beside the product), then tests; within each, by summed estimate under the stated scenario, the review's order
        // breaking ties. Code on an exit path is priced once per call by its estimate, so it sinks by itself.
        // With a profile, measured time comes first: the class is a guess about where time goes, the profile a fact.
        return groups.Select((g, i) => (g, i))
            .OrderByDescending(x => measured ? x.g.Findings.Max(f => f.Measured?.Share ?? 0) : 0)
            .ThenBy(x => Priority(x.g.Class.Class))
            .ThenByDescending(x => x.g.Findings.Sum(f => f.Impact.RankingNs))
            .ThenBy(x => x.i)
            .Select(x => x.g);
    }

    /// <summary>The tier of step-1 class an issue ranks in: 0 for hot and library code, which alone may make the hot path hypothesis.</summary>
    internal static int Priority(CodeClass codeClass) => codeClass switch
    {
        CodeClass.ApplicationHot or CodeClass.Library => 0,
        CodeClass.ApplicationCold => 1,
        _ => 2,
    };

    private static FunctionClassification? FunctionAt(FileClassification file, int line) =>
        file.Functions.Where(f => f.Name != FunctionClassification.ModuleLevel && f.Line <= line && line <= f.EndLine).OrderByDescending(f => f.Line).FirstOrDefault();

    // An issue standing for hundreds of findings names the first few lines; the findings formats list them all.
    private const int MaxLinesListed = 8;

    // The estimate, then what the profile measured (labelled as such): the two are never blended.
    private static string? EstimateSentence(FindingEstimate? estimate, IReadOnlyList<Finding> findings)
    {
        var measured = estimate?.Measured ?? findings.Select(f => f.Measured).OfType<MeasuredCost>().MaxBy(m => m.Share);
        var text = estimate is null ? null : Cost.EstimateText.Sentence(estimate);
        return measured is null ? text : text is null ? Cost.EstimateText.Measured(measured) : $"{text}; {Cost.EstimateText.Measured(measured)}";
    }

    private static ReportIssue ToIssue(int rank, IssueGroup group, Dictionary<string, FileClassification> byPath)
    {
        var first = group.First;
        var count = group.Findings.Count;
        var others = group.Findings.Skip(1).Select(f => f.Start.Line).ToList();
        var shown = others.Count <= MaxLinesListed ? string.Join(", ", others) : $"{string.Join(", ", others.Take(MaxLinesListed))}, …";
        var issue = count == 1 ? first.Message : $"{first.Message} (and {count - 1} more like it in `{group.Function?.Name}`, {(count == 2 ? "line" : "lines")} {shown})";
        var facts = first.Evidence.Facts.Count == 0 ? "no loop or async context around it" : string.Join("; ", first.Evidence.Facts);
        var estimate = Cost.EstimateText.Combine([.. group.Findings.Select(f => f.Impact.Estimate).OfType<FindingEstimate>()]);
        // The class's own evidence is in the step-1 classification of the hypothesis: here, the class alone.
        var evidence = $"{facts}; confidence {first.Confidence.ToString().ToLowerInvariant()}";
        return new ReportIssue(
            rank,
            issue,
            evidence,
            EstimateSentence(estimate, group.Findings),
            estimate,
            first.Fix,
            first.Impact.Text,
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
}
