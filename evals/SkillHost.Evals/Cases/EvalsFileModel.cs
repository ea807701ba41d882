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
    [property: JsonPropertyName("assertions")] AssertionsModel? Assertions,
    [property: JsonPropertyName("source")] SourceModel? Source = null,
    [property: JsonPropertyName("measure")] MeasureModel? Measure = null);

/// <summary>A real-code case's origin: <c>repository</c> (owner/name), <c>commit</c> (40 hex digits), <c>path</c> (and lines).</summary>
internal sealed record SourceModel(
    [property: JsonPropertyName("repository")] string? Repository,
    [property: JsonPropertyName("commit")] string? Commit,
    [property: JsonPropertyName("path")] string? Path);

/// <summary>How to measure a case's advice: the harness file, what to measure, the input size and the number of runs.</summary>
internal sealed record MeasureModel(
    [property: JsonPropertyName("harness")] string? Harness,
    [property: JsonPropertyName("metric")] string? Metric,
    [property: JsonPropertyName("size")] int? Size,
    [property: JsonPropertyName("runs")] int? Runs);

/// <summary>The machine-checkable part of a case; in <c>skill-examples.json</c> keyed by example case id.</summary>
internal sealed record AssertionsModel(
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("slugs")] List<string>? Slugs,
    [property: JsonPropertyName("issue_keywords")] List<string>? IssueKeywords,
    [property: JsonPropertyName("fix_includes_any")] List<string>? FixIncludesAny,
    [property: JsonPropertyName("fix_excludes")] List<string>? FixExcludes,
    [property: JsonPropertyName("must_not_flag")] List<string>? MustNotFlag = null);

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(EvalsFileModel))]
[JsonSerializable(typeof(Dictionary<string, AssertionsModel>))]
internal sealed partial class CaseJsonContext : JsonSerializerContext;
