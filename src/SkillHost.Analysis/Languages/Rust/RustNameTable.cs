namespace SkillHost.Analysis.Languages.Rust;

/// <summary>
/// Interns the strings the model keeps (names, callee paths): a file says <c>self.items.push</c> or
/// <c>Vec::new</c> many times, and each occurrence should cost a lookup, not an allocation.
/// Also the scratch buffer in which callee paths are assembled without whitespace.
/// </summary>
internal sealed class RustNameTable
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _buffer = new char[128];
    private int _length;

    /// <summary>Longer texts are rarely repeated; they are copied, not interned.</summary>
    public const int MaxInternedLength = 64;

    private const int MaxEntries = 200_000;

    public RustNameTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Intern(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        _strings[created] = created;
        return created;
    }

    /// <summary>Keeps a table shared across many files from growing without bound.</summary>
    public void TrimIfLarge()
    {
        if (_strings.Count > MaxEntries)
        {
            _strings.Clear();
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

    public int Length => _length;

    /// <summary>The assembled name, interned.</summary>
    public string ToInterned() => Intern(_buffer.AsSpan(0, _length));
}
