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

    private string?[] _slots = new string?[1 << 12];
    private uint[] _hashes = new uint[1 << 12];
    private int _used;
    private char[] _buffer = new char[128];
    private int _length;

    public int Length => _length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Intern(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        var mask = _slots.Length - 1;
        var i = (int)hash & mask;
        while (true)
        {
            var candidate = _slots[i];
            if (candidate is null)
            {
                var created = text.ToString();
                _slots[i] = created;
                _hashes[i] = hash;
                if (++_used * 2 > _slots.Length)
                {
                    Grow();
                }

                return created;
            }

            if (_hashes[i] == hash && candidate.Length == text.Length && text.SequenceEqual(candidate))
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
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        var h = (ulong)text.Length * 0x9E3779B97F4A7C15;
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(bytes)) * 0x9E3779B97F4A7C15, 29);
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            h = BitOperations.RotateLeft((h ^ b) * 0x9E3779B97F4A7C15, 29);
        }

        return (uint)(h ^ (h >> 32));
    }

    private void Grow()
    {
        var slots = _slots;
        var hashes = _hashes;
        _slots = new string?[slots.Length * 2];
        _hashes = new uint[slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var s = 0; s < slots.Length; s++)
        {
            if (slots[s] is { } value)
            {
                var i = (int)hashes[s] & mask;
                while (_slots[i] is not null)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = value;
                _hashes[i] = hashes[s];
            }
        }
    }
}
