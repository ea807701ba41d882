using System.Text.Json.Serialization;

namespace SkillHost.Analysis.Reporting;

// The JSON contract of `skillhost review --format json` and of the MCP tool checklist_review (camelCase). Changing a name breaks consumers.

/// <summary>The whole JSON report.</summary>
public sealed record JsonReport(
    string Tool,
    string Version,
    JsonSummary Summary,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<string> Files,
    IReadOnlyList<JsonSkipped> Skipped)
{
    /// <summary>The five-part report (its own JSON, <see cref="WorkflowJson"/>), when the review built one.</summary>
    /// <remarks>Written in place by <see cref="PerformanceReportJsonConverter"/>: no intermediate document, which for a
    /// large review (a whole standard library's classifications) was most of the rendering time.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(PerformanceReportJsonConverter))]
    public PerformanceReport? Report { get; init; }
}

/// <param name="Hidden">Findings below the review's least confidence (<c>--min-confidence</c>), not listed.</param>
public sealed record JsonSummary(int Findings, int FilesWithFindings, int FilesReviewed, int FilesSkipped, IReadOnlyList<string> Rules, int Hidden = 0);

public sealed record JsonFinding(
    string RuleId,
    string Slug,
    string Name,
    string Path,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    string Message,
    JsonEvidence Evidence,
    string Fix,
    string Impact,
    Rules.FindingEstimate? Estimate,
    string? CostSource,
    double RankingNs,
    string Confidence,
    string? ChecklistText)
{
    /// <summary>A fix that may be applied as it stands (every edit together), or absent when the fix needs judgement.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonEdit>? Edits { get; init; }
}

/// <summary>
/// Replace the text from the start (1-based line and UTF-16 column) to the end, which reads <see cref="OldText"/>, with
/// <see cref="NewText"/>; an empty range inserts. Two findings may carry the same edit (an import both need): apply it once.
/// </summary>
public sealed record JsonEdit(int StartLine, int StartColumn, int EndLine, int EndColumn, string OldText, string NewText);

public sealed record JsonEvidence(IReadOnlyList<string> Facts, int LoopDepth, bool InAsyncContext, bool PerItemFunction, double Repetitions);

public sealed record JsonSkipped(string Path, string Reason, string Detail);

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>
/// Writes a <see cref="PerformanceReport"/> inside another document with <see cref="WorkflowJson"/>'s contract
/// (camelCase, kebab-case enums), whatever the options of the document around it. Write-only: the report is output.
/// </summary>
public sealed class PerformanceReportJsonConverter : JsonConverter<PerformanceReport>
{
    public override PerformanceReport Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        throw new NotSupportedException("A performance report inside a review report is written, never read: deserialise the JSON with WorkflowJson's PerformanceReport type instead.");

    // WorkflowJson's contract, with the classifications (most of a large report) written by a converter that escapes each advice text once.
    // (Rendering them file by file in parallel was tried and was slower: the rendered buffers triggered collections
    // that traced every tree still alive, 0.37 s instead of 0.25 s for the JSON of the CPython stdlib, Native AOT.)
    private static readonly WorkflowJsonContext ReviewContext = new(new System.Text.Json.JsonSerializerOptions(WorkflowJson.Options)
    {
        Converters = { new CodeClassificationJsonConverter(WorkflowJson.Options.Encoder) },
    });

    public override void Write(System.Text.Json.Utf8JsonWriter writer, PerformanceReport value, System.Text.Json.JsonSerializerOptions options) =>
        System.Text.Json.JsonSerializer.Serialize(writer, value, ReviewContext.PerformanceReport);
}
