using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;
using SkillHost.Server.Skills;
using SkillHost.Server.Tools;
using SkillHost.Skills;

namespace SkillHost.Server;

/// <summary>
/// Source-generated JSON for everything the MCP server writes itself (tool results, JSON resources, SEP-2640
/// results): no reflection, so the server runs under Native AOT. Nulls are written (never left out): the output
/// schemas list nullable properties as required, and clients validate structured content against them.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters =
    [
        typeof(KebabCaseEnumConverter<CodeClass>),
        typeof(KebabCaseEnumConverter<Confidence>),
        typeof(KebabCaseEnumConverter<SourceLanguage>),
        typeof(KebabCaseEnumConverter<SkipReason>),
        typeof(KebabCaseEnumConverter<MatchKind>),
    ])]
[JsonSerializable(typeof(ChecklistReviewResult))]
[JsonSerializable(typeof(FixCodeResult))]
[JsonSerializable(typeof(SkillSectionResult))]
[JsonSerializable(typeof(ClassifyCodeResult))]
[JsonSerializable(typeof(CostEstimate))]
[JsonSerializable(typeof(NormalizedReport))]
[JsonSerializable(typeof(ReviewCodeResult))]
[JsonSerializable(typeof(AnalyzeProfileResult))]
[JsonSerializable(typeof(SkillHost.Analysis.Profiles.ProfileComparison))]
[JsonSerializable(typeof(ImmutableArray<CostTable>))]
[JsonSerializable(typeof(Checklist))]
[JsonSerializable(typeof(SkillsListResult))]
[JsonSerializable(typeof(SkillsGetResult))]
[JsonSerializable(typeof(string))]
internal sealed partial class ServerJsonContext : JsonSerializerContext
{
    // Lazily built: the generated Default is initialised in another part of this partial class, in no guaranteed order.

    /// <summary>The context with relaxed escaping (µ, ×, ≈ as themselves): for resources, which are data, never embedded in HTML.</summary>
    public static ServerJsonContext Relaxed => field ??= new(new JsonSerializerOptions(Default!.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });

    /// <summary>
    /// The options tools are registered with: this context first, then the SDK's own resolver. Passing them to
    /// <c>WithTools&lt;T&gt;(options)</c> is what makes a tool returning our types work under Native AOT.
    /// </summary>
    public static JsonSerializerOptions ToolOptions => field ??= CreateToolOptions();

    private static JsonSerializerOptions CreateToolOptions()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(Relaxed, McpJsonUtilities.DefaultOptions.TypeInfoResolver!),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // The SDK's defaults leave nulls out, but the output schemas list nullable properties as required.
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };

        // Options-level converters win over the context's: put ours (kebab-case enums, as the CLI writes them) first.
        foreach (var converter in Default!.Options.Converters.Reverse())
        {
            options.Converters.Insert(0, converter);
        }

        return options;
    }

    /// <summary>The type info tools serialise <typeparamref name="T"/> with (for results built by hand, as review_code's).</summary>
    public static JsonTypeInfo<T> ToolType<T>() => (JsonTypeInfo<T>)ToolOptions.GetTypeInfo(typeof(T));
}
