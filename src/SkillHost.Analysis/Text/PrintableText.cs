using System.Globalization;
using System.Text;
using SkillHost.Skills.Files;

namespace SkillHost.Analysis.Text;

/// <summary>
/// Makes untrusted text (file names, messages quoting code) safe to print on a line that tools parse: control
/// characters that would start a new line (a fake <c>path:1:1: ID message</c> read by a CI problem matcher), drive a
/// terminal (ESC) or reorder what a reader sees (bidi controls, "Trojan Source") are written as visible escapes.
/// Bytes of a file name that are not UTF-8, carried as <see cref="FileNameBytes"/> escape characters, print as <c>\xFF</c>.
/// </summary>
public static class PrintableText
{
    /// <summary>Every character that must not reach the output as itself escaped: <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1b</c>, <c>\u202e</c>, ….</summary>
    public static string Escape(string text) => Escape(text, keepLayout: false);

    /// <summary>
    /// One line of prose: line breaks of any kind become a space (a wrapped message reads on), then what
    /// <see cref="Escape(string)"/> escapes is escaped.
    /// </summary>
    public static string Line(string text) => Escape((text ?? throw new ArgumentNullException(nameof(text))).ReplaceLineEndings(" "));

    /// <summary>Source code for a fenced block: tabs and line feeds stay (they are its layout), everything else is escaped as <see cref="Escape(string)"/> does.</summary>
    public static string Code(string text) => Escape(text, keepLayout: true);

    /// <summary>Whether <paramref name="c"/> is printed as an escape.</summary>
    public static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f'
        || c is '\u2028' or '\u2029' or '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069')
        || char.IsSurrogate(c);

    private static string Escape(string text, bool keepLayout)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfEscape(text, 0, keepLayout);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]); // a well-formed pair: an emoji, a CJK extension character
            }
            else if (!NeedsEscape(c) || (keepLayout && c is '\t' or '\n'))
            {
                sb.Append(c);
            }
            else
            {
                AppendEscape(sb, c);
            }
        }

        return sb.ToString();
    }

    private static int IndexOfEscape(string text, int start, bool keepLayout)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (NeedsEscape(c) && !(keepLayout && c is '\t' or '\n'))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AppendEscape(StringBuilder sb, char c)
    {
        _ = c switch
        {
            '\n' => sb.Append("\\n"),
            '\r' => sb.Append("\\r"),
            '\t' => sb.Append("\\t"),
            _ when FileNameBytes.IsEscapedByte(c) => sb.Append(CultureInfo.InvariantCulture, $"\\x{FileNameBytes.ByteOf(c):x2}"),
            < '\u0100' => sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
            _ => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
        };
    }
}
