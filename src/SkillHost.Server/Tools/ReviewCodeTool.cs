using System.ComponentModel;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>review_code</c>: the whole workflow in one call (classify, checklist review, estimate, five-part report) — the skill's own bulk-API advice.</summary>
[McpServerToolType]
internal sealed class ReviewCodeTool
{
    private const string Tool = "review_code";

    [McpServerTool(Name = Tool, Title = "Performance review, all steps", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ReviewCodeResult))]
    [Description("The performance skill's whole workflow in one call: classifies the code, runs the checklist rules, estimates costs with the skill's tables and writes the five-part report "
        + "(hot path hypothesis, ranked top issues with evidence and expected impact, patch sketch, tradeoffs and risks, measurement plan). "
        + "The text result is the short report in Markdown (the top 'maxIssues' issues, usually under 12,000 characters); the structured result has its parts as data and the first page of findings, most expensive first. "
        + "Every result stays within 50,000 characters: while 'nextCursor' is set, call again with it as 'cursor' for the next page of findings. "
        + "The full report (every issue, every file classified) is a resource: read 'reportUri' (Markdown) or 'reportJsonUri' (the CLI's JSON) with resources/read; the server keeps the last 16 reviews. "
        + "Send code inline (code + language or filename) or paths inside the client's roots. The code is never run.")]
    public static async Task<CallToolResult> Review(
        SkillCatalog catalog,
        ServerEnvironment environment,
        ReviewStore store,
        RequestContext<CallToolRequestParams> call,
        [Description(ToolDescriptions.Code)] string? code = null,
        [Description(ToolDescriptions.Language)] string? language = null,
        [Description(ToolDescriptions.Filename)] string? filename = null,
        [Description(ToolDescriptions.Paths)] string[]? paths = null,
        [Description("How many top issues the report ranks (1-20); default 10.")] int maxIssues = PerformanceReportBuilder.DefaultMaxIssues,
        [Description(ToolDescriptions.AssumeN)] double? assumeN = null,
        [Description("The least confidence a listed finding has: low, medium or high. Default: medium for folders (the view calibrated on real repositories), low for inline code and paths that name files; the rest are counted in the answer.")] string? minConfidence = null,
        [Description(ToolDescriptions.Skill)] string? skill = null,
        [Description("Most findings per page (1-1000, default 50); a page also stops before the result would pass 50,000 characters.")] int? limit = null,
        [Description(ResultBudget.CursorDescription)] string? cursor = null,
        [Description(ToolDescriptions.Profile)] string[]? profile = null,
        CancellationToken cancellationToken = default)
    {
        if (maxIssues is < 1 or > 20)
        {
            throw new McpException($"'maxIssues' is {maxIssues}; pass a number from 1 to 20.");
        }

        var pageSize = ResultBudget.Limit(limit);
        var n = ResultBudget.AssumeN(assumeN);
        var least = ParseConfidence(minConfidence);
        var key = ReviewStore.RequestKey(code, language, filename, paths, maxIssues, n, skill, least, profile);
        if (cursor is not null)
        {
            var (earlier, at) = store.Resolve(cursor, Tool, code is not null || paths is { Length: > 0 } ? key : null);
            return NextPage(earlier, at.First, pageSize);
        }

        var workflow = catalog.Require(skill).RequireWorkflow(environment.Catalogue).With(ReviewOptions.Default with { AssumeN = n, MinConfidence = least });
        await using var input = await ToolInput.ResolveAsync(new ReviewRequest(code, language, filename, paths), environment, call, cancellationToken).ConfigureAwait(false);
        var profiles = await ProfileInput.ReadAllAsync(profile, environment, call, cancellationToken).ConfigureAwait(false);
        var result = input.Inline is { } inline
            ? workflow.Review([inline], maxIssues, fullReport: true, profiles)
            : await Task.Run(() => workflow.ReviewPaths(input.Paths, input.BaseFolder, input.Options with { Profiles = profiles }, maxIssues, fullReport: true), cancellationToken).ConfigureAwait(false);
        if (result.NothingReviewed)
        {
            throw new McpException(result.Problem);
        }

        var full = new ReviewReport(result.Outcome, environment.Catalogue, environment.Tool, input.BaseFolder, result.FullReport);
        var json = JsonReportRenderer.ToModel(full);
        var stored = store.Add(new StoredReview(ReviewStore.NewId(), Tool, key)
        {
            Findings = json.Findings,
            Report = full,
            Markdown = MarkdownReportRenderer.Render(result.FullReport! with { Hidden = 0 }),
            Header = json.Summary,
        });
        return FirstPage(stored, result, json.Summary, pageSize);
    }

    private static Confidence? ParseConfidence(string? minConfidence) =>
        minConfidence?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "low" => Confidence.Low,
            "medium" => Confidence.Medium,
            "high" => Confidence.High,
            _ => throw new McpException($"'minConfidence' is '{minConfidence}'; pass low, medium or high (or leave it out: medium for folders, low for inline code and named files)."),
        };

    private static CallToolResult FirstPage(StoredReview stored, Analysis.Review.WorkflowResult result, JsonSummary summary, int limit)
    {
        var failures = result.Outcome.RuleFailures;
        // The hidden findings are said below in the tool's own terms (minConfidence), not the CLI's flag.
        var markdown = MarkdownReportRenderer.Render(result.Report with { Hidden = 0 });
        var text = new StringBuilder(markdown);
        foreach (var failure in failures.Take(10))
        {
            text.Append($"\n\n> Warning: {failure.Describe()}");
        }

        if (result.Outcome.Hidden > 0)
        {
            var below = result.Outcome.MinConfidence.ToString().ToLowerInvariant();
            text.Append($"\n\n{result.Outcome.Hidden} more finding{(result.Outcome.Hidden == 1 ? "" : "s")} below {below} confidence (right patterns with no evidence that the code repeats on a path that matters) not listed: call again with minConfidence \"low\" to list them.");
        }

        text.Append($"\n\nThe full report (every issue, every file classified): `{stored.ReportMarkdownUri}`; as JSON: `{stored.ReportJsonUri}`.");
        var brief = Brief(result.Report);
        var empty = new ReviewCodeResult(stored.Id, brief, summary, [], null, stored.ReportMarkdownUri, stored.ReportJsonUri, [.. failures.Take(10)]);
        var fixedSize = ResultBudget.JsonLength(empty) + LinkSize(stored);
        var textBudget = ResultBudget.MaxResultChars - fixedSize - 2_000;
        if (text.Length > textBudget)
        {
            // Only a pathological input gets here (issues with enormous messages): the text points to the full report.
            var cut = text.ToString(0, Math.Max(0, textBudget - 200));
            text.Clear().Append(cut[..Math.Max(0, cut.LastIndexOf('\n'))]).Append($"\n\n(cut to stay within 50,000 characters: read `{stored.ReportMarkdownUri}` for the whole report)");
        }

        var budget = ResultBudget.MaxResultChars - text.Length - fixedSize - 1_000;
        var findings = stored.Findings.Select(FindingPages.Trimmed).ToList();
        var take = budget <= 0 ? 0 : ResultBudget.Fit(findings, 0, limit, budget, ResultBudget.JsonLength);
        if (take == 1 && ResultBudget.JsonLength(findings[0]) > budget)
        {
            take = 0;
        }

        var next = take < findings.Count ? new PageCursor(Tool, stored.Id, take, 0).ToString() : null;
        var structured = empty with { Findings = [.. findings.Take(take)], NextCursor = next };
        return Result(text.ToString(), structured, stored);
    }

    // A page after the first: the findings as a short list in the text, and as data.
    private static CallToolResult NextPage(StoredReview stored, int from, int limit)
    {
        var summary = (JsonSummary)stored.Header!;
        var findings = stored.Findings.Select(FindingPages.Trimmed).ToList();
        var empty = new ReviewCodeResult(stored.Id, null, summary, [], null, stored.ReportMarkdownUri, stored.ReportJsonUri, []);
        var budget = ResultBudget.MaxResultChars - ResultBudget.JsonLength(empty) - LinkSize(stored) - 2_000;
        var take = ResultBudget.Fit(findings, from, limit, budget, f => ResultBudget.JsonLength(f) + Line(f).Length);
        var page = findings.Skip(from).Take(take).ToList();
        var next = from + take < findings.Count ? new PageCursor(Tool, stored.Id, from + take, 0).ToString() : null;
        var text = new StringBuilder($"Findings {from + 1}–{from + take} of {findings.Count} (review {stored.Id}), most expensive first{(next is null ? "; the last page" : "; more with 'cursor' = nextCursor")}:\n");
        foreach (var finding in page)
        {
            text.Append(Line(finding)).Append('\n');
        }

        return Result(text.ToString(), empty with { Findings = page, NextCursor = next }, stored);
    }

    private static string Line(JsonFinding f) =>
        $"- {f.Path}:{f.StartLine} {f.RuleId} `{f.Slug}`: {f.Message}{(f.Estimate is { } e ? $" — {Analysis.Cost.EstimateText.PerCall(e)}" : "")}";

    private static int LinkSize(StoredReview stored) => stored.ReportMarkdownUri.Length + stored.ReportJsonUri.Length + 400;

    private static CallToolResult Result(string text, ReviewCodeResult structured, StoredReview stored) => new()
    {
        Content =
        [
            new TextContentBlock { Text = text },
            new ResourceLinkBlock { Uri = stored.ReportMarkdownUri, Name = $"review {stored.Id} report.md", Title = "The full performance report (Markdown)", MimeType = "text/markdown" },
            new ResourceLinkBlock { Uri = stored.ReportJsonUri, Name = $"review {stored.Id} report.json", Title = "The full review as the CLI's JSON", MimeType = "application/json" },
        ],
        StructuredContent = JsonSerializer.SerializeToElement(structured, ServerJsonContext.ToolType<ReviewCodeResult>()),
    };

    // The report as the tool result carries it: the files as a count (the summary), no per-file classifications (the
    // hypothesis names those of the files holding a listed issue; classify_code pages through them all).
    private static PerformanceReport Brief(PerformanceReport report) => report with { Classifications = [], Files = [] };
}

/// <summary>What <c>review_code</c> returns: the report as data (first page only), a page of findings, and where the full report is.</summary>
/// <param name="ReviewId">The id of this review on the server: its resources and cursors carry it.</param>
/// <param name="Report">The five-part report (first page only), without per-file data: its classifications and file list are empty (the summary counts the files; classify_code pages through the classifications).</param>
/// <param name="Summary">Counts over the whole review.</param>
/// <param name="Findings">This page's findings, most expensive first; the pages together list every finding once.</param>
/// <param name="NextCursor">Pass as 'cursor' for the next page of findings; null on the last.</param>
/// <param name="ReportUri">The full report in Markdown, for resources/read.</param>
/// <param name="ReportJsonUri">The full review as the CLI's JSON, for resources/read.</param>
/// <param name="RuleFailures">Rules that threw on a file: their findings for that file are missing from the report, the rest is complete.</param>
internal sealed record ReviewCodeResult(string ReviewId, PerformanceReport? Report, JsonSummary Summary, IReadOnlyList<JsonFinding> Findings, string? NextCursor, string ReportUri, string ReportJsonUri, IReadOnlyList<RuleFailure> RuleFailures);
