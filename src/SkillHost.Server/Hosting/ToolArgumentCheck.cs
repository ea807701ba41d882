using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SkillHost.Server.Hosting;

/// <summary>
/// Checks a tool call's arguments against the JSON types of the tool's input schema before the SDK binds them, and
/// names the argument that does not fit in the tool's error result. Binding fails with a message that names no argument, and the SDK turns
/// any exception of a tool into "An error occurred invoking '…'."; an exception a tool still throws is reported
/// with what it says.
/// </summary>
internal static class ToolArgumentCheck
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter { get; } = next => async (request, cancellationToken) =>
    {
        if (request.MatchedPrimitive is McpServerTool tool && request.Params?.Arguments is { } arguments)
        {
            foreach (var (name, value) in arguments)
            {
                if (Mismatch(tool.ProtocolTool.InputSchema, name, value) is { } problem)
                {
                    // A tool execution error, not a protocol error: the model reads it and can correct the call (SEP-1303).
                    throw new McpException($"argument '{name}' {problem}.");
                }
            }
        }

        try
        {
            return await next(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (McpException or OperationCanceledException))
        {
            throw new McpException($"{e.GetType().Name}: {e.Message}", e);
        }
    };

    /// <summary>Why <paramref name="value"/> does not fit the schema of argument <paramref name="name"/>, or null.</summary>
    private static string? Mismatch(JsonElement schema, string name, JsonElement value) =>
        schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var property)
            ? Mismatch(property, value)
            : null; // an argument the tool does not declare is ignored by the binder

    private static string? Mismatch(JsonElement schema, JsonElement value)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        var actual = JsonType(value);
        var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        if (!allowed.Contains(actual) && !(actual == "integer" && allowed.Contains("number")))
        {
            return $"is {Article(actual)}; it must be {string.Join(" or ", allowed.Select(t => Article(t!)))}";
        }

        if (actual == "array" && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Mismatch(items, item) is { } problem)
                {
                    return $"has an item [{index}] that {problem}";
                }

                index++;
            }
        }

        return null;
    }

    private static string JsonType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static string Article(string type) => type switch
    {
        "null" => "null",
        "array" or "object" or "integer" => "an " + type,
        _ => "a " + type,
    };
}
