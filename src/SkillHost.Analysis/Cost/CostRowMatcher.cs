using SkillHost.Skills;

namespace SkillHost.Analysis.Cost;

/// <summary>How an operation was matched to a cost-table row.</summary>
public enum MatchKind
{
    /// <summary>The same words, ignoring case, punctuation and spacing ("read 1MB from SSD").</summary>
    Exact,

    /// <summary>Every word of the request appears in the row ("python function call" → "Python function call overhead"), or the words are close.</summary>
    Fuzzy,

    /// <summary>The caller gave the per-item cost; no row was consulted.</summary>
    Given,
}

/// <summary>The cost-table row an operation was priced with; <see cref="Describe"/> names it in output.</summary>
/// <param name="Table">The table's title ("Python costs").</param>
/// <param name="Operation">The row's operation as the skill writes it.</param>
/// <param name="Figure">The row's duration cell as written ("20-50 ns").</param>
/// <param name="Line">The row's line in its file.</param>
/// <param name="Source">The file of the table, relative to the skill folder; null for SKILL.md.</param>
public sealed record CostRowMatch(string Table, string Operation, string Figure, int Line, MatchKind Kind, string? Source = null)
{
    /// <summary>"Python costs: dict lookup (20-50 ns)".</summary>
    public string Describe() => $"{Table}: {Operation} ({Figure})";
}

/// <summary>
/// Finds the cost-table row an operation names: an exact match first (case, punctuation and spacing
/// ignored), then the one row holding every word of the request, then the one clearly closest row.
/// Anything else is refused with the closest rows as suggestions, never guessed.
/// </summary>
public sealed class CostRowMatcher
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "a", "an", "the", "of", "on", "per", "one" };
    private readonly List<Candidate> _rows;

    public CostRowMatcher(SkillDocument skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        _rows = [.. skill.CostTables.SelectMany(t => t.Rows.Select(r => new Candidate(t, r, Words(r.Operation))))];
    }

    /// <summary>The row for <paramref name="operation"/> and how it matched.</summary>
    /// <exception cref="CostEstimateException">No row fits, or several fit equally; the message lists the closest rows.</exception>
    public (CostTable Table, CostRow Row, MatchKind Kind) Match(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_rows.Count == 0)
        {
            throw new CostEstimateException("The skill has no cost tables, so operations cannot be priced. Give each operation its own cost: \"operation=count@50 ns\".");
        }

        var words = Words(operation);
        if (words.Length == 0)
        {
            throw new CostEstimateException($"'{operation}' names no operation. {Known()}");
        }

        var key = string.Join(' ', words);
        var compact = string.Concat(words);
        var exact = _rows.FirstOrDefault(r => string.Join(' ', r.Words) == key || string.Concat(r.Words) == compact);
        if (exact is not null)
        {
            return (exact.Table, exact.Row, MatchKind.Exact);
        }

        // Every word of the request in one row only; several such rows are ambiguous, never a guess.
        var containing = _rows.Where(r => words.All(w => r.Words.Contains(w))).ToList();
        if (containing.Count == 1)
        {
            return (containing[0].Table, containing[0].Row, MatchKind.Fuzzy);
        }

        if (containing.Count > 1)
        {
            var names = containing.Select(Name).ToList();
            throw new CostEstimateException(
                $"'{operation}' fits {containing.Count} cost-table rows: {string.Join("; ", names.Select(n => $"'{n}'"))}. Name one of them.",
                names);
        }

        var scored = _rows.Select(r => (Row: r, Score: Similarity(words, r.Words))).OrderByDescending(s => s.Score).ToList();
        var best = scored[0];
        var runnerUp = scored.Count > 1 ? scored[1].Score : 0;
        if (best.Score >= 0.6 && best.Score - runnerUp >= 0.15)
        {
            return (best.Row.Table, best.Row.Row, MatchKind.Fuzzy);
        }

        var suggestions = scored.Where(s => s.Score > 0).Take(3).Select(s => Name(s.Row)).ToList();
        throw new CostEstimateException(
            suggestions.Count > 0
                ? $"No cost-table row of the skill matches '{operation}'. Did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}? Or give the cost yourself: \"{operation}=COUNT@50 ns\"."
                : $"No cost-table row of the skill matches '{operation}'. {Known()}",
            suggestions);
    }

    /// <summary>Every operation the tables price, for messages and help.</summary>
    public IEnumerable<string> Operations => _rows.Select(r => r.Row.Operation);

    private string Known() =>
        $"Known operations: {string.Join(", ", _rows.Select(r => $"'{r.Row.Operation}'"))}. Or give the cost yourself: \"operation=COUNT@50 ns\".";

    private static string Name(Candidate c) => c.Row.Operation;

    // Dice coefficient over words, where a word also matches a close spelling or a prefix of at least 4 letters.
    private static double Similarity(string[] query, string[] row)
    {
        var used = new bool[row.Length];
        var matched = 0;
        foreach (var word in query)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (!used[i] && Close(word, row[i]))
                {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }

        return 2.0 * matched / (query.Length + row.Length);
    }

    private static bool Close(string a, string b) =>
        a == b
        || (Math.Min(a.Length, b.Length) >= 4 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)))
        || (Math.Min(a.Length, b.Length) >= 5 && EditDistanceAtMostOne(a, b));

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    /// <summary>Lower-case words; digits split from letters ("1MB" → "1 mb"); plural "s" dropped; filler words left out.</summary>
    internal static string[] Words(string text)
    {
        var spaced = new System.Text.StringBuilder(text.Length + 8);
        var previous = ' ';
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            var kind = char.IsLetter(c) ? 'a' : char.IsDigit(c) ? '0' : ' ';
            if (kind == ' ')
            {
                spaced.Append(' ');
            }
            else
            {
                if (previous != ' ' && previous != kind)
                {
                    spaced.Append(' ');
                }

                spaced.Append(c);
            }

            previous = kind;
        }

        return
        [
            .. spaced.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !StopWords.Contains(w))
                .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w),
        ];
    }

    private sealed record Candidate(CostTable Table, CostRow Row, string[] Words);
}
