using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SkillHost.Evals.Scoring;

/// <summary>How closely a report's label matches the skill's name for a part.</summary>
public enum LabelMatch
{
    /// <summary>The skill's name; case, numbering ("2.", "Part 3:") and trailing punctuation aside.</summary>
    Exact,

    /// <summary>The same words once <c>&amp;</c>/<c>and</c>, hyphens, plurals, word order and a parenthetical are set aside ("Risks &amp; trade-offs").</summary>
    Paraphrase,

    /// <summary>A word from the synonym list kept beside the rubric (<c>evals/cases/part-synonyms.json</c>).</summary>
    Synonym,
}

/// <summary>
/// Reads a report's headings and bold labels as a reviewer does: a part is there when its label names it, however it is
/// worded; how it is worded is a separate question (<see cref="LabelMatch"/>, judged by the <c>naming</c> check).
/// </summary>
public sealed partial class PartNaming
{
    private readonly ImmutableArray<string> _names;
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paraphrase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _synonym = new(StringComparer.Ordinal);

    /// <param name="partNames">The skill's part names, in order.</param>
    /// <param name="synonyms">Other names per part name; each key must be one of <paramref name="partNames"/>.</param>
    public PartNaming(IReadOnlyList<string> partNames, IReadOnlyDictionary<string, ImmutableArray<string>>? synonyms = null)
    {
        ArgumentNullException.ThrowIfNull(partNames);
        _names = [.. partNames];
        foreach (var name in partNames)
        {
            _exact.TryAdd(ReportOutline.Normalise(name), name);
            _paraphrase.TryAdd(Canonical(name), name);
        }

        foreach (var (part, words) in synonyms ?? ImmutableDictionary<string, ImmutableArray<string>>.Empty)
        {
            var name = _exact.GetValueOrDefault(ReportOutline.Normalise(part))
                ?? throw new ArgumentException($"the synonym list names the part '{part}', which the skill does not have (its parts: {string.Join(", ", partNames.Select(n => $"'{n}'"))}).", nameof(synonyms));
            foreach (var word in words)
            {
                var key = Canonical(word);
                if (_paraphrase.TryGetValue(key, out var other) && other != name)
                {
                    throw new ArgumentException($"the synonym '{word}' of '{name}' reads as the part '{other}'; a synonym may name one part only.", nameof(synonyms));
                }

                _synonym.TryAdd(key, name);
            }
        }
    }

    /// <summary>The skill's part names, in order.</summary>
    public ImmutableArray<string> PartNames => _names;

    /// <summary>The part a label names and how closely, or null when it names none.</summary>
    public (string Name, LabelMatch Match)? Match(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (_exact.TryGetValue(ReportOutline.Normalise(label), out var exact))
        {
            return (exact, LabelMatch.Exact);
        }

        var key = Canonical(label);
        if (key.Length == 0)
        {
            return null;
        }

        if (_paraphrase.TryGetValue(key, out var paraphrase))
        {
            return (paraphrase, LabelMatch.Paraphrase);
        }

        return _synonym.TryGetValue(key, out var synonym) ? (synonym, LabelMatch.Synonym) : null;
    }

    /// <summary>
    /// The words of a label as a sorted set: lower case, numbering and a parenthetical removed, <c>&amp;</c>, <c>+</c> and
    /// <c>/</c> read as "and", hyphens joined ("trade-offs" → "tradeoffs"), plurals made singular, and small words
    /// (and, the, of, for…) dropped. "Risks &amp; Trade-offs" and "Tradeoffs and risks" both give "risk tradeoff".
    /// </summary>
    public static string Canonical(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var text = Parenthetical().Replace(ReportOutline.Normalise(label), " ");
        text = Hyphen().Replace(text, "");
        var words = NonLetters().Split(text)
            .Where(w => w.Length > 0 && !StopWords.Contains(w))
            .Select(Singular)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> StopWords = new(["and", "the", "a", "an", "of", "for", "to", "our", "your"], StringComparer.Ordinal);

    private static string Singular(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 4 && (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)) ? word[..^2]
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"(?<=\p{L})-(?=\p{L})")]
    private static partial Regex Hyphen();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonLetters();
}
