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
        + "Each finding has the checklist slug (e.g. python/quadratic), the exact location, why the code is hot (loop depth, async context, callers in loops), the fix, and the impact priced with the skill's own latency tables. "
        + "Where a rule knows a rewrite that keeps behaviour, the finding also carries 'edits' (a range, its oldText and the newText) that can be applied as they stand; apply an edit two findings share once. "
        + "Send code inline (code + language or filename) or paths to files/folders inside the client's roots. Static analysis only: the code is never run.")]
    public static async Task<CallToolResult> Review(
        SkillCatalog catalog,
        ServerEnvironment environment,
        RequestContext<CallToolRequestParams> call,
        [Description(ToolDescriptions.Code)] string? code = null,
        [Description(ToolDescriptions.Language)] string? language = null,
        [Description(ToolDescriptions.Filename)] string? filename = null,
        [Description(ToolDescriptions.Paths)] string[]? paths = null,
        [Description("Run only these rules: ids (PY001), id prefixes (PY, RS, PYO), slugs (python/quadratic), groups (python, rust, pyo3) or rule names.")] string[]? select = null,
        [Description("Rules to leave out, same forms as 'select'.")] string[]? ignore = null,
        [Description("Name of the hosted skill whose checklist and cost tables to use; default 'performance-optimization'.")] string? skill = null,
        CancellationToken cancellationToken = default)
    {
        var review = CreateReview(catalog, environment, skill, select, ignore);
        await using var input = await ToolInput.ResolveAsync(new ReviewRequest(code, language, filename, paths), environment, call, cancellationToken).ConfigureAwait(false);
        // Off the request's thread, and with its token and the per-file budget either way: a client that goes away stops the work.
        var outcome = await Task.Run(
            () =>
            {
                if (input.Inline is not { } inline)
                {
                    return review.Run(input.Paths, input.BaseFolder, input.Options);
                }

                var tree = CodeInput.Parse(inline.Code, inline.Language, inline.Path, environment);
                return review.Run([tree], [], ProjectIndex.Build([tree]), input.Options);
            },
            cancellationToken).ConfigureAwait(false);
        var report = JsonReportRenderer.ToModel(new ReviewReport(outcome, environment.Catalogue, environment.Tool, input.BaseFolder));
        return StructuredResult.Of(new ChecklistReviewResult(report.Tool, report.Version, report.Summary, report.Findings, report.Files, report.Skipped, outcome.RuleFailures));
    }

    /// <summary>The hosted skill's checklist review with the rules <paramref name="select"/> and <paramref name="ignore"/> leave (fix_code runs the same one).</summary>
    internal static SourceReview CreateReview(SkillCatalog catalog, ServerEnvironment environment, string? skill, string[]? select, string[]? ignore)
    {
        var hosted = catalog.Require(skill);
        var selection = ReviewRuleSelection.Parse(select ?? [], ignore ?? [], environment.Catalogue, out var selectionError)
            ?? throw new McpException(selectionError!);
        return new SourceReview(new ChecklistReview(hosted.Knowledge, selection.Apply(environment.Catalogue)));
    }
}

/// <summary>
/// The findings part of the <c>review --format json</c> contract. The CLI's optional embedded five-part report
/// is left out: its schema is open (any JSON), which clients reject as an output schema; review_code returns it typed.
/// </summary>
/// <param name="RuleFailures">Rules that threw on a file (the CLI warns on stderr): their findings for that file are missing, the rest is complete.</param>
internal sealed record ChecklistReviewResult(string Tool, string Version, JsonSummary Summary, IReadOnlyList<JsonFinding> Findings, IReadOnlyList<string> Files, IReadOnlyList<JsonSkipped> Skipped, IReadOnlyList<RuleFailure> RuleFailures);
