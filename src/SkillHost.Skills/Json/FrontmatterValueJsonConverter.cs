using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillHost.Skills.Json;

/// <summary>Writes frontmatter as plain JSON: scalars as strings (YAML nulls as null), maps as objects, lists as arrays.</summary>
/// <remarks>Hand-written rather than reflection-based so it works under Native AOT.</remarks>
public sealed class FrontmatterValueJsonConverter : JsonConverter<FrontmatterValue>
{
    public override bool CanConvert(Type typeToConvert) => typeof(FrontmatterValue).IsAssignableFrom(typeToConvert);

    public override FrontmatterValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Frontmatter is read from YAML, not JSON.");

    public override void Write(Utf8JsonWriter writer, FrontmatterValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case FrontmatterScalar { IsNull: true }:
                writer.WriteNullValue();
                break;
            case FrontmatterScalar scalar:
                writer.WriteStringValue(scalar.Text);
                break;
            case FrontmatterList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            case FrontmatterMap map:
                writer.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value, options);
                }

                writer.WriteEndObject();
                break;
        }
    }
}
