using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SkillHost.Evals.Agents.Cassettes;

/// <summary>
/// An <see cref="IChatClient"/> that replays a <see cref="Cassette"/> strictly (the n-th request must equal the
/// n-th recorded one, or <see cref="CassetteMissException"/> fails the run), or records a live client's
/// conversation into a new cassette.
/// </summary>
public sealed class CassetteChatClient : IChatClient
{
    private readonly Cassette _cassette;
    private readonly IChatClient? _live;
    private int _next;

    private CassetteChatClient(Cassette cassette, IChatClient? live)
    {
        _cassette = cassette;
        _live = live;
    }

    /// <summary>Replays <paramref name="cassette"/>.</summary>
    public static CassetteChatClient Replay(Cassette cassette) => new(cassette ?? throw new ArgumentNullException(nameof(cassette)), null);

    /// <summary>Passes requests to <paramref name="live"/> and records them into <see cref="Cassette"/>.</summary>
    public static CassetteChatClient Record(IChatClient live, string caseId, string agent, string model) =>
        new(new Cassette(caseId, agent, Cassette.Recorded, $"Recorded with --record from {model}.", model, DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), []), live ?? throw new ArgumentNullException(nameof(live)));

    /// <summary>The cassette replayed or being recorded.</summary>
    public Cassette Cassette => _cassette;

    /// <summary>True when a replay used every recorded interaction.</summary>
    public bool Exhausted => _next == _cassette.Interactions.Count;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ToRequest(messages, options);
        if (_live is not null)
        {
            var response = await _live.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            _cassette.Interactions.Add(new CassetteInteraction(request, ToCassette(response)));
            return response;
        }

        if (_next >= _cassette.Interactions.Count)
        {
            throw new CassetteMissException(
                $"cassette '{_cassette.Case}' has {_cassette.Interactions.Count} interaction(s) but the agent sent request {_next + 1}. {Advice}");
        }

        var recorded = _cassette.Interactions[_next];
        var difference = Difference(recorded.Request, request);
        if (difference is not null)
        {
            throw new CassetteMissException($"cassette '{_cassette.Case}', request {_next + 1} differs from the recording: {difference}. {Advice}");
        }

        _next++;
        return FromCassette(recorded.Response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    // Semantic Kernel asks every chat client for its metadata and throws when there is none.
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType == typeof(ChatClientMetadata))
        {
            return _live?.GetService(serviceType) ?? new ChatClientMetadata("skillhost-cassette", null, _cassette.Model);
        }

        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : _live?.GetService(serviceType, serviceKey);
    }

    public void Dispose() => _live?.Dispose();

    private const string Advice =
        "The agent's input changed since the cassette was made (SKILL.md, the prompt, the case files or the tools): "
        + "re-record with --record against a live model, or update the hand-written cassette";

    /// <summary>The comparable form of a request.</summary>
    public static CassetteRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var tools = (options?.Tools ?? []).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        return new CassetteRequest(tools, [.. messages.Select(m => ToCassette(m, keepResults: false))]);
    }

    private static string? Difference(CassetteRequest recorded, CassetteRequest actual)
    {
        if (!recorded.Tools.SequenceEqual(actual.Tools, StringComparer.Ordinal))
        {
            return $"tools offered were [{string.Join(", ", recorded.Tools)}], now [{string.Join(", ", actual.Tools)}]";
        }

        for (var i = 0; i < Math.Max(recorded.Messages.Count, actual.Messages.Count); i++)
        {
            if (i >= recorded.Messages.Count || i >= actual.Messages.Count)
            {
                return $"the recording has {recorded.Messages.Count} messages, the request {actual.Messages.Count}";
            }

            var was = Canonical(recorded.Messages[i]);
            var now = Canonical(actual.Messages[i]);
            if (was != now)
            {
                return $"message {i + 1} ({actual.Messages[i].Role}) was {Shorten(was)}, now {Shorten(now)}";
            }
        }

        return null;
    }

    private static string Canonical(CassetteMessage message) =>
        JsonSerializer.Serialize(message, CassetteJsonContext.Default.Options.GetTypeInfo(typeof(CassetteMessage)))
            .Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static CassetteResponse ToCassette(ChatResponse response) =>
        new([.. response.Messages.Select(m => ToCassette(m, keepResults: true))], response.FinishReason?.Value);

    private static CassetteMessage ToCassette(ChatMessage message, bool keepResults)
    {
        var contents = new List<CassetteContent>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent { Text: { Length: > 0 } text } when message.Role == ChatRole.System:
                    contents.Add(new CassetteContent(CassetteContent.SystemTextType, Sha256: Sha256(text)));
                    break;
                case TextContent { Text: { Length: > 0 } text }:
                    contents.Add(new CassetteContent(CassetteContent.TextType, Text: text.Replace("\r\n", "\n", StringComparison.Ordinal)));
                    break;
                case FunctionCallContent call:
                    contents.Add(new CassetteContent(CassetteContent.FunctionCallType, CallId: call.CallId, Name: call.Name, Arguments: Arguments(call.Arguments)));
                    break;
                case FunctionResultContent result:
                    contents.Add(new CassetteContent(CassetteContent.FunctionResultType, CallId: result.CallId, Text: keepResults ? result.Result?.ToString() : null));
                    break;
                default:
                    break; // Usage, reasoning and other metadata are not part of the conversation.
            }
        }

        return new CassetteMessage(message.Role.Value, contents);
    }

    private static ChatResponse FromCassette(CassetteResponse response)
    {
        var messages = response.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), [.. m.Contents.Select(FromCassette)])).ToList();
        return new ChatResponse(messages) { FinishReason = response.FinishReason is null ? null : new ChatFinishReason(response.FinishReason) };
    }

    private static AIContent FromCassette(CassetteContent content) => content.Type switch
    {
        CassetteContent.FunctionCallType => new FunctionCallContent(
            content.CallId ?? throw new CassetteMissException("a recorded function call has no callId"),
            content.Name ?? throw new CassetteMissException("a recorded function call has no name"),
            content.Arguments?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone())),
        CassetteContent.FunctionResultType => new FunctionResultContent(content.CallId ?? "", content.Text),
        _ => new TextContent(content.Text ?? ""),
    };

    private static JsonObject? Arguments(IDictionary<string, object?>? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        var node = new JsonObject();
        foreach (var (key, value) in arguments.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            node[key] = value is null ? null : JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
        }

        return node;
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, as cassettes store system prompts.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));
}

/// <summary>A replay found no matching recording: the run fails, with what differed and how to fix it.</summary>
public sealed class CassetteMissException : Exception
{
    public CassetteMissException(string message)
        : base(message)
    {
    }

    public CassetteMissException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CassetteMissException()
    {
    }
}
