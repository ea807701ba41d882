using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Token kinds grouped by how the structure builder walks over them, as one table lookup each.</summary>
internal static class TokenClasses
{
    public const byte Opener = 1;
    public const byte Closer = 2;

    /// <summary>May appear inside a comparison operand (binds tighter than <c>in</c> / <c>==</c>).</summary>
    public const byte Operand = 4;

    private static readonly byte[] Table = Build();

    public static bool IsOpener(K kind) => (Of(kind) & Opener) != 0;

    public static bool IsCloser(K kind) => (Of(kind) & Closer) != 0;

    public static bool IsOperand(K kind) => (Of(kind) & Operand) != 0;

    /// <summary>The class bits of a kind; the table has 256 entries and a kind is a byte, so no bounds check is needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Of(K kind) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table), (byte)kind);

    private static byte[] Build()
    {
        var table = new byte[256];
        foreach (var kind in new[] { K.LeftParen, K.LeftBracket, K.LeftBrace, K.FStringStart, K.TStringStart, K.ReplacementFieldStart })
        {
            table[(int)kind] |= Opener;
        }

        foreach (var kind in new[] { K.RightParen, K.RightBracket, K.RightBrace, K.FStringEnd, K.TStringEnd, K.ReplacementFieldEnd })
        {
            table[(int)kind] |= Closer;
        }

        foreach (var kind in new[]
        {
            K.Name, K.Number, K.StringLiteral, K.Dot, K.Plus, K.Minus, K.Star, K.Slash, K.DoubleSlash, K.Percent, K.At,
            K.DoubleStar, K.VerticalBar, K.Ampersand, K.Circumflex, K.LeftShift, K.RightShift, K.Tilde,
            K.AwaitKeyword, K.NoneKeyword, K.TrueKeyword, K.FalseKeyword, K.Ellipsis,
        })
        {
            table[(int)kind] |= Operand;
        }

        return table;
    }
}
