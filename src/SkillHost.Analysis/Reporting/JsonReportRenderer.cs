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
        writer.WriteLine(JsonSerializer.Serialize(ToModel(report), Context.JsonReport));
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
            Report = report.Performance is { } performance ? JsonSerializer.SerializeToElement(performance, WorkflowJson.Context.PerformanceReport) : null,
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
