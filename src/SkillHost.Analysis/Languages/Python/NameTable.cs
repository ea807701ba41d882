namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// Per-thread string interning for names the model keeps (callees, function and field names): the
/// same few thousand identifiers recur across files, so most lookups allocate nothing.
/// </summary>
internal sealed class NameTable
{
    private const int MaxEntries = 64 * 1024;

    [ThreadStatic]
    private static NameTable? t_current;

    private readonly Dictionary<string, string> _table = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private NameTable() => _lookup = _table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The table of the calling thread; callers keep the reference for the duration of one parse.</summary>
    public static NameTable ForCurrentThread() => t_current ??= new NameTable();

    public static string InternOnCurrentThread(ReadOnlySpan<char> text) => ForCurrentThread().Intern(text);

    public string Intern(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        if (_table.Count >= MaxEntries)
        {
            // Bounded memory: an unusual corpus (generated names) simply starts over.
            _table.Clear();
        }

        var value = text.ToString();
        _table[value] = value;
        return value;
    }
}
