using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Agents;

/// <summary>
/// The deterministic pipeline as a client sees it: one <c>review_code</c> call to the real MCP server with the
/// case's files (as paths, so files that call each other are reviewed together), answering with the report's Markdown.
/// </summary>
public sealed class McpPipelineAgent(AgentHost host) : IReviewAgent
{
    public const string Tool = "review_code";

    public string Name => "pipeline";

    public async Task<AgentAnswer> AnswerAsync(EvalCase evalCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var paths = host.WriteCase(evalCase);
        var report = await host.CallAsync(Tool, new Dictionary<string, object?> { ["paths"] = paths.ToArray() }, cancellationToken).ConfigureAwait(false);
        return new AgentAnswer(report, [Tool]);
    }
}
