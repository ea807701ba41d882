using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Character classes of the Rust lexical grammar (identifiers follow Unicode XID, approximated by categories).</summary>
internal static class RustChars
{
    // 1 = identifier start, 2 = identifier continue, for the ASCII range.
    private static ReadOnlySpan<byte> AsciiClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiIdentifierStart(char c) => c < 0x80 && (AsciiClass[c] & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiIdentifierContinue(char c) => c < 0x80 && AsciiClass[c] != 0;

    /// <summary>Pattern_White_Space, as rustc uses it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f'
        or '\u0085' or '\u200E' or '\u200F' or '\u2028' or '\u2029';

    /// <summary>How many UTF-16 units an identifier start takes at the head of <paramref name="text"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IdentifierStartWidth(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var c = text[0];
        return c < 0x80 ? (AsciiClass[c] & 1) : UnicodeIdentifierStartWidth(text);
    }

    private static int UnicodeIdentifierStartWidth(ReadOnlySpan<char> text)
    {

        if (Rune.DecodeFromUtf16(text, out var rune, out var width) != System.Buffers.OperationStatus.Done)
        {
            return 0;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => width,
            _ => 0,
        };
    }

    public static int UnicodeIdentifierContinueWidth(ReadOnlySpan<char> text)
    {
        var start = IdentifierStartWidth(text);
        if (start > 0)
        {
            return start;
        }

        if (Rune.DecodeFromUtf16(text, out var rune, out var width) != System.Buffers.OperationStatus.Done)
        {
            return 0;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.ConnectorPunctuation => width,
            _ => 0,
        };
    }
}
