namespace SkillHost.Skills.Parsing;

/// <summary>Walks a string line by line (LF or CRLF) without allocating a line array.</summary>
internal ref struct LineReader(string text)
{
    private readonly string _text = text;

    /// <summary>Offset just after the last line read (and its line break).</summary>
    public int Position { get; private set; }

    /// <summary>Offset where the last line read starts.</summary>
    public int LineStart { get; private set; }

    public bool TryNext(out ReadOnlySpan<char> line)
    {
        if (Position >= _text.Length)
        {
            line = default;
            return false;
        }

        LineStart = Position;
        var rest = _text.AsSpan(Position);
        var end = rest.IndexOf('\n');
        line = end < 0 ? rest : rest[..end];
        Position += end < 0 ? rest.Length : end + 1;
        if (line.EndsWith("\r"))
        {
            line = line[..^1];
        }

        return true;
    }
}
