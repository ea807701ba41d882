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
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public System.Text.Json.JsonElement? Report { get; init; }
}

public sealed record JsonSummary(int Findings, int FilesWithFindings, int FilesReviewed, int FilesSkipped, IReadOnlyList<string> Rules);

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
    string? CostSource,
    double RankingNs,
    string Confidence,
    string? ChecklistText);

public sealed record JsonEvidence(IReadOnlyList<string> Facts, int LoopDepth, bool InAsyncContext, bool PerItemFunction, double Repetitions);

public sealed record JsonSkipped(string Path, string Reason, string Detail);

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
