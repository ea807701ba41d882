using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace SkillHost.Server.Tests.Support;

/// <summary>Short forms of the client calls the MCP tests make.</summary>
internal static class McpCalls
{
    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, Dictionary<string, object?> arguments, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null) =>
        client.CallToolAsync(tool, arguments, progress, cancellationToken: TestContext.Current.CancellationToken).AsTask();

    /// <summary>The text of the result's first content block (the error message when <c>isError</c>).</summary>
    public static string Text(this CallToolResult result) =>
        result.Content.OfType<TextContentBlock>().First().Text;

    public static JsonElement Structured(this CallToolResult result)
    {
        Assert.True(result.IsError is not true, result.IsError is true ? result.Text() : "");
        return Assert.IsType<JsonElement>(result.StructuredContent);
    }

    /// <summary>Sends a raw JSON-RPC request (for methods the SDK has no helper for, e.g. SEP-2640's skills/list).</summary>
    public static async Task<JsonNode?> RequestAsync(this McpClient client, string method, JsonNode? parameters = null)
    {
        var response = await client.SendRequestAsync(new JsonRpcRequest { Method = method, Params = parameters }, TestContext.Current.CancellationToken);
        return response.Result;
    }
}
