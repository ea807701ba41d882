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

    // Hash and string side by side: one cache line per probe.
    private Entry[] _entries = new Entry[1 << 12];
    private int _count;

    private struct Entry
    {
        public int Hash;
        public string? Value;
    }

    /// <summary>The table of the calling thread; callers keep the reference for the duration of one parse.</summary>
    public static NameTable ForCurrentThread() => t_current ??= new NameTable();

    public string Intern(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        var mask = _entries.Length - 1;
        var entries = _entries;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref entries[slot];
            if (entry.Value is null)
            {
                return Add(text, hash, slot);
            }

            if (entry.Hash == hash && text.SequenceEqual(entry.Value))
            {
                return entry.Value;
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

        _entries[slot] = new Entry { Hash = hash, Value = value };
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return value;
    }

    private void Grow()
    {
        var oldEntries = _entries;
        _entries = new Entry[oldEntries.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in oldEntries)
        {
            if (entry.Value is not null)
            {
                var slot = entry.Hash & mask;
                while (_entries[slot].Value is not null)
                {
                    slot = (slot + 1) & mask;
                }

                _entries[slot] = entry;
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
