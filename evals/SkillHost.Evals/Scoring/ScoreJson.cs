using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillHost.Evals.Scoring;

/// <summary>JSON of scores (camelCase): <c>case</c>, <c>overall</c>, <c>passed</c>, <c>threshold</c>, <c>checks[]</c> with <c>name</c>, <c>score</c>, <c>passed</c>, <c>reason</c>, <c>weight</c>.</summary>
public static class ScoreJson
{
    // Reasons quote code and use arrows; relaxed escaping keeps them readable (the output is a file or a terminal, not HTML).
    internal static readonly ScoreJsonContext Context = new(new JsonSerializerOptions(ScoreJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(CaseScore score) => JsonSerializer.Serialize(score, Context.CaseScore);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CaseScore))]
internal sealed partial class ScoreJsonContext : JsonSerializerContext;
