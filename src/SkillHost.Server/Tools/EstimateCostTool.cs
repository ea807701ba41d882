using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Cost;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>estimate_cost</c>: step 2 of the skill's workflow, a back-of-the-envelope estimate priced with the skill's own cost tables.</summary>
[McpServerToolType]
internal sealed class EstimateCostTool
{
    [McpServerTool(Name = "estimate_cost", Title = "Estimate cost (step 2)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Step 2 of the performance skill: prices operations with the skill's latency tables before anything is changed. "
        + "Each operation is 'name=count' (e.g. 'python function call=10000', 'dict lookup=1e6', 'PyO3 GIL acquire/release=10_000') or 'name=count@duration' for your own figure ('Python handler=1@50 µs-5 ms'). "
        + "Returns each line with the table row it used, the total, the dominant operation and its share; with 'concurrency', the overlapped time too. Unknown operations are refused with the closest rows. "
        + "About 50 operations fit one result (50,000 characters); more are refused.")]
    public static CostEstimate Estimate(
        SkillCatalog catalog,
        [Description("Operations as 'name=count' or 'name=count@duration', e.g. ['python function call=10000', 'main memory reference=1e6'].")] string[] operations,
        [Description("How many of the operations run at once (e.g. concurrent requests); leave out for sequential work.")] int? concurrency = null,
        [Description(ToolDescriptions.Skill)] string? skill = null)
    {
        var workflow = catalog.Require(skill).RequireWorkflow();
        if (operations is not { Length: > 0 })
        {
            throw new McpException("'operations' is empty. Pass at least one 'name=count', e.g. 'python function call=10000'.");
        }

        try
        {
            var estimate = workflow.Estimate(operations, concurrency);
            // Each line comes back with its row, twice (text and structured content): a list too long for one result is refused.
            return ResultBudget.JsonLength(estimate) <= ResultBudget.MaxStructuredChars
                ? estimate
                : throw new McpException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{operations.Length:N0} operations would not fit a 50,000-character result. Send at most about 50 at a time, or sum repeated operations into one count."));
        }
        catch (CostEstimateException e)
        {
            throw new McpException(e.Suggestions.Count == 0 ? e.Message : $"{e.Message} Closest rows: {string.Join("; ", e.Suggestions)}.", e);
        }
    }
}
