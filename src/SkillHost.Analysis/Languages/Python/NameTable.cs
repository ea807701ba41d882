namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// Per-thread string interning for names the model keeps (callees, function and field names): the
/// same few thousand identifiers recur across files, so most lookups allocate nothing.
/// </summary>
internal static class NameTable
{
    private const int MaxEntries = 64 * 1024;

    [ThreadStatic]
    private static Dictionary<string, string>? t_table;

    public static string Intern(ReadOnlySpan<char> text)
    {
        var table = t_table ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        if (table.Count >= MaxEntries)
        {
            // Bounded memory: an unusual corpus (generated names) simply starts over.
            table.Clear();
        }

        var value = text.ToString();
        table[value] = value;
        return value;
    }
}
