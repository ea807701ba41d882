namespace SkillHost.Analysis.Languages.Python;

/// <summary>A position in the source text with look-ahead; reading past the end yields '\0'.</summary>
internal struct Cursor(string text)
{
    private readonly string _text = text;

    public int Position;

    public readonly bool IsAtEnd => Position >= _text.Length;

    public readonly char Current => Position < _text.Length ? _text[Position] : '\0';

    public readonly char Peek(int offset = 1)
    {
        var at = Position + offset;
        return (uint)at < (uint)_text.Length ? _text[at] : '\0';
    }

    public readonly ReadOnlySpan<char> Rest => _text.AsSpan(Position);

    public void Advance(int count = 1) => Position = Math.Min(Position + count, _text.Length);

    /// <summary>Advances past one line break (\n, \r\n or \r) and returns its length.</summary>
    public int EatLineBreak()
    {
        var length = Current == '\r' && Peek() == '\n' ? 2 : 1;
        Advance(length);
        return length;
    }
}
