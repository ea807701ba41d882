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
        + "absent parts, issues without fix or expected impact, a plan without a tool or a success criterion, figures not marked as estimated or measured. Fix what 'missing' lists before presenting the report.")]
    public static NormalizedReport Format(
        SkillCatalog catalog,
        [Description("The report, as Markdown (headings or bold labels per part) or JSON (one key per part).")] string report,
        [Description(ToolDescriptions.Skill)] string? skill = null)
    {
        var workflow = catalog.Require(skill).RequireWorkflow();
        try
        {
            return workflow.FormatReport(report ?? "");
        }
        catch (ArgumentException e)
        {
            throw new McpException($"{e.Message} Pass the report text you wrote (Markdown or JSON), at most 1,000,000 characters.", e);
        }
    }
}
