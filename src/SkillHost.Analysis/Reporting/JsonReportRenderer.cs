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
        using (var blocks = new Utf8BlockWriter(writer, stream: null))
        {
            Serialize(report, blocks);
        }

        writer.WriteLine();
    }

    /// <summary>
    /// As <see cref="Write(ReviewReport, TextWriter)"/>, as UTF-8 bytes straight onto <paramref name="stream"/> (the same
    /// bytes a UTF-8 writer would produce): no decoding to text and encoding back, which for a standard library's
    /// report was about half of the time spent writing it.
    /// </summary>
    public static void Write(ReviewReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using (var blocks = new Utf8BlockWriter(writer: null, stream))
        {
            Serialize(report, blocks);
        }

        stream.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
        stream.Flush();
    }

    private static void Serialize(ReviewReport report, IBufferWriter<byte> blocks)
    {
        using var json = new Utf8JsonWriter(blocks, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
        JsonSerializer.Serialize(json, ToModel(report), Context.JsonReport);
    }

    /// <summary>
    /// An <see cref="IBufferWriter{T}"/> of UTF-8 that passes each filled block on (the rest on dispose): written as is
    /// to a stream, or decoded onto a <see cref="TextWriter"/>.
    /// </summary>
    private sealed class Utf8BlockWriter(TextWriter? writer, Stream? stream) : IBufferWriter<byte>, IDisposable
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
            if (stream is not null)
            {
                stream.Write(_bytes, 0, _used);
            }
            else
            {
                var written = _decoder.GetChars(_bytes, 0, _used, _chars, 0, flush);
                writer!.Write(_chars, 0, written);
            }

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
            new JsonSummary(outcome.Findings.Count, outcome.FilesWithFindings, outcome.Files.Count, outcome.Skipped.Count, [.. outcome.Rules.Select(r => r.Descriptor.Id)], outcome.Hidden),
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
        f.Impact.Estimate,
        f.Impact.CostSource,
        Finite(f.Impact.RankingNs),
        ConfidenceText(f.Confidence),
        f.ChecklistText)
    {
        Edits = f.Edits.Count == 0 ? null : [.. f.Edits.Select(e => new JsonEdit(e.Start.Line, e.Start.Column, e.End.Line, e.End.Column, e.OldText, e.NewText))],
    };

    // JSON has no infinity; absurdly deep nesting could overflow the repetition estimate.
    internal static double Finite(double value) => double.IsFinite(value) ? value : double.MaxValue;

    internal static string ConfidenceText(Confidence confidence) => confidence.ToString().ToLowerInvariant();
}
