using System.Text.Json;
using System.Text.Json.Serialization;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Documentation;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// JSON of the workflow's results (five-part report, classifications, estimates, normalised reports):
/// camelCase, enums as kebab-case strings. Source-generated, so it works under Native AOT; an MCP server
/// combines <see cref="WorkflowJsonContext"/>'s resolver with its own.
/// </summary>
public static class WorkflowJson
{
    /// <summary>The options every workflow type serialises with (the findings report's relaxed escaping: ×, µ and → stay readable).</summary>
    public static JsonSerializerOptions Options { get; } = new(WorkflowJsonContext.Default.Options)
    {
        Encoder = JsonReportRenderer.Options.Encoder,
    };

    /// <summary>A context over <see cref="Options"/>: pass its type infos (<c>Context.PerformanceReport</c>) to the serializer.</summary>
    public static WorkflowJsonContext Context { get; } = new(Options);

    public static string Serialize(PerformanceReport report) => JsonSerializer.Serialize(report, Context.PerformanceReport);

    public static string Serialize(IReadOnlyList<FileClassification> classifications) => JsonSerializer.Serialize(classifications, Context.IReadOnlyListFileClassification);

    public static string Serialize(CostEstimate estimate) => JsonSerializer.Serialize(estimate, Context.CostEstimate);

    public static string Serialize(NormalizedReport report) => JsonSerializer.Serialize(report, Context.NormalizedReport);
}

/// <summary>Writes an enum as a kebab-case string ("application-cold", "high").</summary>
public sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower)
    where T : struct, Enum;

/// <summary>The source-generated serializer context of the workflow types.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters =
    [
        typeof(KebabCaseEnumConverter<CodeClass>),
        typeof(KebabCaseEnumConverter<Confidence>),
        typeof(KebabCaseEnumConverter<SourceLanguage>),
        typeof(KebabCaseEnumConverter<SkipReason>),
        typeof(KebabCaseEnumConverter<MatchKind>),
        typeof(KebabCaseEnumConverter<RuleGroup>),
    ])]
[JsonSerializable(typeof(PerformanceReport))]
[JsonSerializable(typeof(IReadOnlyList<FileClassification>))]
[JsonSerializable(typeof(CostEstimate))]
[JsonSerializable(typeof(NormalizedReport))]
[JsonSerializable(typeof(RuleDoc))]
[JsonSerializable(typeof(IReadOnlyList<RuleSummary>))]
public sealed partial class WorkflowJsonContext : JsonSerializerContext;
