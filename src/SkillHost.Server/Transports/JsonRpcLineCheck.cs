using System.Text.Json;

namespace SkillHost.Server.Transports;

/// <summary>
/// What a stdio line must be before the SDK sees it: one JSON-RPC 2.0 message, a JSON object on one line. The SDK
/// drops a line it cannot read without telling the client, which then waits for an answer that never comes; a line
/// this check refuses gets the JSON-RPC error reply instead (-32700 parse error, -32600 invalid request).
/// </summary>
internal readonly record struct JsonRpcLineCheck(int Code, string? Message, JsonRpcLineId Id)
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;

    private const string OneMessagePerLine = "Send one JSON-RPC 2.0 message per line: a JSON object in UTF-8 with no line break inside it.";

    /// <summary>The line is passed on (also blank lines, which the SDK skips).</summary>
    public bool IsAccepted => Message is null;

    public static JsonRpcLineCheck Of(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd("\r\n"u8);
        if (line.Trim(" \t"u8).IsEmpty)
        {
            return default; // blank: nothing to answer
        }

        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
        string? version = null;
        var hasMethod = false;
        var isResponse = false;
        var id = default(JsonRpcLineId);
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return Refuse(InvalidRequest, "Invalid request: JSON-RPC batches (arrays) are not supported by MCP. " + OneMessagePerLine, id);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Refuse(InvalidRequest, $"Invalid request: a JSON-RPC message is a JSON object, not a {Describe(reader.TokenType)}. " + OneMessagePerLine, id);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueTextEquals("jsonrpc"u8) ? 1
                    : reader.ValueTextEquals("id"u8) ? 2
                    : reader.ValueTextEquals("method"u8) ? 3
                    : reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8) ? 4
                    : 0;
                reader.Read();
                switch (property)
                {
                    case 1:
                        version = reader.TokenType == JsonTokenType.String ? reader.GetString() : Describe(reader.TokenType);
                        break;
                    case 2:
                        id = JsonRpcLineId.From(ref reader);
                        break;
                    case 3:
                        hasMethod = reader.TokenType == JsonTokenType.String;
                        break;
                    case 4:
                        isResponse = true;
                        break;
                    default:
                        break;
                }

                reader.Skip();
            }

            while (reader.Read())
            {
                // Only whitespace may follow the object; anything else makes the reader throw.
            }
        }
        catch (JsonException e)
        {
            return Refuse(ParseError, $"Parse error: the line is not valid JSON (at byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}). " + OneMessagePerLine, default);
        }

        if (isResponse && !hasMethod)
        {
            // A response (even a malformed one, even an error about one of ours) is never answered: two peers
            // replying to each other's errors would never stop. The SDK reads or drops it.
            return default;
        }

        if (version != "2.0")
        {
            return Refuse(InvalidRequest, $"Invalid request: \"jsonrpc\" must be \"2.0\" (it is {(version is null ? "missing" : $"'{version}'")}).", id);
        }

        return hasMethod || id.IsPresent
            ? default
            : Refuse(InvalidRequest, "Invalid request: the message has neither a \"method\" (a request or notification) nor an \"id\" (a response). Add \"method\", and \"id\" if you expect an answer.", id);
    }

    private static JsonRpcLineCheck Refuse(int code, string message, JsonRpcLineId id) => new(code, message, id);

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "array",
        _ => "object",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}

/// <summary>The id of a refused message when it had a usable one (a string or a number), so the reply can name it.</summary>
internal readonly record struct JsonRpcLineId(string? Text, bool IsNumber)
{
    public bool IsPresent => Text is not null;

    public static JsonRpcLineId From(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => new(reader.GetString(), IsNumber: false),
        JsonTokenType.Number => new(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), IsNumber: true),
        _ => default,
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (Text is null)
        {
            writer.WriteNull("id");
        }
        else if (IsNumber)
        {
            writer.WritePropertyName("id");
            writer.WriteRawValue(Text, skipInputValidation: true);
        }
        else
        {
            writer.WriteString("id", Text);
        }
    }
}
