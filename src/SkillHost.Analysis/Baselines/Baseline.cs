using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkillHost.Analysis.Baselines;

/// <summary>One known finding in a baseline file: its fingerprint and, for people reading the file, where it was.</summary>
public sealed record BaselineEntry(
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("function")] string Function,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// The findings a project has accepted for now (<c>--write-baseline</c>), so a review with <c>--baseline</c> reports only
/// new ones. Paths are relative to the file's own folder, so the baseline travels with the repository.
/// </summary>
public sealed record Baseline(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("findings")] IReadOnlyList<BaselineEntry> Findings)
{
    public const int CurrentVersion = 1;

    public static Baseline Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Baseline? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize(File.ReadAllText(path), BaselineJson.Default.Baseline);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a skillhost baseline (written by --write-baseline): {e.Message}", e);
        }

        return baseline is { Version: CurrentVersion, Findings: not null }
            ? baseline
            : throw new InvalidDataException($"{path} is not a version {CurrentVersion} skillhost baseline; write it again with --write-baseline");
    }

    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, JsonSerializer.Serialize(this, BaselineJson.Default.Baseline) + "\n");
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Baseline))]
internal sealed partial class BaselineJson : JsonSerializerContext;
