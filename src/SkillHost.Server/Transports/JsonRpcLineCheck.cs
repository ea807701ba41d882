using System.Text.Json;
using System.Text.Unicode;

namespace SkillHost.Server.Transports;

/// <summary>
/// What a stdio line must be before the SDK sees it: one JSON-RPC 2.0 message, a JSON object in UTF-8 on one line,
/// whose envelope (<c>jsonrpc</c>, <c>id</c>, <c>method</c>) the SDK can read. The SDK drops a line it cannot read
/// without telling the client, which then waits for an answer that never comes; a line this check refuses gets the
/// JSON-RPC error reply instead (-32700 parse error, -32600 invalid request). The check itself never throws: one
/// bad line must not end the session.
/// </summary>
internal readonly record struct JsonRpcLineCheck(int Code, string? Message, JsonRpcLineId Id)
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;

    private const string OneMessagePerLine = "Send one JSON-RPC 2.0 message per line: a JSON object in UTF-8 with no line break inside it.";

    /// <summary>The line is passed on (also blank lines, which the SDK skips).</summary>
    public bool IsAccepted => Message is null;

    /// <summary>An accepted request's id: the SDK owes it an answer.</summary>
    public JsonRpcLineId RequestId { get; init; }

    /// <summary>The request an accepted <c>notifications/cancelled</c> cancels: the SDK will not answer it.</summary>
    public JsonRpcLineId CancelledId { get; init; }

    public static JsonRpcLineCheck Of(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd("\r\n"u8);
        if (line.Trim(" \t"u8).IsEmpty)
        {
            return default; // blank: nothing to answer
        }

        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
        var envelope = new Envelope();
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return Refuse(InvalidRequest, "Invalid request: JSON-RPC batches (arrays) are not supported by MCP. " + OneMessagePerLine, default);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Refuse(InvalidRequest, $"Invalid request: a JSON-RPC message is a JSON object, not a {Describe(reader.TokenType)}. " + OneMessagePerLine, default);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                envelope.ReadProperty(ref reader);
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

        return envelope.Verdict(line);
    }

    /// <summary>
    /// The string at <paramref name="reader"/>, or false when it is not Unicode text: raw bytes that are not UTF-8, or
    /// an escaped lone surrogate (<c>"\ud800"</c>), which the reader only notices when asked for the string.
    /// </summary>
    public static bool TryGetText(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
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

    /// <summary>What the top-level members of one message said, and the first reason to refuse it.</summary>
    private ref struct Envelope
    {
        private const string NotText = "is not valid Unicode text (invalid UTF-8, or an escaped lone surrogate such as \\ud800)";

        private string? _version;
        private bool _versionIs20;
        private bool _hasMethod;
        private bool _cancels;
        private bool _hasId;
        private bool _isResponse;
        private JsonRpcLineId _id;
        private Utf8JsonReader _params;
        private bool _hasParams;
        private int _problemCode;
        private string? _problem;

        public void ReadProperty(ref Utf8JsonReader reader)
        {
            // The SDK reads every top-level name as a string: an escaped lone surrogate there would fail its read.
            if (reader.ValueIsEscaped && !TryGetText(ref reader, out _))
            {
                Note(ParseError, "Parse error: a member name " + NotText + ".");
            }

            var property = reader.ValueTextEquals("jsonrpc"u8) ? 1
                : reader.ValueTextEquals("id"u8) ? 2
                : reader.ValueTextEquals("method"u8) ? 3
                : reader.ValueTextEquals("params"u8) ? 4
                : reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8) ? 5
                : 0;
            reader.Read();
            switch (property)
            {
                case 1:
                    ReadVersion(ref reader);
                    break;
                case 2:
                    _hasId = true;
                    var idProblem = JsonRpcLineId.Read(ref reader, out _id);
                    if (idProblem is not null)
                    {
                        var undecodable = reader.TokenType == JsonTokenType.String;
                        Note(undecodable ? ParseError : InvalidRequest, (undecodable ? "Parse error" : "Invalid request") + ": \"id\" " + idProblem + "; an id must be a string or an integer within 64 bits.");
                    }

                    break;
                case 3:
                    ReadMethod(ref reader);
                    break;
                case 4:
                    _params = reader; // a copy: read again only for a cancellation, once the method is known
                    _hasParams = true;
                    break;
                case 5:
                    _isResponse = true;
                    break;
                default:
                    break;
            }
        }

        public readonly JsonRpcLineCheck Verdict(ReadOnlySpan<byte> line)
        {
            if (_isResponse && !_hasMethod)
            {
                // A response (even a malformed one, even an error about one of ours) is never answered: two peers
                // replying to each other's errors would never stop. The SDK reads or drops it.
                return default;
            }

            var id = _id;
            if (_problem is not null)
            {
                return Refuse(_problemCode, _problem, id);
            }

            if (!Utf8.IsValid(line))
            {
                // The SDK would read the bytes as U+FFFD and act on text the client never sent.
                return Refuse(ParseError, "Parse error: the line is not valid UTF-8. " + OneMessagePerLine, id);
            }

            if (!_versionIs20)
            {
                return Refuse(InvalidRequest, $"Invalid request: \"jsonrpc\" must be \"2.0\" (it is {(_version is null ? "missing" : $"'{_version}'")}).", id);
            }

            if (!_hasMethod && !_hasId)
            {
                return Refuse(InvalidRequest, "Invalid request: the message has neither a \"method\" (a request or notification) nor an \"id\" (a response). Add \"method\", and \"id\" if you expect an answer.", id);
            }

            return new JsonRpcLineCheck
            {
                RequestId = _hasMethod ? id : default,
                CancelledId = _cancels && _hasParams ? CancelledRequest(_params) : default,
            };
        }

        private void ReadVersion(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                _version = Describe(reader.TokenType);
            }
            else if (TryGetText(ref reader, out _version))
            {
                _versionIs20 = _version == "2.0";
            }
            else
            {
                Note(ParseError, "Parse error: \"jsonrpc\" " + NotText + "; it must be \"2.0\".");
            }
        }

        private void ReadMethod(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                Note(InvalidRequest, $"Invalid request: \"method\" must be a string (it is a {Describe(reader.TokenType)}).");
            }
            else if (TryGetText(ref reader, out var method))
            {
                _hasMethod = true;
                _cancels = method == "notifications/cancelled";
            }
            else
            {
                Note(ParseError, "Parse error: \"method\" " + NotText + ".");
            }
        }

        /// <summary>Keeps the first problem, except that text which cannot be decoded outranks a wrong shape.</summary>
        private void Note(int code, string problem)
        {
            if (_problem is null || (code == ParseError && _problemCode != ParseError))
            {
                _problemCode = code;
                _problem = problem;
            }
        }

        private static JsonRpcLineId CancelledRequest(Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            // The line was read whole once already, so this second pass over the params cannot fail.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRequestId = reader.ValueTextEquals("requestId"u8);
                reader.Read();
                if (isRequestId)
                {
                    JsonRpcLineId.Read(ref reader, out var id);
                    return id;
                }

                reader.Skip();
            }

            return default;
        }
    }
}
