using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>
/// Interns the strings the model keeps (names, callee paths, types, attribute arguments): a file says
/// <c>self.items.push</c> or <c>#[inline]</c> many times, and each occurrence should cost a lookup, not
/// an allocation. An open-addressing table keyed by a word-at-a-time hash, because a general dictionary
/// lookup cost more than the allocation it saved. Also the scratch buffer in which names are assembled.
/// </summary>
internal sealed class RustNameTable
{
    /// <summary>Longer texts are rarely repeated; they are copied, not interned.</summary>
    public const int MaxInternedLength = 64;

    // Bounds memory when one thread parses a whole corpus; names repeat across files, so it is not cleared per file.
    private const int MaxEntries = 1 << 18;

    // Hash and string side by side: a lookup in a table this large costs one cache miss, not two.
    private Entry[] _slots = new Entry[1 << 12];
    private int _used;
    private char[] _buffer = new char[128];
    private int _length;

    public int Length => _length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Intern(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = (int)hash & mask;
        while (true)
        {
            ref var entry = ref slots[i];
            var candidate = entry.Value;
            if (candidate is null)
            {
                var created = text.ToString();
                entry.Value = created;
                entry.Hash = hash;
                if (++_used * 2 > slots.Length)
                {
                    Grow();
                }

                return created;
            }

            if (entry.Hash == hash && candidate.Length == text.Length && text.SequenceEqual(candidate))
            {
                return candidate;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Keeps a table shared across many files from growing without bound.</summary>
    public void TrimIfLarge()
    {
        if (_used > MaxEntries)
        {
            Array.Clear(_slots);
            _used = 0;
        }
    }

    /// <summary>Starts assembling a new name in the scratch buffer.</summary>
    public void Clear() => _length = 0;

    public void Append(ReadOnlySpan<char> part)
    {
        if (_length + part.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + part.Length));
        }

        part.CopyTo(_buffer.AsSpan(_length));
        _length += part.Length;
    }

    /// <summary>The assembled name, interned.</summary>
    public string ToInterned() => Intern(_buffer.AsSpan(0, _length));

    // Four characters per step: names are short, and attribute arguments differ late ("since = \"1.2.0\"").
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        var h = (ulong)text.Length * 0x9E3779B97F4A7C15;
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(bytes)) * 0x9E3779B97F4A7C15, 29);
            bytes = bytes[8..];
        }

        // At most three characters are left: two in one step, then one.
        if (bytes.Length >= 4)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<uint>(bytes)) * 0x9E3779B97F4A7C15, 29);
            bytes = bytes[4..];
        }

        if (bytes.Length >= 2)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ushort>(bytes)) * 0x9E3779B97F4A7C15, 29);
        }

        return (uint)(h ^ (h >> 32));
    }

    private void Grow()
    {
        var slots = _slots;
        _slots = new Entry[slots.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var entry in slots)
        {
            if (entry.Value is not null)
            {
                var i = (int)entry.Hash & mask;
                while (_slots[i].Value is not null)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = entry;
            }
        }
    }

    private struct Entry
    {
        public string? Value;
        public uint Hash;
    }
}
