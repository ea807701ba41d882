using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace SkillHost.Server.Tools;

/// <summary>
/// A tool result whose text block is the JSON of its structured content, serialised once. A tool that returns its
/// record lets the SDK serialise it twice (to a string for the text block, to a JsonElement for structuredContent);
/// here the bytes are written once, parsed for the element and decoded for the text.
/// </summary>
internal static class StructuredResult
{
    public static CallToolResult Of<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, ServerJsonContext.ToolType<T>());
        using var document = JsonDocument.Parse(json);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = Encoding.UTF8.GetString(json) }],
            StructuredContent = document.RootElement.Clone(),
        };
    }
}
