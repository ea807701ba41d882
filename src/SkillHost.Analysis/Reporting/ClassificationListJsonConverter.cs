using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SkillHost.Analysis.Classification;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// Writes a review report's classifications (one entry per file: most of a large report's bytes) with the
/// files rendered in parallel, each into its own buffer with the writer's own options, then copied in order.
/// The bytes are those the writer would have produced itself: an indented entry is shifted to the depth of
/// the list (JSON strings hold no raw line breaks, so every line break in an entry is one of the layout's).
/// Write-only, like the report it is part of.
/// </summary>
internal sealed class ClassificationListJsonConverter : JsonConverter<IReadOnlyList<FileClassification>>
{
    // Files rendered at a time: enough to keep every core busy, few enough that the rendered bytes stay small.
    private const int Batch = 128;

    public override IReadOnlyList<FileClassification> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Classifications in a review report are written, never read: deserialise them with WorkflowJson's context instead.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<FileClassification> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var entry = (JsonTypeInfo<FileClassification>)options.GetTypeInfo(typeof(FileClassification));
        var layout = writer.Options;
        writer.WriteStartArray();

        // An entry starts on a new line, indented one level below the list's own line, as WriteStartObject would put it.
        var indent = layout.Indented ? new string(layout.IndentCharacter, writer.CurrentDepth * layout.IndentSize) : string.Empty;
        var lead = layout.Indented ? System.Text.Encoding.UTF8.GetBytes(layout.NewLine + indent) : [];
        var shift = System.Text.Encoding.UTF8.GetBytes(indent);
        var rendered = new byte[Math.Min(Batch, value.Count)][];
        for (var start = 0; start < value.Count; start += Batch)
        {
            var count = Math.Min(Batch, value.Count - start);
            Parallel.For(0, count, i => rendered[i] = Render(value[start + i], entry, layout, lead, shift));
            for (var i = 0; i < count; i++)
            {
                writer.WriteRawValue(rendered[i], skipInputValidation: true);
            }
        }

        writer.WriteEndArray();
    }

    private static byte[] Render(FileClassification file, JsonTypeInfo<FileClassification> entry, JsonWriterOptions layout, byte[] lead, byte[] shift)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, layout))
        {
            JsonSerializer.Serialize(json, file, entry);
        }

        var bytes = buffer.WrittenSpan;
        if (lead.Length == 0)
        {
            return bytes.ToArray();
        }

        var breaks = bytes.Count((byte)'\n');
        var result = new byte[lead.Length + bytes.Length + (breaks * shift.Length)];
        lead.CopyTo(result, 0);
        var at = lead.Length;
        while (!bytes.IsEmpty)
        {
            var next = bytes.IndexOf((byte)'\n');
            var line = next < 0 ? bytes : bytes[..(next + 1)];
            line.CopyTo(result.AsSpan(at));
            at += line.Length;
            bytes = bytes[line.Length..];
            if (next >= 0)
            {
                shift.CopyTo(result, at);
                at += shift.Length;
            }
        }

        return result;
    }
}
