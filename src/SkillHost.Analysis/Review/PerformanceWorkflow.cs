using System.Globalization;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Analysis.Review;

/// <summary>What a workflow review produced: the five-part report and the findings behind it.</summary>
/// <param name="Outcome">The checklist review's findings (ranked), files and skipped inputs: what JSON findings and SARIF render.</param>
public sealed record WorkflowResult(PerformanceReport Report, ReviewOutcome Outcome)
{
    /// <summary>The profiles given, joined to the reviewed code; empty without one.</summary>
    public IReadOnlyList<Profiles.ProfileAttribution> Profiles { get; init; } = [];

    /// <summary>The report with every issue listed and every file classified, when the review was asked for it; else null.</summary>
    public PerformanceReport? FullReport { get; init; }

    /// <summary>True when no input could be reviewed (every one was empty, binary, too large, unreadable or not Python/Rust).</summary>
    public bool NothingReviewed => Outcome.Files.Count == 0;

    /// <summary>Why nothing was reviewed, one line per input, for an error message; empty when something was.</summary>
    public string Problem => NothingReviewed
        ? Outcome.Skipped.Count == 0
            ? "Nothing to review: no Python (.py, .pyi) or Rust (.rs) source was given."
            : "Nothing could be reviewed: " + string.Join("; ", Outcome.Skipped.Select(s => $"{s.Path}: {s.Describe()}"))
        : string.Empty;
}

/// <summary>
/// The skill's whole workflow in one place: classify (step 1), checklist review with estimates (steps 2
/// and 4), five-part report (step 5), plus the estimator and the report normaliser on their own. Built
/// once per parsed skill and thread-safe; the inline-code methods never touch the file system, so an MCP
/// server can call them with code from a request.
/// </summary>
public sealed class PerformanceWorkflow
{
    private readonly ChecklistReview _review;
    private readonly PerformanceReportBuilder? _builder;
    private readonly ReviewOptions _options;

    /// <param name="skill">The parsed skill: cost tables, checklist, step prose and report parts come from it.</param>
    /// <param name="rules">The checklist rules to run; <see cref="RuleCatalog.All"/> when null.</param>
    public PerformanceWorkflow(SkillDocument skill, IReadOnlyList<Rule>? rules = null, ReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(skill);
        Skill = skill;
        _options = options ?? ReviewOptions.Default;
        Guide = new WorkflowGuide(skill);
        Knowledge = new SkillKnowledge(skill);
        Estimator = new CostEstimator(skill);
        Classifier = new CodeClassifier(Guide);
        Normalizer = new ReportNormalizer(Guide);
        _review = new ChecklistReview(Knowledge, rules ?? RuleCatalog.All, options);
        _builder = PerformanceReportBuilder.CanBuild(Guide, out var problem)
            ? new PerformanceReportBuilder(Guide, Estimator, (options ?? ReviewOptions.Default).AssumeN)
            : null;
        ReportProblem = problem;
    }

    private PerformanceWorkflow(PerformanceWorkflow other, ReviewOptions options)
    {
        Skill = other.Skill;
        _options = options;
        Guide = other.Guide;
        Knowledge = other.Knowledge;
        Estimator = other.Estimator;
        Classifier = other.Classifier;
        Normalizer = other.Normalizer;
        _review = new ChecklistReview(Knowledge, other._review.Rules, options);
        _builder = other._builder is null ? null : new PerformanceReportBuilder(Guide, Estimator, options.AssumeN);
        ReportProblem = other.ReportProblem;
    }

    /// <summary>The same workflow (skill, rules, parsed tables shared) with other knobs: a scenario count per call, say.</summary>
    public PerformanceWorkflow With(ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options == _options ? this : new PerformanceWorkflow(this, options);
    }

    /// <summary>The knobs of this workflow's reviews.</summary>
    public ReviewOptions Options => _options;

    /// <summary>True when the skill names the five report parts, so <see cref="Review"/> can write the report.</summary>
    public bool CanReport => _builder is not null;

    /// <summary>Why <see cref="CanReport"/> is false (a message for the user), else null.</summary>
    public string? ReportProblem { get; }

    public SkillDocument Skill { get; }

    public WorkflowGuide Guide { get; }

    public SkillKnowledge Knowledge { get; }

    public CostEstimator Estimator { get; }

    public CodeClassifier Classifier { get; }

    public ReportNormalizer Normalizer { get; }

    /// <summary>The rules the review runs.</summary>
    public IReadOnlyList<Rule> Rules => _review.Rules;

    /// <summary>Classify + checklist review + estimate + report for inline code. Bad inputs are skipped with a reason (see <see cref="WorkflowResult.Problem"/>).</summary>
    /// <exception cref="InvalidOperationException">The skill names no five report parts (<see cref="CanReport"/> is false).</exception>
    /// <param name="fullReport">Also build <see cref="WorkflowResult.FullReport"/> (every issue, every file classified).</param>
    /// <param name="profiles">Profiles of the code's runs: findings are measured and ranked by them.</param>
    public WorkflowResult Review(IReadOnlyList<SourceInput> inputs, int maxIssues = PerformanceReportBuilder.DefaultMaxIssues, bool fullReport = false, IReadOnlyList<Profiles.Profile>? profiles = null)
    {
        var (trees, skipped) = Parse(inputs);
        return Run(trees, skipped, maxIssues, pointedAt: true, profiles is null ? null : SourceReviewOptions.Default with { Profiles = profiles }, fullReport);
    }

    /// <summary>The same for files and folders on disk (folders walked as <see cref="SourceDiscovery"/> does).</summary>
    public WorkflowResult ReviewPaths(IReadOnlyList<string> paths, string workingDirectory, int maxIssues = PerformanceReportBuilder.DefaultMaxIssues) =>
        ReviewPaths(paths, workingDirectory, SourceReviewOptions.Default, maxIssues);

    /// <summary>As <see cref="ReviewPaths(IReadOnlyList{string}, string, int)"/>, with progress, cancellation and refused files (an MCP server's roots).</summary>
    public WorkflowResult ReviewPaths(IReadOnlyList<string> paths, string workingDirectory, SourceReviewOptions options, int maxIssues = PerformanceReportBuilder.DefaultMaxIssues, bool fullReport = false)
    {
        var (trees, skipped) = new SourceReview(_review).Load(paths, workingDirectory, options);
        return Run(trees, skipped, maxIssues, SourceReview.NamesFilesOnly(paths, workingDirectory), options, fullReport);
    }

    /// <summary>
    /// Step 3's evidence on its own: each profile's hot functions and lines, mapped to the source under <paramref name="sourcePaths"/>
    /// (reviewed, so the findings in each hot function are named) when any are given.
    /// </summary>
    /// <param name="profiles">Read profiles (each with its <see cref="Profiles.ProfileReadResult.Profile"/> set).</param>
    public IReadOnlyList<Profiles.ProfileAnalysis> AnalyzeProfiles(IReadOnlyList<Profiles.ProfileReadResult> profiles, IReadOnlyList<string> sourcePaths, string workingDirectory, SourceReviewOptions options, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(sourcePaths);
        ArgumentNullException.ThrowIfNull(options);
        var read = profiles.Select(p => p.Profile ?? throw new ArgumentException("a profile that could not be read was passed", nameof(profiles))).ToList();
        if (sourcePaths.Count == 0)
        {
            return [.. profiles.Select(p => Profiles.ProfileAnalysis.Build(new Profiles.ProfileAttribution(p.Profile!, []), [], Guide, p.Diagnostics, limit))];
        }

        var result = ReviewPaths(sourcePaths, workingDirectory, options with { Profiles = read });
        return [.. result.Profiles.Select((a, i) => Profiles.ProfileAnalysis.Build(a, result.Outcome.Findings, Guide, profiles[i].Diagnostics, limit))];
    }

    /// <summary>Step 1 alone, for inline code: each input's class and its functions' classes.</summary>
    public (IReadOnlyList<FileClassification> Files, IReadOnlyList<SkippedFile> Skipped) Classify(IReadOnlyList<SourceInput> inputs)
    {
        var (trees, skipped) = Parse(inputs);
        return (Classifier.Classify(trees), skipped);
    }

    /// <summary>Step 1 alone, for files and folders on disk.</summary>
    public (IReadOnlyList<FileClassification> Files, IReadOnlyList<SkippedFile> Skipped) ClassifyPaths(IReadOnlyList<string> paths, string workingDirectory) =>
        ClassifyPaths(paths, workingDirectory, SourceReviewOptions.Default);

    /// <summary>As <see cref="ClassifyPaths(IReadOnlyList{string}, string)"/>, with progress, cancellation and refused files.</summary>
    public (IReadOnlyList<FileClassification> Files, IReadOnlyList<SkippedFile> Skipped) ClassifyPaths(IReadOnlyList<string> paths, string workingDirectory, SourceReviewOptions options)
    {
        var (trees, skipped) = new SourceReview(_review).Load(paths, workingDirectory, options);
        return (Classifier.Classify(trees), skipped);
    }

    /// <summary>Step 2 alone: <c>"operation=count[@duration]"</c> texts priced with the skill's cost tables.</summary>
    /// <exception cref="CostEstimateException">A malformed text, an unknown operation, a bad count or concurrency (the message says what to do).</exception>
    public CostEstimate Estimate(IEnumerable<string> operations, int? concurrency = null) => Estimator.Estimate(operations, concurrency);

    /// <summary>A report an agent wrote, normalised into the skill's five parts with what is missing.</summary>
    /// <exception cref="ArgumentException">The report is empty or too large.</exception>
    public NormalizedReport FormatReport(string report) => Normalizer.Normalize(report);

    private WorkflowResult Run(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<SkippedFile> skipped, int maxIssues, bool pointedAt, SourceReviewOptions? options = null, bool fullReport = false)
    {
        var builder = _builder ?? throw new InvalidOperationException(ReportProblem);
        // One cross-file index serves both the rules and the classifier.
        var project = ProjectIndex.Build(trees);
        var outcome = new SourceReview(_review).Run(trees, skipped, project, options ?? SourceReviewOptions.Default).AtLeast(_options.MinConfidenceFor(pointedAt));
        // A file over its time budget is reported as skipped, not classified.
        var reviewed = outcome.Skipped.Count == skipped.Count ? trees : [.. trees.Where(t => outcome.Files.Contains(t.Source.Path!))];
        var classifications = Classifier.Classify(reviewed, project);
        var sources = trees.ToDictionary(t => t.Source.Path!, t => t.Source, StringComparer.Ordinal);
        // Evidence beats estimates: with a profile, findings carry what it measured and rank by it.
        IReadOnlyList<Profiles.ProfileAttribution> profiles = [.. (options?.Profiles ?? []).Select(p => new Profiles.ProfileAttribution(p, classifications))];
        if (profiles.Count > 0)
        {
            outcome = outcome with { Findings = Profiles.MeasuredFindings.Apply(outcome.Findings, profiles, classifications, sources) };
        }

        PerformanceReport Build(int issues) =>
            builder.Build(outcome.Findings, classifications, sources, outcome.Skipped, issues, _options.Verbose, profiles) with { Hidden = outcome.Hidden, HiddenBelow = outcome.MinConfidence };
        var report = Build(maxIssues);

        // The default report is for an agent's context: when the default number of issues renders past the budget, fewer are
        // ranked (the rest stay counted under "and N more"), rebuilt so every part speaks of the issues it lists.
        for (var issues = maxIssues; maxIssues == PerformanceReportBuilder.DefaultMaxIssues && issues > 1
            && MarkdownReportRenderer.Render(report).Length > MarkdownReportRenderer.ShortReportCharacters;)
        {
            report = Build(--issues);
        }

        return new WorkflowResult(report, outcome)
        {
            FullReport = fullReport ? builder.Build(outcome.Findings, classifications, sources, outcome.Skipped, int.MaxValue, verbose: true, profiles) with { Hidden = outcome.Hidden, HiddenBelow = outcome.MinConfidence } : null,
            Profiles = profiles,
        };
    }

    /// <summary>Parses inline inputs; empty, binary (NUL), oversized and unrecognised inputs are skipped with a message.</summary>
    public static (IReadOnlyList<SyntaxTree> Trees, IReadOnlyList<SkippedFile> Skipped) Parse(IReadOnlyList<SourceInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var trees = new List<SyntaxTree>();
        var skipped = new List<SkippedFile>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i] ?? throw new ArgumentException($"input {i + 1} is null", nameof(inputs));
            var code = input.Code ?? string.Empty;
            var language = Language(input, code);
            var name = UniqueName(input.Path, language, i, names);
            if (code.Length > SourceInput.MaxChars)
            {
                skipped.Add(new SkippedFile(name, SkipReason.TooLarge, string.Create(CultureInfo.InvariantCulture, $"{code.Length / 1048576.0:0.#} M characters, over the {SourceInput.MaxChars / 1048576.0:0.#} M limit: pass the one file or function to review, not a whole code base")));
            }
            else if (code.Contains('\0', StringComparison.Ordinal))
            {
                skipped.Add(new SkippedFile(name, SkipReason.Binary, $"holds a NUL character at offset {code.IndexOf('\0', StringComparison.Ordinal)}, so it is not source text"));
            }
            else if (string.IsNullOrWhiteSpace(code))
            {
                skipped.Add(new SkippedFile(name, SkipReason.Empty, SkippedFile.EmptyDetail));
            }
            else if (language == SourceLanguage.Unknown)
            {
                skipped.Add(new SkippedFile(name, SkipReason.UnsupportedLanguage, "neither the name, the language given nor the content says Python or Rust: name it *.py or *.rs, or pass language \"python\" or \"rust\""));
            }
            else
            {
                try
                {
                    trees.Add(SyntaxParsers.Parse(SourceText.From(code, name), language, forRules: true));
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    // One input the parser cannot handle must not cost the review of the others.
                    skipped.Add(new SkippedFile(name, SkipReason.ParserFailed, SkippedFile.ParserFailedDetail(e)));
                }
            }
        }

        return (trees, skipped);
    }

    private static SourceLanguage Language(SourceInput input, string code)
    {
        // Detection reads at most the first few kilobytes of the content.
        return Languages.LanguageSupport.ForAlias(input.Language)?.Language
            ?? (code.Length > SourceInput.MaxChars ? SourceLanguage.Unknown : LanguageDetector.Detect(input.Path, SourceText.From(code, input.Path)).Language);
    }

    private static string UniqueName(string? path, SourceLanguage language, int index, HashSet<string> names)
    {
        // Unknown content keeps the Python extension it always had in names like "input1.py" (it is skipped anyway).
        var extension = (language == SourceLanguage.Unknown ? Languages.LanguageSupport.Python : Languages.LanguageSupport.For(language)).DefaultExtension;
        var name = string.IsNullOrWhiteSpace(path) ? $"input{index + 1}{extension}" : path.Replace('\\', '/');
        var unique = name;
        for (var n = 2; !names.Add(unique); n++)
        {
            unique = $"{name}#{n}";
        }

        return unique;
    }
}
