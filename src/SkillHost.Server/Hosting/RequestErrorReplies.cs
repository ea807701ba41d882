using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SkillHost.Server.Hosting;

/// <summary>
/// Turns any exception a request handler throws into an error reply that says what was wrong. The SDK answers every
/// exception other than its own with "An error occurred." (-32603), also when the client sent params of the wrong
/// shape (a number as the tool name, a string as the arguments): the client cannot tell what to change.
/// </summary>
internal static class RequestErrorReplies
{
    /// <summary>An incoming message filter: it wraps the reading of params as well as the handler.</summary>
    public static McpMessageFilter Filter { get; } = next => async (context, cancellationToken) =>
    {
        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (context.JsonRpcMessage is JsonRpcRequest request && Explain(e, request) is { } reply)
        {
            throw reply;
        }
    };

    /// <summary>The reply for <paramref name="exception"/>, or null when the SDK already says what was wrong (or the request was cancelled).</summary>
    public static McpProtocolException? Explain(Exception exception, JsonRpcRequest request) => exception switch
    {
        McpException or OperationCanceledException => null,
        _ when UndecodableText(request.Params, "params") is { } at =>
            new McpProtocolException($"Invalid params for '{request.Method}': {at} is not valid Unicode text (an escaped lone surrogate such as \\ud800).", McpErrorCode.InvalidParams),
        JsonException { Path: { } path } json when ParamsMember.Find(request.Params, path) is { } member =>
            new McpProtocolException($"Invalid params for '{request.Method}': {member.Describe()}{Reason(json)}", McpErrorCode.InvalidParams),
        _ => new McpProtocolException($"'{request.Method}' failed: {exception.GetType().Name}: {exception.Message}", McpErrorCode.InternalError),
    };

    /// <summary>What the reader said about the value itself ("Cannot get the value of a token type 'Number' as a string.").</summary>
    private static string Reason(JsonException json) =>
        json.InnerException is { } inner ? $" ({inner.Message.TrimEnd('.')})." : ".";

    /// <summary>
    /// Where the params hold a string that cannot be read as text (an escaped lone surrogate): reading it fails with an
    /// exception that names no field. Looked for only once a request failed, so a good request is not walked twice.
    /// </summary>
    private static string? UndecodableText(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members)
                {
                    if (UndecodableText(value, $"{path}.{name}") is { } at)
                    {
                        return at;
                    }
                }

                return null;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (UndecodableText(items[i], $"{path}[{i}]") is { } at)
                    {
                        return at;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    _ = value.GetValue<string>();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return path;
                }

            default:
                return null;
        }
    }

    /// <summary>The member of the params that a JSON path of the serializer (<c>$.name</c>, <c>$.arguments</c>, <c>$</c>) points at.</summary>
    private readonly record struct ParamsMember(string Name, JsonNode? Value, bool IsDeeper)
    {
        public static ParamsMember? Find(JsonNode? parameters, string path)
        {
            if (path == "$")
            {
                return new("params", parameters, IsDeeper: false);
            }

            if (!path.StartsWith("$.", StringComparison.Ordinal))
            {
                return null;
            }

            // A plain member is described by its value; a deeper path is named as the serializer wrote it.
            var name = path[2..];
            var end = name.IndexOfAny(['.', '[']);
            var member = end < 0 ? name : name[..end];
            return parameters is JsonObject members && members.TryGetPropertyValue(member, out var value)
                ? new("params" + path[1..], value, IsDeeper: end >= 0)
                : null;
        }

        public string Describe()
        {
            var kind = Value switch
            {
                null => "null",
                JsonObject => "an object",
                JsonArray => "an array",
                _ => Value.GetValueKind() switch
                {
                    JsonValueKind.String => "a string",
                    JsonValueKind.Number => "a number",
                    JsonValueKind.True or JsonValueKind.False => "a boolean",
                    _ => "null",
                },
            };
            return Name == "params" ? $"params must be a JSON object (it is {kind})"
                : IsDeeper ? $"{Name} has the wrong type"
                : $"{Name} is {kind}, which this field does not take";
        }
    }
}
