using System.Text.Json.Serialization;

namespace SkillHost.Evals.Cases;

/// <summary>
/// <c>evals.json</c> as written on disk: the Agent Skills eval schema (<c>skill_name</c>, <c>evals[]</c> with
/// <c>id</c>, <c>prompt</c>, <c>expected_output</c>, <c>files</c>, <c>expectations</c>) plus our <c>assertions</c>.
/// </summary>
internal sealed record EvalsFileModel(
    [property: JsonPropertyName("skill_name")] string? SkillName,
    [property: JsonPropertyName("evals")] List<EvalEntryModel>? Evals);

internal sealed record EvalEntryModel(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("prompt")] string? Prompt,
    [property: JsonPropertyName("expected_output")] string? ExpectedOutput,
    [property: JsonPropertyName("files")] List<string>? Files,
    [property: JsonPropertyName("expectations")] List<string>? Expectations,
    [property: JsonPropertyName("assertions")] AssertionsModel? Assertions);

/// <summary>The machine-checkable part of a case; in <c>skill-examples.json</c> keyed by example case id.</summary>
internal sealed record AssertionsModel(
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("slugs")] List<string>? Slugs,
    [property: JsonPropertyName("issue_keywords")] List<string>? IssueKeywords,
    [property: JsonPropertyName("fix_includes_any")] List<string>? FixIncludesAny,
    [property: JsonPropertyName("fix_excludes")] List<string>? FixExcludes);

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(EvalsFileModel))]
[JsonSerializable(typeof(Dictionary<string, AssertionsModel>))]
internal sealed partial class CaseJsonContext : JsonSerializerContext;
