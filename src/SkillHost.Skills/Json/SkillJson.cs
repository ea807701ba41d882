using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkillHost.Skills.Json;

/// <summary>Serialises the skill model with <see cref="SkillJsonContext"/>, writing µ, — and quotes as themselves rather than \u escapes.</summary>
public static class SkillJson
{
    /// <summary>The context to pass to <see cref="JsonSerializer"/> (relaxed escaping; output is data, never embedded in HTML).</summary>
    public static SkillJsonContext Context { get; } = new(new JsonSerializerOptions(SkillJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(SkillDocument document) =>
        JsonSerializer.Serialize(document, Context.SkillDocument);
}
