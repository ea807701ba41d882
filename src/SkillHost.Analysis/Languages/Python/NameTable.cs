namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// Per-thread string interning for names the model keeps (callees, function and field names): the
/// same identifiers recur across files, so most lookups allocate nothing. A small open-addressing
/// table keyed by the characters themselves: cheaper than a dictionary's comparer indirection.
/// </summary>
internal sealed class NameTable
{
    private const int MaxEntries = 1 << 18;

    [ThreadStatic]
    private static NameTable? t_current;

    private string?[] _entries = new string?[1 << 12];
    private int[] _hashes = new int[1 << 12];
    private int _count;

    /// <summary>The table of the calling thread; callers keep the reference for the duration of one parse.</summary>
    public static NameTable ForCurrentThread() => t_current ??= new NameTable();

    public string Intern(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        var mask = _entries.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _entries[slot];
            if (entry is null)
            {
                return Add(text, hash, slot);
            }

            if (_hashes[slot] == hash && text.SequenceEqual(entry))
            {
                return entry;
            }
        }
    }

    private string Add(ReadOnlySpan<char> text, int hash, int slot)
    {
        var value = text.ToString();
        if (_count >= MaxEntries)
        {
            // Bounded memory: an unusual corpus (generated names) simply starts over.
            Array.Clear(_entries);
            _count = 0;
            return Intern(text);
        }

        _entries[slot] = value;
        _hashes[slot] = hash;
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return value;
    }

    private void Grow()
    {
        var oldEntries = _entries;
        var oldHashes = _hashes;
        _entries = new string?[oldEntries.Length * 2];
        _hashes = new int[oldEntries.Length * 2];
        var mask = _entries.Length - 1;
        for (var i = 0; i < oldEntries.Length; i++)
        {
            if (oldEntries[i] is { } entry)
            {
                var slot = oldHashes[i] & mask;
                while (_entries[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                _entries[slot] = entry;
                _hashes[slot] = oldHashes[i];
            }
        }
    }

    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = (uint)text.Length * 2654435761u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15)) & int.MaxValue;
    }
}
