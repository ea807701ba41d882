using System.Buffers.Binary;
using System.Text;

namespace SkillHost.Analysis.Profiles.Pstats;

/// <summary>A marshal dict as read: its pairs in file order.</summary>
internal sealed class MarshalDict(List<KeyValuePair<object?, object?>> pairs)
{
    public List<KeyValuePair<object?, object?>> Pairs { get; } = pairs;
}

/// <summary>Bad marshal data at a byte offset; caught by <see cref="PstatsReader"/>, never seen by callers.</summary>
internal sealed class MarshalFormatException(string message, long offset) : Exception(message)
{
    public long Offset { get; } = offset;
}

/// <summary>
/// Reads the subset of CPython's <c>marshal</c> format that pstats files use, versions 2 (Python 2.7: interned strings and
/// string refs) to 4+ (object refs, short ASCII strings, small tuples). Values become <see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <c>object?[]</c> (tuple, list, set) and <see cref="MarshalDict"/>; code objects
/// and complex numbers are refused. Every length is checked against the bytes left, and nesting is bounded.
/// </summary>
internal ref struct MarshalReader(ReadOnlySpan<byte> data)
{
    private const int MaxDepth = 64;
    private const byte FlagRef = 0x80;
    private readonly ReadOnlySpan<byte> _data = data;
    private readonly List<object?> _refs = [];
    private readonly List<string> _interned = [];
    private int _depth;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _data.Length;

    /// <summary>The type code of the next value (without its ref flag), without consuming it.</summary>
    public readonly char PeekType() => AtEnd ? '\0' : (char)(_data[Position] & ~FlagRef);

    /// <summary>Reads a dict's opening type code; its pairs follow until a NULL code (<see cref="TryEndDict"/>).</summary>
    public void BeginDict()
    {
        var code = Byte();
        if ((code & ~FlagRef) != '{')
        {
            throw new MarshalFormatException($"expected a marshal dict ('{{'), found type code 0x{code:x2}", Position - 1);
        }

        if ((code & FlagRef) != 0)
        {
            _refs.Add(null);
        }
    }

    /// <summary>True (and consumed) when the dict being read ends here.</summary>
    public bool TryEndDict()
    {
        if (PeekType() == '0')
        {
            Position++;
            return true;
        }

        return false;
    }

    public object? ReadValue()
    {
        var start = Position;
        var code = Byte();
        var flagged = (code & FlagRef) != 0;
        var type = (char)(code & ~FlagRef);
        var slot = -1;
        if (flagged)
        {
            slot = _refs.Count;
            _refs.Add(null);
        }

        if (++_depth > MaxDepth)
        {
            throw new MarshalFormatException($"values nest deeper than {MaxDepth} levels: not a pstats file", start);
        }

        object? value = type switch
        {
            'N' or '0' => null,
            'T' => true,
            'F' => false,
            'i' => (long)BinaryPrimitives.ReadInt32LittleEndian(Take(4)),
            'I' => BinaryPrimitives.ReadInt64LittleEndian(Take(8)),
            'g' => BinaryPrimitives.ReadDoubleLittleEndian(Take(8)),
            'f' => ParseFloat(Take(Byte())),
            'l' => Long(), // pstats holds none in practice; counts above 2^31 come out as doubles
            's' or 'u' or 'a' => Utf8(Take(Length())),
            't' or 'A' => Intern(Utf8(Take(Length())), type == 't'),
            'z' => Utf8(Take(Byte())),
            'Z' => Utf8(Take(Byte())),
            'R' => StringRef(start),
            'r' => Ref(start),
            '(' or '[' or '<' or '>' => Sequence(Length()),
            ')' => Sequence(Byte()),
            '{' => Dict(),
            _ => throw new MarshalFormatException($"marshal type code '{Printable(type)}' (0x{code:x2}) has no place in a pstats file", start),
        };
        _depth--;
        if (slot >= 0)
        {
            _refs[slot] = value;
        }

        return value;
    }

    private static string Printable(char c) => c is >= ' ' and < (char)127 ? c.ToString() : "?";

    private byte Byte()
    {
        if (Position >= _data.Length)
        {
            throw new MarshalFormatException("the file ends in the middle of a value: it is truncated (was the profiler stopped before it wrote its output?)", Position);
        }

        return _data[Position++];
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _data.Length - Position)
        {
            throw new MarshalFormatException($"a value claims {count} bytes but {_data.Length - Position} remain: the file is truncated or not a pstats file", Position);
        }

        var span = _data.Slice(Position, count);
        Position += count;
        return span;
    }

    private int Length()
    {
        var at = Position;
        var n = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        return n >= 0 && n <= _data.Length - Position
            ? n
            : throw new MarshalFormatException($"a length of {n} does not fit the {_data.Length - Position} bytes left: the file is truncated or not a pstats file", at);
    }

    private object?[] Sequence(int count)
    {
        var items = new object?[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = ReadValue();
        }

        return items;
    }

    private MarshalDict Dict()
    {
        var pairs = new List<KeyValuePair<object?, object?>>();
        while (!TryEndDict())
        {
            var key = ReadValue();
            pairs.Add(new(key, ReadValue()));
        }

        return new MarshalDict(pairs);
    }

    private double Long()
    {
        // CPython's long: a signed digit count, then 15-bit digits, least significant first.
        var at = Position;
        var n = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        var count = Math.Abs((long)n);
        if (count > (_data.Length - Position) / 2)
        {
            throw new MarshalFormatException($"a long integer claims {count} digits but the file ends first", at);
        }

        double value = 0;
        var scale = 1.0;
        for (var i = 0; i < count; i++)
        {
            value += BinaryPrimitives.ReadUInt16LittleEndian(Take(2)) * scale;
            scale *= 32768;
        }

        value = n < 0 ? -value : value;
        return value;
    }

    private static double ParseFloat(ReadOnlySpan<byte> text) =>
        double.TryParse(Encoding.ASCII.GetString(text), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private string Intern(string s, bool python2)
    {
        if (python2)
        {
            _interned.Add(s);
        }

        return s;
    }

    private string StringRef(int at)
    {
        var index = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        return index >= 0 && index < _interned.Count
            ? _interned[index]
            : throw new MarshalFormatException($"a string reference to entry {index} of {_interned.Count}: the file is damaged", at);
    }

    private object? Ref(int at)
    {
        var index = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        return index >= 0 && index < _refs.Count
            ? _refs[index]
            : throw new MarshalFormatException($"an object reference to entry {index} of {_refs.Count}: the file is damaged", at);
    }
}
