using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Skills.Files;

namespace SkillHost.Analysis.Review;

/// <summary>What a review of files and folders produced.</summary>
/// <param name="Findings">Ranked as <see cref="ChecklistReview"/> returns them.</param>
/// <param name="Files">The files reviewed, as displayed (relative to the working folder where possible, forward slashes), sorted.</param>
/// <param name="Skipped">Files that could not be reviewed, and why.</param>
/// <param name="Rules">The rules that ran (after --select/--ignore).</param>
/// <param name="Failures">Rules that threw on a file (a bug in the rule): that rule's findings for that file are missing, everything else is reported.</param>
public sealed record ReviewOutcome(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Files, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<Rule> Rules, IReadOnlyList<RuleFailure>? Failures = null)
{
    /// <summary>Findings left out because their confidence is below the review's <see cref="ReviewOptions.MinConfidence"/>.</summary>
    public int Hidden { get; init; }

    /// <summary>The least confidence a shown finding has.</summary>
    public Confidence MinConfidence { get; init; } = Confidence.Low;

    /// <summary>Only the findings at or above <paramref name="least"/>, counting the rest as <see cref="Hidden"/>.</summary>
    public ReviewOutcome AtLeast(Confidence least)
    {
        var shown = Findings.Where(f => f.Confidence >= least).ToList();
        return this with { Findings = shown, Hidden = Hidden + Findings.Count - shown.Count, MinConfidence = least };
    }

    public int FilesWithFindings => Findings.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count();

    /// <summary><see cref="Failures"/>, never null.</summary>
    public IReadOnlyList<RuleFailure> RuleFailures => Failures ?? [];
}

/// <summary>
/// Reviews files and folders on disk: discovers the sources (<see cref="SourceDiscovery"/>), reads and
/// parses them in parallel, skipping what cannot be read, then runs the checklist review over all of
/// them at once so cross-file facts (a function called from a loop elsewhere) are seen.
/// </summary>
public sealed class SourceReview(ChecklistReview review, long maxFileBytes = SourceFileReader.DefaultMaxBytes)
{
    /// <summary>
    /// True when every path names a file (none is a folder to walk): code the user pointed at one file at a time, which a review
    /// shows in full (see <see cref="Rules.ReviewOptions.MinConfidenceFor"/>).
    /// </summary>
    public static bool NamesFilesOnly(IReadOnlyList<string> paths, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Count > 0 && paths.All(p => !Directory.Exists(Path.Combine(workingDirectory, p)));
    }

    // Cargo.toml facts, read once per folder for this review.
    private readonly Projects.CargoManifests _cargo = new();

    public ReviewOutcome Run(IReadOnlyList<string> paths, string workingDirectory) =>
        Run(paths, workingDirectory, SourceReviewOptions.Default);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, string)"/>, reporting progress per file read, honouring cancellation and refusing files the caller must not read.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing partial is returned.</exception>
    public ReviewOutcome Run(IReadOnlyList<string> paths, string workingDirectory, SourceReviewOptions options)
    {
        var (trees, skipped) = Load(paths, workingDirectory, options);
        return Run(trees, skipped, ProjectIndex.Build(trees), options);
    }

    /// <summary>Runs the checklist review over trees already loaded (by <see cref="Load"/> or from inline code).</summary>
    public ReviewOutcome Run(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<SkippedFile> skipped) =>
        Run(trees, skipped, ProjectIndex.Build(trees ?? throw new ArgumentNullException(nameof(trees))));

    /// <summary>As <see cref="Run(IReadOnlyList{SyntaxTree}, IReadOnlyList{SkippedFile})"/>, with the cross-file index already built over <paramref name="trees"/>.</summary>
    public ReviewOutcome Run(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<SkippedFile> skipped, ProjectIndex project) =>
        Run(trees, skipped, project, SourceReviewOptions.Default);

    /// <summary>As <see cref="Run(IReadOnlyList{SyntaxTree}, IReadOnlyList{SkippedFile}, ProjectIndex)"/>, honouring the options' cancellation and per-file budget: a file over budget moves from the files reviewed to the skipped ones.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; nothing partial is returned.</exception>
    public ReviewOutcome Run(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<SkippedFile> skipped, ProjectIndex project, SourceReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(options);
        var result = review.Run(trees, project, options.FileBudget, options.CancellationToken);
        // Suppression comments are part of the code: honoured by every caller (CLI, MCP tools), once.
        var filters = options.Filters.Any(f => f is Suppressions.SuppressionFilter) ? options.Filters : [new Suppressions.SuppressionFilter(), .. options.Filters];
        result = result with { Findings = FindingFilter.ApplyAll(filters, result.Findings, trees) };
        if (result.OverBudget.Count == 0)
        {
            return new ReviewOutcome(result.Findings, [.. trees.Select(t => t.Source.Path!)], skipped, review.Rules, result.Failures);
        }

        var over = result.OverBudget.ToHashSet(StringComparer.Ordinal);
        var detail = SkippedFile.OverBudgetDetail(options.FileBudget!.Value, "the rules");
        return new ReviewOutcome(
            result.Findings,
            [.. trees.Select(t => t.Source.Path!).Where(p => !over.Contains(p))],
            [.. skipped, .. result.OverBudget.Select(p => new SkippedFile(p, SkipReason.OverBudget, detail))],
            review.Rules,
            result.Failures);
    }

    /// <summary>
    /// Discovers, reads and parses the files below <paramref name="paths"/> in parallel. A file named
    /// explicitly that is empty is skipped with a message (a walked one is simply reviewed: empty
    /// <c>__init__.py</c> files are normal).
    /// </summary>
    public (IReadOnlyList<SyntaxTree> Trees, IReadOnlyList<SkippedFile> Skipped) Load(IReadOnlyList<string> paths, string workingDirectory) =>
        Load(paths, workingDirectory, SourceReviewOptions.Default);

    /// <summary>As <see cref="Load(IReadOnlyList{string}, string)"/>, with progress, cancellation and refusals (<see cref="SourceReviewOptions"/>).</summary>
    public (IReadOnlyList<SyntaxTree> Trees, IReadOnlyList<SkippedFile> Skipped) Load(IReadOnlyList<string> paths, string workingDirectory, SourceReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        ArgumentNullException.ThrowIfNull(options);
        var (files, unwalkable) = SourceDiscovery.Discover(paths, workingDirectory, options.Exclude, options.ForceExclude);
        options.Discovered?.Invoke(files);
        var named = new HashSet<string>(
            paths.Select(p => SourceDiscovery.FullPath(p, workingDirectory)).Where(p => !Directory.Exists(p)),
            StringComparer.Ordinal);
        var loaded = new (SyntaxTree? Tree, SkippedFile? Skipped)[files.Count];
        var done = 0;
        var parallel = new ParallelOptions { CancellationToken = options.CancellationToken };
        Parallel.For(0, files.Count, parallel, i =>
        {
            var display = DisplayPath(files[i], workingDirectory);
            loaded[i] = options.Refuse?.Invoke(files[i]) is { } refusal
                ? (null, new SkippedFile(display, SkipReason.Unreadable, refusal))
                : Load(files[i], display, named.Contains(files[i]), options);
            options.Progress?.Report(new ReviewProgress(Interlocked.Increment(ref done), files.Count));
        });
        options.CancellationToken.ThrowIfCancellationRequested();

        var skipped = unwalkable.Select(u => new SkippedFile(DisplayPath(u.Path, workingDirectory), SkipReason.Unreadable, u.Detail))
            .Concat(loaded.Select(l => l.Skipped).OfType<SkippedFile>())
            .ToList();
        return ([.. loaded.Select(l => l.Tree).OfType<SyntaxTree>()], skipped);
    }

    /// <summary>Relative to the working folder when below it, else absolute; forward slashes either way.</summary>
    public static string DisplayPath(string fullPath, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var relative = Path.GetRelativePath(Path.GetFullPath(workingDirectory), fullPath);
        var below = relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return FileNameBytes.Display(below ? relative : fullPath).Replace(Path.DirectorySeparatorChar, '/');
    }

    private SyntaxTree? WithProjectFacts(SyntaxTree? tree, string fullPath)
    {
        if (tree is { Language: SourceLanguage.Rust })
        {
            tree.Crate = _cargo.For(fullPath);
        }

        return tree;
    }

    private (SyntaxTree?, SkippedFile?) Load(string fullPath, string displayPath, bool namedExplicitly, SourceReviewOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (text, reason, detail) = SourceFileReader.ReadText(fullPath, displayPath, maxFileBytes);
        if (text is null)
        {
            return (null, new SkippedFile(displayPath, reason!.Value, detail!));
        }

        if (namedExplicitly && string.IsNullOrWhiteSpace(text.Text))
        {
            return (null, new SkippedFile(displayPath, SkipReason.Empty, SkippedFile.EmptyDetail));
        }

        var language = LanguageDetector.Detect(fullPath, text);
        if (language.Language == SourceLanguage.Unknown)
        {
            return (null, new SkippedFile(displayPath, SkipReason.UnsupportedLanguage, "neither the extension, a shebang nor the content says Python or Rust"));
        }

        using var budget = FileBudget.Start(options.FileBudget, TimeSpan.Zero, options.CancellationToken);
        try
        {
            var tree = SyntaxParsers.Parse(text, language.Language, forRules: true, budget);
            tree.Spent = clock.Elapsed;
            return (WithProjectFacts(tree, fullPath), null);
        }
        catch (OperationCanceledException) when (budget.IsSpent)
        {
            return (null, new SkippedFile(displayPath, SkipReason.OverBudget, SkippedFile.OverBudgetDetail(options.FileBudget!.Value, "parsing")));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // One file the parser cannot handle must not cost the review of every other file.
            return (null, new SkippedFile(displayPath, SkipReason.ParserFailed, SkippedFile.ParserFailedDetail(e)));
        }
    }
}

/// <summary>How far a review has got: files read and parsed out of the total found.</summary>
public readonly record struct ReviewProgress(int FilesDone, int FilesTotal);

/// <summary>Options of <see cref="SourceReview.Load(IReadOnlyList{string}, string, SourceReviewOptions)"/>.</summary>
/// <param name="Progress">Told after each file is read and parsed (from worker threads).</param>
/// <param name="Refuse">Given a file's full path, returns why it must not be read (e.g. a link leading outside the allowed folders), or null.</param>
public sealed record SourceReviewOptions(IProgress<ReviewProgress>? Progress = null, Func<string, string?>? Refuse = null, CancellationToken CancellationToken = default)
{
    /// <summary>Told the full paths of the files found, once, before any is read (e.g. to size memory for them).</summary>
    public Action<IReadOnlyList<string>>? Discovered { get; init; }

    /// <summary>
    /// The most one file's analysis (parse, then rules) may take; a file that passes it is reported as skipped
    /// (<see cref="SkipReason.OverBudget"/>) and the review goes on. Null: no limit. Callers facing users set one
    /// (<see cref="DefaultFileBudget"/>), so one pathological file cannot stall a whole review.
    /// </summary>
    public TimeSpan? FileBudget { get; init; }

    /// <summary>The budget the CLI and the server give each file unless told otherwise.</summary>
    public static TimeSpan DefaultFileBudget { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Run over the findings before the confidence cut and the report, in order (suppressions, project config, baseline,
    /// changed lines). Suppression comments are honoured even when no <see cref="Suppressions.SuppressionFilter"/> is
    /// given; give one to learn what it silenced.
    /// </summary>
    public IReadOnlyList<FindingFilter> Filters { get; init; } = [];

    /// <summary>
    /// Whether a file or folder met while walking (full path, is-a-folder) is left out, beside .gitignore and the built-in
    /// folders (the project config's <c>exclude</c>); null for none.
    /// </summary>
    public Func<string, bool, bool>? Exclude { get; init; }

    /// <summary>Apply <see cref="Exclude"/> to files named explicitly too (pre-commit passes every changed file by name).</summary>
    public bool ForceExclude { get; init; }

    /// <summary>Profiles of the reviewed code's runs: findings get what they measured and are ranked by it (see <see cref="Profiles.MeasuredFindings"/>).</summary>
    public IReadOnlyList<Profiles.Profile> Profiles { get; init; } = [];

    public static SourceReviewOptions Default { get; } = new();
}
