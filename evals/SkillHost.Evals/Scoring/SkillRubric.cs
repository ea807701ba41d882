using System.Collections.Immutable;
using Markdig.Syntax;
using SkillHost.Evals.Cases;
using SkillHost.Skills;

namespace SkillHost.Evals.Scoring;

/// <summary>
/// What the scorer takes from the skill itself: the report's part names (step 5, in order) and the
/// measurement tools of step 3 per language. Nothing here is a constant: change SKILL.md and the rubric follows.
/// Beside it, <see cref="Synonyms"/>: other names a reviewer accepts for a part (<see cref="SynonymsFileName"/>).
/// </summary>
public sealed record SkillRubric(ImmutableArray<string> PartNames, ImmutableDictionary<CaseLanguage, ImmutableArray<string>> Tools)
{
    /// <summary>The synonym list beside the cases: a JSON object from a part name of the skill to other names for it.</summary>
    public const string SynonymsFileName = "part-synonyms.json";

    /// <summary>Other names per part name (empty unless loaded with <see cref="WithSynonyms"/>).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Synonyms { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>How report labels are matched to <see cref="PartNames"/>.</summary>
    public PartNaming Naming => new(PartNames, Synonyms);

    /// <summary>The rubric with the synonyms of <paramref name="path"/> (when the file exists); a malformed file or a
    /// synonym for a part the skill does not have throws <see cref="InvalidOperationException"/> naming the file.</summary>
    public SkillRubric WithSynonyms(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return this;
        }

        Dictionary<string, List<string>>? model;
        try
        {
            model = System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(path), RubricJsonContext.Default.DictionaryStringListString);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidOperationException($"{path}: not valid JSON ({e.Message}); write {{\"Part name\": [\"other name\", ...]}}.", e);
        }

        var synonyms = (model ?? []).ToImmutableDictionary(kv => kv.Key, kv => kv.Value.Where(v => !string.IsNullOrWhiteSpace(v)).ToImmutableArray(), StringComparer.Ordinal);
        try
        {
            _ = new PartNaming(PartNames, synonyms);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }

        return this with { Synonyms = synonyms };
    }

    /// <summary>Reads the rubric; throws with a clear message when the skill lacks report parts or measurement tools.</summary>
    public static SkillRubric From(SkillDocument skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        if (skill.ReportParts.Length == 0)
        {
            throw new InvalidOperationException(
                "The skill names no report parts (step 5's list of bold part names); the scorer has nothing to check the structure against.");
        }

        var measure = skill.FindSection(s => s.Title.StartsWith("Step 3", StringComparison.OrdinalIgnoreCase))
            ?? skill.FindSection(s => s.Title.Contains("measure", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The skill has no 'Step 3' (measurement) section; the scorer reads the profiling tools from it.");
        var tools = ToolsByLanguage(measure.Text);
        if (tools.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Section '{measure.Title}' lists no tools: expected bold language labels (**Python**) followed by items starting with `tool`.");
        }

        return new SkillRubric(skill.ReportParts, tools);
    }

    /// <summary>The tools a measurement plan for <paramref name="language"/> may name; a PyO3 case may use either side's.</summary>
    public ImmutableArray<string> ToolsFor(CaseLanguage language) => language == CaseLanguage.PyO3
        ? [.. Tools.Values.SelectMany(t => t).Distinct(StringComparer.Ordinal)]
        : Tools.GetValueOrDefault(language, []);

    // "**Python**" paragraphs open a group; each list item's code spans before its first colon are tool names.
    private static ImmutableDictionary<CaseLanguage, ImmutableArray<string>> ToolsByLanguage(string sectionMarkdown)
    {
        var result = new Dictionary<CaseLanguage, List<string>>();
        CaseLanguage? current = null;
        foreach (var block in MarkdownText.Parse(sectionMarkdown))
        {
            if (block is ParagraphBlock paragraph && MarkdownText.LeadingBoldLabel(paragraph) is { } label)
            {
                current = CaseCatalog.ParseLanguage(label.Trim().TrimEnd(':'));
                continue;
            }

            if (block is not ListBlock list || current is not { } language)
            {
                continue;
            }

            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inline })
                {
                    continue;
                }

                var head = MarkdownText.Plain(inline).Split(':')[0];
                var names = MarkdownText.CodeSpans(inline).Where(code => head.Contains(code, StringComparison.Ordinal));
                var bucket = result.TryGetValue(language, out var existing) ? existing : result[language] = [];
                bucket.AddRange(names);
            }
        }

        return result.Where(kv => kv.Value.Count > 0).ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray());
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, List<string>>))]
internal sealed partial class RubricJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
