using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// Per-thread cache of the strings the model keeps (callees, names, short types and targets). Most
/// are a few common identifiers (self, append, get…), so a small direct-mapped table that stays in
/// the CPU cache answers most lookups without allocating; a miss allocates and takes the slot. A
/// full intern table was measured slower: its size made nearly every lookup a cache miss.
/// </summary>
internal sealed class NameTable
{
    private const int Size = 1 << 13;

    [ThreadStatic]
    private static NameTable? t_current;

    private readonly Entry[] _entries = new Entry[Size];

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
        ref var entry = ref _entries[hash & (Size - 1)];
        if (entry.Hash == hash && entry.Value is { } value && text.SequenceEqual(value))
        {
            return value;
        }

        var created = text.ToString();
        entry.Hash = hash;
        entry.Value = created;
        return created;
    }

    // Four characters per step; the table only needs well-mixed low bits.
    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = (ulong)text.Length * 0x9E3779B97F4A7C15ul;
        ref var first = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
        var i = 0;
        for (; i + 4 <= text.Length; i += 4)
        {
            hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i * 2))) * 0x100000001B3ul;
            hash ^= hash >> 29;
        }

        for (; i < text.Length; i++)
        {
            hash = (hash ^ text[i]) * 0x100000001B3ul;
        }

        hash ^= hash >> 32;
        hash *= 0x9E3779B97F4A7C15ul;
        return (int)(hash >> 40);
    }
}
