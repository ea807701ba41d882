using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>review_code</c>: the whole workflow in one call (classify, checklist review, estimate, five-part report) — the skill's own bulk-API advice.</summary>
[McpServerToolType]
internal sealed class ReviewCodeTool
{
    [McpServerTool(Name = "review_code", Title = "Performance review, all steps", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ReviewCodeResult))]
    [Description("The performance skill's whole workflow in one call: classifies the code, runs the checklist rules, estimates costs with the skill's tables and writes the five-part report "
        + "(hot path hypothesis, ranked top issues with evidence and expected impact, patch sketch, tradeoffs and risks, measurement plan). "
        + "The text result is the report in Markdown; the structured result has every part as data. Send code inline (code + language or filename) or paths inside the client's roots. The code is never run.")]
    public static async Task<CallToolResult> Review(
        SkillCatalog catalog,
        ServerEnvironment environment,
        RequestContext<CallToolRequestParams> call,
        [Description(ToolDescriptions.Code)] string? code = null,
        [Description(ToolDescriptions.Language)] string? language = null,
        [Description(ToolDescriptions.Filename)] string? filename = null,
        [Description(ToolDescriptions.Paths)] string[]? paths = null,
        [Description("How many top issues the report ranks (1-20); default 5.")] int maxIssues = PerformanceReportBuilder.DefaultMaxIssues,
        [Description(ToolDescriptions.Skill)] string? skill = null,
        CancellationToken cancellationToken = default)
    {
        if (maxIssues is < 1 or > 20)
        {
            throw new McpException($"'maxIssues' is {maxIssues}; pass a number from 1 to 20.");
        }

        var workflow = catalog.Require(skill).RequireWorkflow(environment.Catalogue);
        await using var input = await ToolInput.ResolveAsync(new ReviewRequest(code, language, filename, paths), environment, call, cancellationToken).ConfigureAwait(false);
        var result = input.Inline is { } inline
            ? workflow.Review([inline], maxIssues)
            : await Task.Run(() => workflow.ReviewPaths(input.Paths, input.BaseFolder, input.Options, maxIssues), cancellationToken).ConfigureAwait(false);
        if (result.NothingReviewed)
        {
            throw new McpException(result.Problem);
        }

        var markdown = MarkdownReportRenderer.Render(result.Report);
        var failures = result.Outcome.RuleFailures;
        var structured = new ReviewCodeResult(markdown, result.Report, JsonReportRenderer.ToModel(new ReviewReport(result.Outcome, environment.Catalogue, environment.Tool, input.BaseFolder)).Summary, failures);
        var text = failures.Count == 0
            ? markdown
            : markdown + "\n" + string.Concat(failures.Select(f => $"\n> Warning: {f.Describe()}\n"));
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = JsonSerializer.SerializeToElement(structured, ServerJsonContext.ToolType<ReviewCodeResult>()),
        };
    }
}

/// <summary>What <c>review_code</c> returns: the report in Markdown and as data, and the counts of the checklist review behind it.</summary>
/// <param name="RuleFailures">Rules that threw on a file: their findings for that file are missing from the report, the rest is complete.</param>
internal sealed record ReviewCodeResult(string Markdown, PerformanceReport Report, JsonSummary Findings, IReadOnlyList<RuleFailure> RuleFailures);
