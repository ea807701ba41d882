using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using SkillHost.Analysis.Reporting;
using SkillHost.Server.Skills;
using SkillHost.Server.Tools;
using SkillHost.Skills;

namespace SkillHost.Server;

/// <summary>
/// Source-generated JSON for everything the MCP server writes itself (tool results, JSON resources, SEP-2640
/// results): no reflection, so the server runs under Native AOT.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonReport))]
[JsonSerializable(typeof(SkillSectionResult))]
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
    public static JsonSerializerOptions ToolOptions => field ??= new(McpJsonUtilities.DefaultOptions)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Relaxed, McpJsonUtilities.DefaultOptions.TypeInfoResolver!),
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
