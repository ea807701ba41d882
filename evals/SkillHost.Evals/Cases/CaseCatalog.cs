using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using SkillHost.Skills;

namespace SkillHost.Evals.Cases;

/// <summary>
/// Loads the eval cases: the skill's worked examples (read from the parsed SKILL.md at run time, ids
/// <c>example-a</c>…) followed by the cases of <c>evals.json</c>. Problems in the files are reported with
/// the file, the entry and what to change, as a <see cref="CaseFileException"/>.
/// </summary>
public static partial class CaseCatalog
{
    /// <summary>The Agent Skills eval file in the cases folder.</summary>
    public const string EvalsFileName = "evals.json";

    /// <summary>Assertions for the skill's examples, keyed by case id; the examples themselves stay in SKILL.md.</summary>
    public const string ExampleAssertionsFileName = "skill-examples.json";

    /// <summary>The prompt given for a skill example, whose code comes from SKILL.md.</summary>
    public const string ExamplePrompt =
        "Review this code for performance and answer with the skill's five-part report.";

    public static ImmutableArray<EvalCase> Load(string casesDirectory, SkillDocument skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        var exampleAssertions = ReadExampleAssertions(Path.Combine(casesDirectory, ExampleAssertionsFileName));
        var cases = FromExamples(skill, exampleAssertions).ToList();
        cases.AddRange(ReadEvalsFile(casesDirectory, skill));
        var duplicate = cases.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CaseFileException(
                $"case id '{duplicate.Key}' is used twice ({string.Join(", ", duplicate.Select(c => c.Origin))}); give each case its own id.");
        }

        return [.. cases];
    }

    /// <summary>The case id of a worked example: "A" → <c>example-a</c>.</summary>
    public static string ExampleCaseId(WorkedExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return "example-" + example.Id.ToLowerInvariant();
    }

    /// <summary>One case per worked example. Language and slug come from the example; keywords and fix direction
    /// from <paramref name="overlay"/> when it has the id, else from the code spans of the example's issue and fix.</summary>
    internal static IEnumerable<EvalCase> FromExamples(SkillDocument skill, IReadOnlyDictionary<string, AssertionsModel> overlay)
    {
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(overlay);
        foreach (var example in skill.Examples)
        {
            var id = ExampleCaseId(example);
            var slugs = example.FixCode.Concat(example.Inputs).Select(b => b.Slug).OfType<string>().Distinct(StringComparer.Ordinal).ToImmutableArray();
            var inputLanguage = example.Inputs.Select(b => b.Language).FirstOrDefault(l => l is not null);
            var language = slugs.Any(s => s.StartsWith("pyo3/", StringComparison.Ordinal))
                ? CaseLanguage.PyO3
                : ParseLanguage(inputLanguage) ?? CaseLanguage.Python;
            var files = example.Inputs
                .Select((block, i) => new CaseFile($"{id}{(i == 0 ? "" : $"-{i + 1}")}{Extension(block.Language)}", block.Code))
                .ToImmutableArray();
            overlay.TryGetValue(id, out var extra);
            var assertions = new CaseAssertions(
                ParseLanguage(extra?.Language) ?? language,
                slugs.AddRange(Strings(extra?.Slugs)).Distinct(StringComparer.Ordinal).ToImmutableArray(),
                extra?.IssueKeywords is { Count: > 0 } keywords ? [.. keywords] : CodeSpans(example.Issue),
                extra?.FixIncludesAny is { Count: > 0 } includes ? [.. includes] : CodeSpans(example.Fix),
                Strings(extra?.FixExcludes));
            yield return new EvalCase(
                id,
                ExamplePrompt,
                $"Top issue: {example.Issue} Fix: {example.Fix} Expected impact: {example.Impact}",
                files,
                [.. new[] { example.Issue, example.Fix, example.Impact, example.Tradeoff }.OfType<string>()],
                assertions,
                $"SKILL.md example {example.Id}");
        }
    }

    private static Dictionary<string, AssertionsModel> ReadExampleAssertions(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        return Deserialize(path, CaseJsonContext.Default.DictionaryStringAssertionsModel) ?? [];
    }

    private static IEnumerable<EvalCase> ReadEvalsFile(string casesDirectory, SkillDocument skill)
    {
        var path = Path.Combine(casesDirectory, EvalsFileName);
        if (!File.Exists(path))
        {
            throw new CaseFileException($"{path} not found: the cases folder needs an {EvalsFileName} (Agent Skills eval schema).");
        }

        var model = Deserialize(path, CaseJsonContext.Default.EvalsFileModel)
            ?? throw new CaseFileException($"{path}: the file is empty; write {{\"skill_name\": ..., \"evals\": [...]}}.");
        if (model.SkillName is { } name && skill.Name is { } skillName && name != skillName)
        {
            throw new CaseFileException($"{path}: skill_name is '{name}' but the skill is '{skillName}'; evals belong to one skill.");
        }

        var root = Path.GetFullPath(casesDirectory);
        for (var i = 0; i < (model.Evals?.Count ?? 0); i++)
        {
            yield return ToCase(model.Evals![i], $"{path}: evals[{i}]", root);
        }
    }

    private static EvalCase ToCase(EvalEntryModel entry, string where, string root)
    {
        if (string.IsNullOrWhiteSpace(entry.Id) || !CaseIdPattern().IsMatch(entry.Id))
        {
            throw new CaseFileException($"{where}: id '{entry.Id}' must be lower-case letters, digits and dashes (e.g. \"py-clone-in-loop\").");
        }

        where = $"{where} ('{entry.Id}')";
        if (string.IsNullOrWhiteSpace(entry.Prompt))
        {
            throw new CaseFileException($"{where}: prompt is missing; say what the agent is asked to do.");
        }

        var a = entry.Assertions ?? throw new CaseFileException($"{where}: assertions are missing; give language, slugs or issue_keywords, and fix_includes_any.");
        var language = ParseLanguage(a.Language)
            ?? throw new CaseFileException($"{where}: assertions.language '{a.Language}' must be python, rust or pyo3.");
        if (Strings(a.Slugs).IsEmpty && Strings(a.IssueKeywords).IsEmpty)
        {
            throw new CaseFileException($"{where}: assertions need slugs or issue_keywords to recognise the expected issue.");
        }

        if (Strings(a.FixIncludesAny).IsEmpty)
        {
            throw new CaseFileException($"{where}: assertions.fix_includes_any is empty; list what a fix going the right way contains.");
        }

        var files = Strings(entry.Files).Select(f => ReadCaseFile(f, where, root)).ToImmutableArray();
        if (files.IsEmpty)
        {
            throw new CaseFileException($"{where}: files is empty; a review case needs the code to review.");
        }

        return new EvalCase(
            entry.Id, entry.Prompt, entry.ExpectedOutput ?? "", files, Strings(entry.Expectations),
            new CaseAssertions(language, Strings(a.Slugs), Strings(a.IssueKeywords), Strings(a.FixIncludesAny), Strings(a.FixExcludes))
            {
                MustNotFlag = Strings(a.MustNotFlag),
            },
            EvalsFileName)
        {
            Source = entry.Source is null ? null : ToSource(entry.Source, where),
            Measure = entry.Measure is null ? null : ToMeasure(entry.Measure, files, where, root),
        };
    }

    private static CaseSource ToSource(SourceModel source, string where)
    {
        if (string.IsNullOrWhiteSpace(source.Repository) || !RepositoryPattern().IsMatch(source.Repository))
        {
            throw new CaseFileException($"{where}: source.repository '{source.Repository}' must be owner/name (e.g. \"encode/httpx\").");
        }

        if (string.IsNullOrWhiteSpace(source.Commit) || !CommitPattern().IsMatch(source.Commit))
        {
            throw new CaseFileException($"{where}: source.commit '{source.Commit}' must be the full 40-hex-digit commit the code was cut from (see calibration/repos.txt).");
        }

        if (string.IsNullOrWhiteSpace(source.Path))
        {
            throw new CaseFileException($"{where}: source.path is missing; name the file (and lines) in the repository the code was cut from.");
        }

        return new CaseSource(source.Repository, source.Commit, source.Path);
    }

    private static MeasureSpec ToMeasure(MeasureModel measure, ImmutableArray<CaseFile> files, string where, string root)
    {
        if (string.IsNullOrWhiteSpace(measure.Harness))
        {
            throw new CaseFileException($"{where}: measure.harness is missing; name the harness file (.py or .rs) that builds the input and calls the code.");
        }

        var harness = ReadCaseFile(measure.Harness, where, root);
        var language = ParseLanguage(Path.GetExtension(harness.Path).TrimStart('.'));
        if (language is not (CaseLanguage.Python or CaseLanguage.Rust))
        {
            throw new CaseFileException($"{where}: measure.harness '{measure.Harness}' must be a .py (standard library only) or .rs (std only) file.");
        }

        var extension = Path.GetExtension(harness.Path);
        var target = files.FirstOrDefault(f => f.Path.EndsWith(extension, StringComparison.Ordinal))
            ?? throw new CaseFileException($"{where}: measure.harness is {extension}, but the case has no {extension} file to measure.");
        var metric = measure.Metric?.ToLowerInvariant() switch
        {
            null or "time" => MeasureMetric.Time,
            "memory" when language == CaseLanguage.Python => MeasureMetric.Memory,
            "memory" => throw new CaseFileException($"{where}: measure.metric 'memory' needs a Python harness (tracemalloc); measure Rust cases by time."),
            var other => throw new CaseFileException($"{where}: measure.metric '{other}' must be time or memory."),
        };
        if (measure.Size is not > 0)
        {
            throw new CaseFileException($"{where}: measure.size must be a positive number of input items (the stated input size).");
        }

        var runs = measure.Runs ?? MeasureSpec.DefaultRuns;
        if (runs is < 1 or > MeasureSpec.MaxRuns)
        {
            throw new CaseFileException($"{where}: measure.runs {runs} must be between 1 and {MeasureSpec.MaxRuns}.");
        }

        return new MeasureSpec(target, harness, language.Value, metric, measure.Size.Value, runs);
    }

    private static CaseFile ReadCaseFile(string relative, string where, string root)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new CaseFileException($"{where}: file '{relative}' is outside the cases folder; keep case files under it.");
        }

        if (!File.Exists(full))
        {
            throw new CaseFileException($"{where}: file '{relative}' not found (paths are relative to the cases folder).");
        }

        return new CaseFile(Path.GetFileName(full), File.ReadAllText(full));
    }

    private static T? Deserialize<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), type);
        }
        catch (JsonException e)
        {
            throw new CaseFileException($"{path}: not valid JSON ({e.Message}); fix the file and run again.", e);
        }
    }

    internal static CaseLanguage? ParseLanguage(string? language) => language?.ToLowerInvariant() switch
    {
        "python" or "py" => CaseLanguage.Python,
        "rust" or "rs" => CaseLanguage.Rust,
        "pyo3" => CaseLanguage.PyO3,
        _ => null,
    };

    private static string Extension(string? language) => ParseLanguage(language) == CaseLanguage.Rust ? ".rs" : ".py";

    private static ImmutableArray<string> Strings(List<string>? values) =>
        values is null ? [] : [.. values.Where(v => !string.IsNullOrWhiteSpace(v))];

    // `readlines()` → "readlines"; the example's own words for the code it is about.
    private static ImmutableArray<string> CodeSpans(string? text) =>
        text is null ? [] : [.. CodeSpanPattern().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('(', ')')).Where(s => s.Length > 2).Distinct()];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CaseIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpanPattern();
}

/// <summary>A case file that cannot be used; the message names the file, the entry and the fix.</summary>
public sealed class CaseFileException : Exception
{
    public CaseFileException(string message)
        : base(message)
    {
    }

    public CaseFileException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CaseFileException()
    {
    }
}
