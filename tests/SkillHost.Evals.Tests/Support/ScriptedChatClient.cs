using Microsoft.Extensions.AI;

namespace SkillHost.Evals.Tests.Support;

/// <summary>A model that answers with the given responses in order and remembers what it was asked.</summary>
internal sealed class ScriptedChatClient(params ChatResponse[] responses) : IChatClient
{
    private int _next;

    public List<List<ChatMessage>> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Add([.. messages]);
        return Task.FromResult(responses[_next++]);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The agent under test does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted-model") : null;

    public void Dispose()
    {
    }

    /// <summary>A tool call, then a final answer: the shape of a real agent's two turns.</summary>
    public static ScriptedChatClient ToolThenAnswer(string tool, IDictionary<string, object?> arguments, string answer) => new(
        new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_1", tool, arguments)])) { FinishReason = ChatFinishReason.ToolCalls },
        new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)) { FinishReason = ChatFinishReason.Stop });
}
