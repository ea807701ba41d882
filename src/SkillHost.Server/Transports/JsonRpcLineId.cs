using System.Globalization;
using System.Text.Json;

namespace SkillHost.Server.Transports;

/// <summary>
/// A request id as JSON-RPC and the SDK accept it: a string, or an integer within 64 bits. Numbers are kept in the
/// SDK's own form (a <see cref="long"/> printed back), so an id read from a request equals the id of its answer.
/// </summary>
internal readonly record struct JsonRpcLineId(string? Text, bool IsNumber)
{
    public bool IsPresent => Text is not null;

    /// <summary>
    /// Reads the id at <paramref name="reader"/>; returns why it cannot be used (the SDK would drop the message and
    /// the client would wait for ever), or null when <paramref name="id"/> holds it.
    /// </summary>
    public static string? Read(ref Utf8JsonReader reader, out JsonRpcLineId id)
    {
        id = default;
        switch (reader.TokenType)
        {
            case JsonTokenType.String when JsonRpcLineCheck.TryGetText(ref reader, out var text):
                id = new(text, IsNumber: false);
                return null;
            case JsonTokenType.String:
                return "is not valid Unicode text (invalid UTF-8, or an escaped lone surrogate such as \\ud800)";
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                id = new(number.ToString(CultureInfo.InvariantCulture), IsNumber: true);
                return null;
            case JsonTokenType.Number:
                return "is a number that is not an integer within 64 bits";
            case JsonTokenType.Null:
                return "is null";
            case JsonTokenType.True or JsonTokenType.False:
                return "is a boolean";
            case JsonTokenType.StartArray:
                return "is an array";
            default:
                return "is an object";
        }
    }

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
