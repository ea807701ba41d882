using System.Text.Json.Serialization;

namespace SkillHost.Analysis.Reporting;

// The subset of SARIF 2.1.0 (OASIS) that `skillhost review --format sarif` writes. Property names follow
// the spec exactly; nulls are omitted because SARIF forbids null for most optional properties.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind,
    SarifRunProperties? Properties = null);

/// <summary>The five-part report of <c>skillhost review --format sarif</c>: each part's Markdown under the skill's part name.</summary>
internal sealed record SarifRunProperties(IReadOnlyDictionary<string, string> PerformanceReport, IReadOnlyList<string> ReportParts);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(string Name, string Version, string InformationUri, IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifText ShortDescription,
    SarifText FullDescription,
    SarifMultiformat Help,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifRuleProperties(string Checklist, IReadOnlyList<string> Tags, string? CostOperation, string? TechniqueSection);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifText(string Text);

internal sealed record SarifMultiformat(string Text, string Markdown);

internal sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification> ToolExecutionNotifications);

internal sealed record SarifNotification(string Level, SarifText Message, IReadOnlyList<SarifLocation> Locations, SarifNotificationProperties Properties);

internal sealed record SarifNotificationProperties(string Reason);

internal sealed record SarifResult(
    string RuleId,
    int? RuleIndex,
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    SarifResultProperties Properties,
    IReadOnlyList<SarifFix>? Fixes = null);

/// <summary>A proposed fix (SARIF §3.55): replacements in one artifact, all applied together.</summary>
internal sealed record SarifFix(SarifText Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

internal sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

/// <summary>An empty deleted region inserts; no inserted content deletes.</summary>
internal sealed record SarifReplacement(SarifRegion DeletedRegion, SarifArtifactContent? InsertedContent);

internal sealed record SarifArtifactContent(string Text);

internal sealed record SarifResultProperties(
    string Checklist,
    SarifEvidence Evidence,
    string Fix,
    string Impact,
    SkillHost.Analysis.Rules.FindingEstimate? Estimate,
    string? CostSource,
    double RankingNs,
    string Confidence);

internal sealed record SarifEvidence(IReadOnlyList<string> Facts, int LoopDepth, bool InAsyncContext, bool PerItemFunction, double Repetitions);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId);

internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;
