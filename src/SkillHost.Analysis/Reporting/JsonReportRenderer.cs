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
        // Straight into UTF-8 blocks that are decoded onto the writer as they fill: a whole standard library's
        // report is tens of megabytes, which as one string or one buffer would be held (and written) twice over.
        using (var blocks = new Utf8BlockWriter(writer))
        using (var json = new Utf8JsonWriter(blocks, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            JsonSerializer.Serialize(json, ToModel(report), Context.JsonReport);
        }

        writer.WriteLine();
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> of UTF-8 that decodes each filled block onto a <see cref="TextWriter"/> (the rest on dispose).</summary>
    private sealed class Utf8BlockWriter(TextWriter writer) : IBufferWriter<byte>, IDisposable
    {
        private const int BlockBytes = 1 << 16;

        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(BlockBytes);
        // One character more than bytes: a 4-byte sequence split across blocks completes as a surrogate pair.
        private char[] _chars = ArrayPool<char>.Shared.Rent(BlockBytes + 1);
        private int _used;

        public void Advance(int count) => _used += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _bytes.AsMemory(_used);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Reserve(sizeHint);
            return _bytes.AsSpan(_used);
        }

        public void Dispose()
        {
            Pass(flush: true);
            ArrayPool<byte>.Shared.Return(_bytes);
            ArrayPool<char>.Shared.Return(_chars);
        }

        private void Reserve(int sizeHint)
        {
            sizeHint = Math.Max(sizeHint, 1);
            if (_bytes.Length - _used >= sizeHint)
            {
                return;
            }

            Pass(flush: false);
            if (_bytes.Length < sizeHint)
            {
                // A single value longer than a block: a bigger block for it.
                ArrayPool<byte>.Shared.Return(_bytes);
                ArrayPool<char>.Shared.Return(_chars);
                _bytes = ArrayPool<byte>.Shared.Rent(sizeHint);
                _chars = ArrayPool<char>.Shared.Rent(sizeHint + 1);
            }
        }

        // The decoder keeps a character split across two blocks until the next one completes it.
        private void Pass(bool flush)
        {
            var written = _decoder.GetChars(_bytes, 0, _used, _chars, 0, flush);
            writer.Write(_chars, 0, written);
            _used = 0;
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
