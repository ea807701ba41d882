using Microsoft.Extensions.AI;
using SkillHost.Analysis.Review;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Cli;

namespace SkillHost.Evals.Agents;

/// <summary>
/// What the agents under test share for one run: the deterministic pipeline, the tools offered to the LLM
/// agent, and the skill text it gets as instructions.
/// </summary>
public sealed class AgentHost : IAsyncDisposable
{
    private AgentHost(IReviewAgent pipeline, IReadOnlyList<AIFunction> tools, string instructions)
    {
        PipelineAgent = pipeline;
        Tools = tools;
        Instructions = instructions;
    }

    public IReviewAgent PipelineAgent { get; }

    public IReadOnlyList<AIFunction> Tools { get; }

    /// <summary>The SKILL.md text, given to the LLM agent as its system instructions.</summary>
    public string Instructions { get; }

    public static Task<AgentHost> StartAsync(EvalSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        cancellationToken.ThrowIfCancellationRequested();
        var pipeline = new WorkflowPipelineAgent(new PerformanceWorkflow(setup.Skill));
        return Task.FromResult(new AgentHost(pipeline, [], File.ReadAllText(setup.Paths.SkillFile)));
    }

    public IReviewAgent KernelAgent(Func<EvalCase, IChatClient> modelFor) => new KernelAgent(Instructions, Tools, modelFor);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
