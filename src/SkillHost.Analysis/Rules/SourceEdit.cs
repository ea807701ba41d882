using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// One replacement in a source file: the text of <see cref="Span"/> becomes <see cref="NewText"/> (an empty span
/// inserts, an empty text deletes). A finding's edits together are a fix that a tool may apply as it stands.
/// </summary>
/// <param name="Start">Where <see cref="Span"/> starts (1-based line and UTF-16 column).</param>
/// <param name="End">Where <see cref="Span"/> ends (1-based line and UTF-16 column).</param>
/// <param name="OldText">The text of <see cref="Span"/> when the rule saw it: a tool applying the edit checks the file still holds it.</param>
public sealed record SourceEdit(TextSpan Span, LinePosition Start, LinePosition End, string OldText, string NewText)
{
    /// <summary>One line for people: "insert `import asyncio` at line 4", "`time.sleep` → `await asyncio.sleep` at 52:9".</summary>
    public string Describe() =>
        OldText.Length == 0 ? $"insert `{OneLine(NewText).Trim()}` at line {Start.Line}"
        : NewText.Length == 0 ? $"delete `{OneLine(OldText)}` at {Start}"
        : $"`{OneLine(OldText)}` → `{OneLine(NewText)}` at {Start}";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>
    /// <paramref name="text"/> with <paramref name="edits"/> applied; the edits must not overlap (their order does not matter).
    /// Spans are offsets into <paramref name="text"/> less <paramref name="offset"/>, so a function's text can take its file's edits.
    /// </summary>
    /// <exception cref="ArgumentException">Two edits overlap, or one lies outside the text.</exception>
    public static string Apply(string text, IEnumerable<SourceEdit> edits, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        var ordered = edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        var builder = new System.Text.StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var edit in ordered)
        {
            var start = edit.Span.Start - offset;
            if (start < position || edit.Span.End - offset > text.Length)
            {
                throw new ArgumentException($"The edit at {edit.Start} overlaps another edit or lies outside the text.", nameof(edits));
            }

            builder.Append(text, position, start - position).Append(edit.NewText);
            position = edit.Span.End - offset;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}

/// <summary>What a rule proposes to change: a span of its file and the text that replaces it.</summary>
public readonly record struct Replacement(TextSpan Span, string NewText)
{
    /// <summary>Inserts <paramref name="text"/> at <paramref name="position"/>.</summary>
    public static Replacement Insert(int position, string text) => new(new TextSpan(position, 0), text);

    /// <summary>Deletes <paramref name="span"/>.</summary>
    public static Replacement Delete(TextSpan span) => new(span, "");
}
