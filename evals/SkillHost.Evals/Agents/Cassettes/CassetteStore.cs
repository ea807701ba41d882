using System.Text.Json;

namespace SkillHost.Evals.Agents.Cassettes;

/// <summary>Cassettes on disk: one JSON file per case, <c>&lt;case&gt;.json</c>, in the cassettes folder.</summary>
public sealed class CassetteStore(string folder)
{
    // Cassettes are read by people (the note, the prompts, the reports): keep quotes, backticks and arrows unescaped.
    private static readonly CassetteJsonContext Readable = new(new JsonSerializerOptions(CassetteJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string Folder { get; } = folder;

    public string PathOf(string caseId) => Path.Combine(Folder, caseId + ".json");

    /// <summary>Reads the cassette of a case; a missing or malformed one is a miss with advice.</summary>
    public Cassette Load(string caseId)
    {
        var path = PathOf(caseId);
        if (!File.Exists(path))
        {
            throw new CassetteMissException($"no cassette for case '{caseId}' at {path}: record one with --record (see the README's evals section) or write it by hand.");
        }

        try
        {
            var cassette = JsonSerializer.Deserialize(File.ReadAllText(path), CassetteJsonContext.Default.Cassette)
                ?? throw new CassetteMissException($"{path} is empty.");
            if (cassette.Case != caseId)
            {
                throw new CassetteMissException($"{path} is the cassette of case '{cassette.Case}', not '{caseId}'.");
            }

            return cassette;
        }
        catch (JsonException e)
        {
            throw new CassetteMissException($"{path} is not a valid cassette ({e.Message}); fix or re-record it.", e);
        }
    }

    /// <summary>Writes a cassette atomically (temporary file, then rename), so a failed write never leaves half a cassette.</summary>
    public void Save(Cassette cassette)
    {
        ArgumentNullException.ThrowIfNull(cassette);
        Directory.CreateDirectory(Folder);
        var path = PathOf(cassette.Case);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(cassette, Readable.Cassette) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
