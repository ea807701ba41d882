using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>checklist_review</c>: the skill's quick review checklist run as static rules over code, findings ranked by estimated cost.</summary>
[McpServerToolType]
internal sealed class ChecklistReviewTool
{
    [McpServerTool(Name = "checklist_review", Title = "Checklist review (Python, Rust, PyO3)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ChecklistReviewResult))]
    [Description("Runs the performance skill's quick review checklist over Python or Rust code (PyO3 included) and returns findings ranked by estimated cost, most expensive first. "
        + "Each finding has the checklist slug (e.g. python/quadratic), the exact location, why the code is hot (loop depth, async context, callers in loops), the fix, and an 'estimate' priced with the skill's own latency tables "
        + "(perPass, passes with their source: code or assumed, total: null when a count is assumed). "
        + "Where a rule knows a rewrite that keeps behaviour, the finding also carries 'edits' (a range, its oldText and the newText) that can be applied as they stand; apply an edit two findings share once. "
        + "Results are paged: at most 'limit' findings (default 50) and never more than 50,000 characters per result; the paths of the files reviewed follow the findings on the last pages. While 'nextCursor' is set, call again with it as 'cursor' to get the rest. "
        + "Send code inline (code + language or filename) or paths to files/folders inside the client's roots. Static analysis only: the code is never run.")]
    public static async Task<CallToolResult> Review(
        SkillCatalog catalog,
        ServerEnvironment environment,
        ReviewStore store,
        RequestContext<CallToolRequestParams> call,
        [Description(ToolDescriptions.Code)] string? code = null,
        [Description(ToolDescriptions.Language)] string? language = null,
        [Description(ToolDescriptions.Filename)] string? filename = null,
        [Description(ToolDescriptions.Paths)] string[]? paths = null,
        [Description("Run only these rules: ids (PY001), id prefixes (PY, RS, PYO), slugs (python/quadratic), groups (python, rust, pyo3) or rule names.")] string[]? select = null,
        [Description("Rules to leave out, same forms as 'select'.")] string[]? ignore = null,
        [Description("Name of the hosted skill whose checklist and cost tables to use; default 'performance-optimization'.")] string? skill = null,
        [Description(ToolDescriptions.AssumeN)] double? assumeN = null,
        [Description(ResultBudget.LimitDescription)] int? limit = null,
        [Description(ResultBudget.CursorDescription)] string? cursor = null,
        [Description(ToolDescriptions.Profile)] string[]? profile = null,
        CancellationToken cancellationToken = default)
    {
        const string Tool = "checklist_review";
        var pageSize = ResultBudget.Limit(limit);
        var n = ResultBudget.AssumeN(assumeN);
        var hasArguments = code is not null || paths is { Length: > 0 };
        var key = ReviewStore.RequestKey(code, language, filename, paths, select, ignore, skill, n, profile);
        if (cursor is not null)
        {
            var (stored, at) = store.Resolve(cursor, Tool, hasArguments ? key : null);
            return Page(stored, at.First, at.Second, pageSize);
        }

        var review = CreateReview(catalog, environment, skill, select, ignore, n);
        await using var input = await ToolInput.ResolveAsync(new ReviewRequest(code, language, filename, paths), environment, call, cancellationToken).ConfigureAwait(false);
        var profiles = await ProfileInput.ReadAllAsync(profile, environment, call, cancellationToken).ConfigureAwait(false);
        // Off the request's thread, and with its token and the per-file budget either way: a client that goes away stops the work.
        var outcome = await Task.Run(
            () =>
            {
                if (profiles.Count > 0)
                {
                    // Measuring needs the workflow's classification of the functions; every confidence is listed, as without a profile.
                    var selection = ReviewRuleSelection.Parse(select ?? [], ignore ?? [], environment.Catalogue, out _)!;
                    var workflow = catalog.Require(skill).RequireWorkflow(selection.Apply(environment.Catalogue)).With(ReviewOptions.Default with { AssumeN = n, MinConfidence = Confidence.Low });
                    return (input.Inline is { } measuredInline ? workflow.Review([measuredInline], profiles: profiles) : workflow.ReviewPaths(input.Paths, input.BaseFolder, input.Options with { Profiles = profiles })).Outcome;
                }

                if (input.Inline is not { } inline)
                {
                    return review.Run(input.Paths, input.BaseFolder, input.Options);
                }

                var tree = CodeInput.Parse(inline.Code, inline.Language, inline.Path, environment);
                return review.Run([tree], [], ProjectIndex.Build([tree]), input.Options);
            },
            cancellationToken).ConfigureAwait(false);
        var report = JsonReportRenderer.ToModel(new ReviewReport(outcome, environment.Catalogue, environment.Tool, input.BaseFolder));
        var kept = store.Add(new StoredReview(ReviewStore.NewId(), Tool, key)
        {
            Findings = report.Findings,
            Files = report.Files,
            Header = new ChecklistReviewResult(report.Tool, report.Version, report.Summary, [], [], report.Skipped, outcome.RuleFailures, null),
        });
        return Page(kept, 0, 0, pageSize);
    }

    // Findings first, then the files; each page within the budget, so every item comes back exactly once over the pages.
    private static CallToolResult Page(StoredReview stored, int findingsFrom, int filesFrom, int limit)
    {
        var header = (ChecklistReviewResult)stored.Header!;
        // The skipped files and rule failures ride on the first page only.
        var first = findingsFrom == 0 && filesFrom == 0;
        var empty = header with { Skipped = first ? Capped(header.Skipped) : [], RuleFailures = first ? header.RuleFailures : [] };
        var budget = ResultBudget.MaxStructuredChars - ResultBudget.JsonLength(empty) - 200;
        var findings = stored.Findings.Select(FindingPages.Trimmed).ToList();
        var takeFindings = findingsFrom < findings.Count ? ResultBudget.Fit(findings, findingsFrom, limit, budget, ResultBudget.JsonLength) : 0;
        var pageFindings = findings.Skip(findingsFrom).Take(takeFindings).ToList();
        var used = pageFindings.Sum(f => ResultBudget.JsonLength(f) + 1);
        var nextFinding = findingsFrom + takeFindings;
        var pageFiles = new List<string>();
        if (nextFinding >= findings.Count)
        {
            // 'limit' counts findings; the paths after them fill what the page has left.
            var takeFiles = ResultBudget.Fit(stored.Files, filesFrom, int.MaxValue, budget - used, f => f.Length + 4);
            if (takeFindings > 0 && used + stored.Files.Skip(filesFrom).Take(takeFiles).Sum(f => f.Length + 4) > budget)
            {
                takeFiles = 0;
            }

            pageFiles.AddRange(stored.Files.Skip(filesFrom).Take(takeFiles));
        }

        var nextFile = filesFrom + pageFiles.Count;
        var done = nextFinding >= findings.Count && nextFile >= stored.Files.Count;
        var next = done ? null : new PageCursor(stored.Tool, stored.Id, nextFinding, nextFile).ToString();
        return StructuredResult.Of(empty with { Findings = pageFindings, Files = pageFiles, NextCursor = next });
    }

    // The first page names at most this many skipped files; the summary counts them all.
    private const int MaxSkippedListed = 20;

    private static IReadOnlyList<JsonSkipped> Capped(IReadOnlyList<JsonSkipped> skipped) => skipped.Count <= MaxSkippedListed ? skipped : [.. skipped.Take(MaxSkippedListed)];

    /// <summary>The hosted skill's checklist review with the rules <paramref name="select"/> and <paramref name="ignore"/> leave (fix_code runs the same one).</summary>
    internal static SourceReview CreateReview(SkillCatalog catalog, ServerEnvironment environment, string? skill, string[]? select, string[]? ignore, double assumeN = ReviewOptions.DefaultAssumeN)
    {
        var hosted = catalog.Require(skill);
        var selection = ReviewRuleSelection.Parse(select ?? [], ignore ?? [], environment.Catalogue, out var selectionError)
            ?? throw new McpException(selectionError!);
        return new SourceReview(new ChecklistReview(hosted.Knowledge, selection.Apply(environment.Catalogue), ReviewOptions.Default with { AssumeN = assumeN }));
    }
}

/// <summary>
/// One page of the findings part of the <c>review --format json</c> contract. The CLI's optional embedded five-part report
/// is left out: its schema is open (any JSON), which clients reject as an output schema; review_code returns it typed.
/// </summary>
/// <param name="Summary">Counts over the whole review, whatever the page.</param>
/// <param name="Findings">This page's findings, most expensive first; the pages together list every finding once.</param>
/// <param name="Files">This page's share of the files reviewed (they follow the findings); the pages together list every file once.</param>
/// <param name="Skipped">Inputs not reviewed (first page only, at most 20; <c>summary.filesSkipped</c> counts them all).</param>
/// <param name="RuleFailures">Rules that threw on a file (the CLI warns on stderr): their findings for that file are missing, the rest is complete.</param>
/// <param name="NextCursor">Pass as 'cursor' for the next page; null on the last.</param>
internal sealed record ChecklistReviewResult(string Tool, string Version, JsonSummary Summary, IReadOnlyList<JsonFinding> Findings, IReadOnlyList<string> Files, IReadOnlyList<JsonSkipped> Skipped, IReadOnlyList<RuleFailure> RuleFailures, string? NextCursor);
