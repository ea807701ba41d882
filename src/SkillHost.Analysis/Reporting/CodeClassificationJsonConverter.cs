using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// Writes a <see cref="CodeClassification"/> exactly as <see cref="WorkflowJsonContext"/>'s generated metadata does
/// (<c>class</c>, <c>confidence</c>, <c>evidence</c>, <c>advice</c>, <c>className</c>), for the review report only.
/// A standard library's report holds tens of thousands of classifications that repeat a handful of advice texts
/// (a few hundred characters each, half of the report's bytes): each distinct text is escaped once and then copied.
/// Not attached to the type, so the MCP tools' output schemas still describe its properties.
/// </summary>
internal sealed class CodeClassificationJsonConverter : JsonConverter<CodeClassification>
{
    // Texts taken from the parsed skill (advice) are few; a cap keeps a long-running server from growing the cache.
    private const int MaxCachedTexts = 256;

    private static readonly JsonEncodedText ClassProperty = JsonEncodedText.Encode("class");
    private static readonly JsonEncodedText ConfidenceProperty = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText EvidenceProperty = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText AdviceProperty = JsonEncodedText.Encode("advice");
    private static readonly JsonEncodedText ClassNameProperty = JsonEncodedText.Encode("className");
    private static readonly JsonEncodedText FactProperty = JsonEncodedText.Encode("fact");
    private static readonly JsonEncodedText LineProperty = JsonEncodedText.Encode("line");

    // By reference: the same advice string object comes back for every function of a class.
    private readonly ConcurrentDictionary<string, JsonEncodedText> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly JavaScriptEncoder? _encoder;
    private readonly JsonEncodedText[] _classes;
    private readonly JsonEncodedText[] _classNames;
    private readonly JsonEncodedText[] _confidences;

    /// <param name="encoder">The encoder of the writers this converter mostly writes to: texts are escaped once, with it, for them.</param>
    public CodeClassificationJsonConverter(JavaScriptEncoder? encoder)
    {
        _encoder = encoder;
        _classes = EnumTexts<CodeClass>(encoder);
        _classNames = [.. Enum.GetValues<CodeClass>().Select(c => JsonEncodedText.Encode(CodeClassification.Name(c), encoder))];
        _confidences = EnumTexts<Confidence>(encoder);
    }

    public override CodeClassification Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Classifications in a review report are written, never read: deserialise them with WorkflowJson's context instead.");

    public override void Write(Utf8JsonWriter writer, CodeClassification value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(ClassProperty, _classes[(int)value.Class]);
        writer.WriteString(ConfidenceProperty, _confidences[(int)value.Confidence]);
        writer.WriteStartArray(EvidenceProperty);
        foreach (var evidence in value.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteString(FactProperty, evidence.Fact);
            writer.WriteNumber(LineProperty, evidence.Line);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (ReferenceEquals(writer.Options.Encoder, _encoder))
        {
            writer.WriteString(AdviceProperty, Encoded(value.Advice));
        }
        else
        {
            writer.WriteString(AdviceProperty, value.Advice); // another writer escapes its own way (an MCP response)
        }

        writer.WriteString(ClassNameProperty, _classNames[(int)value.Class]);
        writer.WriteEndObject();
    }

    private JsonEncodedText Encoded(string text)
    {
        if (_texts.TryGetValue(text, out var encoded))
        {
            return encoded;
        }

        encoded = JsonEncodedText.Encode(text, _encoder);
        if (_texts.Count < MaxCachedTexts)
        {
            _texts.TryAdd(text, encoded);
        }

        return encoded;
    }

    // What KebabCaseEnumConverter writes for each value, indexed by the value (both enums count up from 0).
    private static JsonEncodedText[] EnumTexts<T>(JavaScriptEncoder? encoder) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => JsonEncodedText.Encode(JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), encoder))];
}
