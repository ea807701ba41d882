using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;
using SkillHost.Skills;
using SkillHost.Skills.Validation;

namespace SkillHost.Server.Skills;

/// <summary>
/// Skills over MCP (SEP-2640, extension <c>io.modelcontextprotocol/skills</c>): <c>skills/list</c> and
/// <c>skills/get</c> return each skill's URI (<c>skill://name/SKILL.md</c>), its frontmatter as JSON and a
/// manifest of every file with its size and <c>sha256:</c> digest; the files themselves are ordinary resources.
/// </summary>
internal static class SkillsOverMcp
{
    public const string ExtensionKey = "io.modelcontextprotocol/skills";
    public const string ListMethod = "skills/list";
    public const string GetMethod = "skills/get";

    /// <summary>How long a client may cache a listing; the server also announces changes with list_changed.</summary>
    private const int TimeToLiveMs = 60_000;

#pragma warning disable MCPEXP002 // Custom request handlers are experimental in the SDK; SEP-2640 has no other hook in 2.4.0.
    public static IList<McpServerRequestHandler> Handlers(SkillCatalog catalog) =>
    [
        new McpServerRequestHandler
        {
            Method = ListMethod,
            Handler = (request, cancellationToken) => ValueTask.FromResult<JsonNode?>(JsonSerializer.SerializeToNode(List(catalog), ServerJsonContext.Default.SkillsListResult)),
        },
        new McpServerRequestHandler
        {
            Method = GetMethod,
            Handler = (request, cancellationToken) => ValueTask.FromResult<JsonNode?>(JsonSerializer.SerializeToNode(Get(catalog, request.Params), ServerJsonContext.Default.SkillsGetResult)),
        },
    ];
#pragma warning restore MCPEXP002

    public static SkillsListResult List(SkillCatalog catalog) =>
        new([.. catalog.Skills.Select(Entry)], TimeToLiveMs, "public");

    public static SkillsGetResult Get(SkillCatalog catalog, JsonNode? parameters)
    {
        var uri = parameters is JsonObject o && o["uri"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new McpProtocolException("skills/get needs a 'uri' parameter: a skill URI from skills/list, e.g. skill://performance-optimization/SKILL.md.", McpErrorCode.InvalidParams);
        }

        var skill = catalog.Skills.FirstOrDefault(k => string.Equals(k.SkillUri, uri, StringComparison.Ordinal))
            ?? throw new McpProtocolException($"No hosted skill has the URI '{uri}'. skills/list gives the URIs: {string.Join(", ", catalog.Skills.Select(k => k.SkillUri))}.", McpErrorCode.InvalidParams);
        return new SkillsGetResult(Entry(skill), TimeToLiveMs, "public");
    }

    public static SkillEntry Entry(HostedSkill skill) => new(
        skill.SkillUri,
        skill.Document.Frontmatter is { } frontmatter ? (JsonObject)ToJson(frontmatter)! : [],
        [.. skill.Files.Select(f => new SkillManifestEntry(skill.UriPrefix + f.RelativePath, f.Digest, f.Size))]);

    /// <summary>The frontmatter as a YAML 1.2 core-schema loader sees it: plain scalars typed (null, booleans, numbers), quoted ones strings.</summary>
    public static JsonNode? ToJson(FrontmatterValue value) => value switch
    {
        FrontmatterMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        FrontmatterList list => new JsonArray([.. list.Items.Select(ToJson)]),
        FrontmatterScalar scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(FrontmatterScalar scalar)
    {
        switch (YamlScalarKinds.Of(scalar))
        {
            case YamlScalarKind.Null:
                return null;
            case YamlScalarKind.Boolean:
                return JsonValue.Create(scalar.Text is "true" or "True" or "TRUE");
            case YamlScalarKind.WholeNumber when long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                return JsonValue.Create(whole);
            case YamlScalarKind.DecimalNumber when double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                return JsonValue.Create(number);
            default:
                return JsonValue.Create(scalar.Text);
        }
    }
}

/// <summary>The <c>skills/list</c> result.</summary>
internal sealed record SkillsListResult(IReadOnlyList<SkillEntry> Skills, int TtlMs, string CacheScope);

/// <summary>The <c>skills/get</c> result: the entry wrapped in <c>skill</c>.</summary>
internal sealed record SkillsGetResult(SkillEntry Skill, int TtlMs, string CacheScope);

/// <summary>One skill: its entry file's URI, its frontmatter and the complete manifest of its files.</summary>
internal sealed record SkillEntry(string Uri, JsonObject Frontmatter, IReadOnlyList<SkillManifestEntry> Resources);

/// <summary>One file of a skill with the size in bytes and the digest of exactly the bytes <c>resources/read</c> serves.</summary>
internal sealed record SkillManifestEntry(string Uri, string Digest, long Size);
