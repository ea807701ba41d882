using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Agents;

/// <summary>The deterministic pipeline called directly through the workflow facade (no MCP), rendered as the skill's Markdown report.</summary>
public sealed class WorkflowPipelineAgent(PerformanceWorkflow workflow) : IReviewAgent
{
    public string Name => "pipeline";

    public Task<AgentAnswer> AnswerAsync(EvalCase evalCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var result = workflow.Review([.. evalCase.Files.Select(f => new SourceInput(f.Content, f.Path))]);
        if (result.NothingReviewed)
        {
            throw new InvalidOperationException(result.Problem);
        }

        return Task.FromResult(new AgentAnswer(MarkdownReportRenderer.Render(result.Report), []));
    }
}
