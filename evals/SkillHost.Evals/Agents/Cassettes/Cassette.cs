using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SkillHost.Evals.Agents.Cassettes;

/// <summary>
/// A recorded conversation between the LLM agent and its model for one case: each request the agent sent
/// (in a comparable form, see <see cref="CassetteRequest"/>) and the model's response. Replays are strict:
/// requests must match in order, and a cassette never expires.
/// </summary>
/// <param name="Provenance"><c>recorded</c> (written by <c>--record</c> from a live model) or <c>hand-written</c>.</param>
/// <param name="Note">Why and how the cassette was made; a hand-written cassette says so here.</param>
public sealed record Cassette(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("provenance")] string Provenance,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("created")] string Created,
    [property: JsonPropertyName("interactions")] List<CassetteInteraction> Interactions)
{
    public const string HandWritten = "hand-written";
    public const string Recorded = "recorded";
}

public sealed record CassetteInteraction(
    [property: JsonPropertyName("request")] CassetteRequest Request,
    [property: JsonPropertyName("response")] CassetteResponse Response);

/// <summary>
/// A request as the replay compares it: the tools offered and every message. System text is kept as its SHA-256
/// (it is the whole SKILL.md); tool results are kept as their call ids only, because they come from our own
/// deterministic server, which has its own tests — a change there replays against the recorded model turns.
/// </summary>
public sealed record CassetteRequest(
    [property: JsonPropertyName("tools")] List<string> Tools,
    [property: JsonPropertyName("messages")] List<CassetteMessage> Messages);

public sealed record CassetteResponse(
    [property: JsonPropertyName("messages")] List<CassetteMessage> Messages,
    [property: JsonPropertyName("finishReason")] string? FinishReason);

/// <summary>One message: its role and contents (text, a function call, or a function result).</summary>
public sealed record CassetteMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("contents")] List<CassetteContent> Contents);

public sealed record CassetteContent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null,
    [property: JsonPropertyName("sha256"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sha256 = null,
    [property: JsonPropertyName("callId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CallId = null,
    [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonPropertyName("arguments"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Arguments = null)
{
    public const string TextType = "text";
    public const string SystemTextType = "systemText";
    public const string FunctionCallType = "functionCall";
    public const string FunctionResultType = "functionResult";
}

[JsonSourceGenerationOptions(WriteIndented = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Cassette))]
[JsonSerializable(typeof(CassetteRequest))]
internal sealed partial class CassetteJsonContext : JsonSerializerContext;
