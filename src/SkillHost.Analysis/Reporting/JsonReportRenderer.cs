using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Reporting;

/// <summary>The machine report: findings with every field a consumer needs, the files reviewed and the files skipped.</summary>
public static class JsonReportRenderer
{
    // Relaxed escaping writes ×, ≈ and µ as themselves; the output is data, never embedded in HTML.
    internal static JsonSerializerOptions Options { get; } = new(ReportJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ReportJsonContext Context = new(Options);

    public static void Write(ReviewReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        // Straight into UTF-8 and then out in chunks: a whole standard library's report is tens of megabytes,
        // which as one string would be written twice over (serialised, then copied into a string).
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            JsonSerializer.Serialize(json, ToModel(report), Context.JsonReport);
        }

        WriteUtf8(buffer.WrittenSpan, writer);
        writer.WriteLine();
    }

    /// <summary>Decodes <paramref name="utf8"/> onto <paramref name="writer"/> a block at a time.</summary>
    internal static void WriteUtf8(ReadOnlySpan<byte> utf8, TextWriter writer)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(1 << 15);
        try
        {
            while (!utf8.IsEmpty)
            {
                var block = utf8[..Math.Min(utf8.Length, 1 << 15)];
                decoder.Convert(block, chars, flush: block.Length == utf8.Length, out var used, out var written, out _);
                writer.Write(chars, 0, written);
                utf8 = utf8[used..];
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The report as the JSON contract's object model (for callers that serialise it themselves, e.g. MCP structured output).</summary>
    public static JsonReport ToModel(ReviewReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outcome = report.Outcome;
        return new JsonReport(
            report.Tool.Name,
            report.Tool.Version,
            new JsonSummary(outcome.Findings.Count, outcome.FilesWithFindings, outcome.Files.Count, outcome.Skipped.Count, [.. outcome.Rules.Select(r => r.Descriptor.Id)]),
            [.. outcome.Findings.Select(ToJson)],
            outcome.Files,
            [.. outcome.Skipped.Select(s => new JsonSkipped(s.Path, SkippedFile.ReasonText(s.Reason), s.Detail))])
        {
            Report = report.Performance,
        };
    }

    private static JsonFinding ToJson(Finding f) => new(
        f.Rule.Id,
        f.Rule.Slug,
        f.Rule.Name,
        f.Path,
        f.Start.Line,
        f.Start.Column,
        f.End.Line,
        f.End.Column,
        f.Message,
        new JsonEvidence(f.Evidence.Facts, f.Evidence.LoopDepth, f.Evidence.InAsyncContext, f.Evidence.PerItemFunction, Finite(f.Evidence.Repetitions)),
        f.Fix,
        f.Impact.Text,
        f.Impact.CostSource,
        Finite(f.Impact.RankingNs),
        ConfidenceText(f.Confidence),
        f.ChecklistText);

    // JSON has no infinity; absurdly deep nesting could overflow the repetition estimate.
    internal static double Finite(double value) => double.IsFinite(value) ? value : double.MaxValue;

    internal static string ConfidenceText(Confidence confidence) => confidence.ToString().ToLowerInvariant();
}
