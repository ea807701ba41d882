using System.Runtime.CompilerServices;
namespace SkillHost.Analysis.Languages.Rust;

/// <summary>
/// A read position over source characters with a little look-ahead: the only way the lexer moves.
/// Past the end every peek answers '\0', so callers test <see cref="IsAtEnd"/> where NUL matters.
/// </summary>
internal ref struct RustCursor(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;

    public int Position { get; set; }

    public readonly int Length => _text.Length;

    public readonly bool IsAtEnd => Position >= _text.Length;

    public readonly char First => Peek(0);

    public readonly char Second => Peek(1);

    public readonly char Third => Peek(2);

    public readonly char Peek(int offset)
    {
        var at = Position + offset;
        return (uint)at < (uint)_text.Length ? _text[at] : '\0';
    }

    public void Bump() => Position++;

    public void Bump(int count) => Position = Math.Min(Position + count, _text.Length);

    public bool Eat(char c)
    {
        if (Position < _text.Length && _text[Position] == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    public readonly ReadOnlySpan<char> Slice(int start) => _text[start..Position];

    public readonly ReadOnlySpan<char> Rest => _text[Position..];

    /// <summary>Moves to the next line break (or the end), leaving it unread.</summary>
    public void SkipToLineEnd()
    {
        var index = _text[Position..].IndexOfAny('\n', '\r');
        Position = index < 0 ? _text.Length : Position + index;
    }

    /// <summary>Skips Pattern_White_Space. Runs between tokens are short, so a scalar loop beats a vectorised search.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SkipWhitespace()
    {
        var text = _text;
        var i = Position;
        while ((uint)i < (uint)text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\n' or '\t' or '\r' || (c >= 0x0B && c <= 0x0C) || (c >= 0x80 && RustChars.IsWhitespace(c)))
            {
                i++;
                continue;
            }

            break;
        }

        Position = i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EatIdentifierContinue()
    {
        var text = _text;
        var i = Position;
        while ((uint)i < (uint)text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (!RustChars.IsAsciiIdentifierContinue(c))
                {
                    break;
                }

                i++;
            }
            else
            {
                var width = RustChars.UnicodeIdentifierContinueWidth(text[i..]);
                if (width == 0)
                {
                    break;
                }

                i += width;
            }
        }

        Position = i;
    }

    /// <summary>Decimal digits, hex digits when asked, and underscores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EatDigits(bool hex)
    {
        while (Position < _text.Length)
        {
            var c = _text[Position];
            if (char.IsAsciiDigit(c) || c == '_' || (hex && char.IsAsciiHexDigit(c)))
            {
                Position++;
            }
            else
            {
                return;
            }
        }
    }
}
