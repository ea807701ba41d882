using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using ModelContextProtocol.Client;

namespace SkillHost.Samples.SemanticKernel;

/// <summary>
/// A Semantic Kernel whose plugin <c>perf</c> holds the skillhost MCP server's tools (<c>perf_review_code</c>,
/// <c>perf_estimate_cost</c>, …) and whose chat client is whatever the caller passes: a hosted model, a local one, or
/// the scripted stand-in. The model calls the tools itself (automatic function invocation).
/// </summary>
public static class PerformanceReviewKernel
{
    public const string PluginName = "perf";

    /// <summary>Connects to the server, adds its tools to a kernel and asks <paramref name="chat"/> to review <paramref name="file"/>.</summary>
    /// <returns>The model's answer and the tool names the kernel saw.</returns>
    public static async Task<(string Answer, IReadOnlyList<string> Tools)> ReviewAsync(IClientTransport server, IChatClient chat, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(chat);
        await using var mcp = await McpClient.CreateAsync(server, cancellationToken: cancellationToken).ConfigureAwait(false);
        var tools = await mcp.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        // Without UseKernelFunctionInvocation the model's tool calls would come back to us instead of running.
        using var client = chat.AsBuilder().UseKernelFunctionInvocation().Build();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(client);
        var kernel = builder.Build();
        kernel.Plugins.AddFromFunctions(PluginName, tools.Select(t => t.AsKernelFunction()));

        var history = new ChatHistory(
            "You review Python and Rust code for performance. Call perf_review_code with the file's code and name, "
            + "then answer with the top issues, their evidence and expected impact, in a few lines.");
        history.AddUserMessage($"Review {Path.GetFileName(file)}:\n\n{await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)}");
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var reply = await client.AsChatCompletionService().GetChatMessageContentAsync(history, settings, kernel, cancellationToken).ConfigureAwait(false);
        return (reply.Content ?? "", [.. kernel.Plugins.GetFunctionsMetadata().Select(f => $"{f.PluginName}_{f.Name}")]);
    }
}
