using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SkillHost.Server.Prompts;

/// <summary>Reads string arguments of a <c>prompts/get</c> request; a non-string value is refused with a message.</summary>
internal static class PromptArguments
{
    public static string? Get(RequestContext<GetPromptRequestParams> request, string name)
    {
        if (request.Params?.Arguments is not { } arguments || !arguments.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new McpProtocolException($"The prompt argument '{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.", McpErrorCode.InvalidParams),
        };
    }

    public static GetPromptResult UserMessage(string description, string text) => new()
    {
        Description = description,
        Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
    };
}
