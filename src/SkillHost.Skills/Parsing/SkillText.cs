using System.Text;
using System.Text.Unicode;

namespace SkillHost.Skills.Parsing;

/// <summary>Turns raw bytes into text fit for Markdig, or explains with a line number why it is not.</summary>
internal static class SkillText
{
    /// <summary>Larger SKILL.md files are refused: agents load the whole body, and the spec asks for under ~500 lines.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static string? Decode(ReadOnlySpan<byte> bytes, long totalLength, string? source, List<Diagnostic> diagnostics)
    {
        if (totalLength == 0 || bytes.IsEmpty)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.EmptyFile,
                "The file is empty: a SKILL.md starts with YAML frontmatter (---, name:, description:, ---) followed by Markdown.", 1, source));
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.BinaryContent,
                $"The file contains a NUL byte at offset {nul}: it looks binary, not Markdown. Point SkillHost at the skill's text SKILL.md.",
                LineAt(bytes, nul), source));
            return null;
        }

        if (!Utf8.IsValid(bytes))
        {
            Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.InvalidUtf8,
                $"The file is not valid UTF-8 (offset {read}). Save it as UTF-8.", LineAt(bytes, read), source));
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        // A byte-order mark is legal UTF-8 but would hide the opening '---' of the frontmatter.
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>Guards the text form; returns false (with a diagnostic) when the body must not reach Markdig.</summary>
    public static bool IsWithinSize(string text, string? source, List<Diagnostic> diagnostics)
    {
        if (text.Length <= MaxBytes)
        {
            return true;
        }

        diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.TooLarge,
            $"The file is {text.Length / (1024.0 * 1024.0):0.#} MB; SkillHost reads up to {MaxBytes / (1024 * 1024)} MB. "
            + "Move long material into references/*.md and link it from SKILL.md.",
            1, source));
        return false;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
