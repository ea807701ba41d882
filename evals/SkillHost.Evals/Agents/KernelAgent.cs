using System.Collections.Immutable;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Agents;

/// <summary>
/// The LLM agent under test: a Semantic Kernel kernel whose plugin <see cref="PluginName"/> holds the MCP server's
/// tools (<c>AsKernelFunction</c>), the skill's SKILL.md as system instructions, and a chat client chosen per case
/// (a cassette replay in CI, a live model with <c>--live</c>). Tool calls run automatically through
/// <c>UseKernelFunctionInvocation</c>; the model sees the tools as <c>perf_review_code</c> and so on.
/// </summary>
public sealed class KernelAgent(string instructions, IReadOnlyList<AIFunction> tools, Func<EvalCase, IChatClient> modelFor) : IReviewAgent
{
    public const string PluginName = "perf";

    public string Name => "llm";

    public async Task<AgentAnswer> AnswerAsync(EvalCase evalCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var calls = new List<string>();
        using var model = new ToolCallRecorder(modelFor(evalCase), calls);
        using var client = model.AsBuilder().UseKernelFunctionInvocation().Build();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(client);
        var kernel = builder.Build();
        if (tools.Count > 0)
        {
            kernel.Plugins.AddFromFunctions(PluginName, tools.Select(t => t.AsKernelFunction()));
        }

        var history = new ChatHistory(instructions);
        history.AddUserMessage(CasePrompt.Compose(evalCase));
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var reply = await client.AsChatCompletionService().GetChatMessageContentAsync(history, settings, kernel, cancellationToken).ConfigureAwait(false);
        return new AgentAnswer(reply.Content ?? "", [.. calls]);
    }

    /// <summary>Notes the name of every tool the model asks for, between the function invoker and the model.</summary>
    private sealed class ToolCallRecorder(IChatClient inner, List<string> calls) : DelegatingChatClient(inner)
    {
        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            calls.AddRange(response.Messages.SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionCallContent>().Select(c => c.Name));
            return response;
        }
    }
}
