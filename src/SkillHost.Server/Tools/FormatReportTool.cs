using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Reporting;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>format_report</c>: step 5 of the skill's workflow, a written report put into the skill's five parts with what is missing.</summary>
[McpServerToolType]
internal sealed class FormatReportTool
{
    [McpServerTool(Name = "format_report", Title = "Format a performance report (step 5)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Step 5 of the performance skill: takes a report you wrote (Markdown or JSON) and returns it in the skill's five parts, in the skill's order and names "
        + "(hot path hypothesis, ranked top issues, patch sketch, tradeoffs and risks, measurement plan), plus a list of what is missing or weak: "
        + "absent parts, issues without fix or expected impact, a plan without a tool or a success criterion, figures not marked as estimated or measured. Fix what 'missing' lists before presenting the report. "
        + "A report of about 20,000 characters at most: the result repeats it and stays within 50,000.")]
    public static NormalizedReport Format(
        SkillCatalog catalog,
        [Description("The report, as Markdown (headings or bold labels per part) or JSON (one key per part).")] string report,
        [Description(ToolDescriptions.Skill)] string? skill = null)
    {
        var workflow = catalog.Require(skill).RequireWorkflow();
        try
        {
            var normalized = workflow.FormatReport(report ?? "");
            // The result repeats the report's text part by part (and its text block repeats that): a report past the
            // 50,000-character result is refused with what to send instead, never returned too large to read.
            return ResultBudget.JsonLength(normalized) <= ResultBudget.MaxStructuredChars
                ? normalized
                : throw new McpException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The report is {(report ?? "").Length:N0} characters; formatted, it would not fit a 50,000-character result. Send a shorter report (the five parts, each issue in a few lines: about 20,000 characters at most), or format one part at a time."));
        }
        catch (ArgumentException e)
        {
            throw new McpException($"{e.Message} Pass the report text you wrote (Markdown or JSON), at most 1,000,000 characters.", e);
        }
    }
}
