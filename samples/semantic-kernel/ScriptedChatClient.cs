using Microsoft.Extensions.AI;

namespace SkillHost.Samples.SemanticKernel;

/// <summary>
/// A stand-in for a model, so the sample runs offline and in CI: its first answer asks for <c>perf_review_code</c> on the
/// code in the user's message; once the tool has answered, it replies with the report's first lines. Swap it for a real
/// <see cref="IChatClient"/> (see Program.cs) and nothing else changes.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        var result = history.SelectMany(m => m.Contents).OfType<FunctionResultContent>().LastOrDefault();
        if (result is null)
        {
            var request = history.Last(m => m.Role == ChatRole.User).Text;
            var (name, code) = Split(request);
            var call = new FunctionCallContent("call-1", $"{PerformanceReviewKernel.PluginName}_review_code", new Dictionary<string, object?> { ["code"] = code, ["filename"] = name });
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])));
        }

        var report = result.Result?.ToString() ?? "";
        var summary = string.Join('\n', report.Split('\n').Where(l => l.Trim().Length > 0).Take(12));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "(scripted model) The review tool answered:\n" + summary)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted model answers whole responses only.");

    // Semantic Kernel asks every chat client for its metadata.
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted") : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    // "Review NAME:\n\nCODE" (as PerformanceReviewKernel writes it).
    private static (string Name, string Code) Split(string request)
    {
        var colon = request.IndexOf(":\n\n", StringComparison.Ordinal);
        return colon < 0 ? ("input.py", request) : (request["Review ".Length..colon], request[(colon + 3)..]);
    }
}
