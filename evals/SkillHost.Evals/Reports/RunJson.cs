using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkillHost.Evals.Agents;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Measuring;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Reports;

/// <summary>The run as JSON (<c>results.json</c>): mode, threshold, passed, and per agent and case the score and checks.</summary>
public static class RunJson
{
    private static readonly RunJsonContext Context = new(new JsonSerializerOptions(RunJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var model = new RunModel(run.Mode, run.Threshold, run.Passed, [.. run.Runs.Select(r => new CaseRunModel(
            r.Agent, r.Case.Id, r.Case.Origin, r.Case.Source, r.Score.Overall, r.Passed, r.Error, r.ToolCalls, Math.Round(r.Duration.TotalMilliseconds), r.Score.Checks, r.Measured))]);
        return JsonSerializer.Serialize(model, Context.RunModel);
    }
}

internal sealed record RunModel(string Mode, double Threshold, bool Passed, ImmutableArray<CaseRunModel> Runs);

internal sealed record CaseRunModel(
    string Agent, string Case, string Origin, CaseSource? Source, double Overall, bool Passed, string? Error, ImmutableArray<string> ToolCalls, double Milliseconds, ImmutableArray<CheckScore> Checks, MeasuredAdvice? Measured);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunModel))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
