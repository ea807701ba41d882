using System.Collections.Immutable;
using Markdig.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Scoring;

/// <summary>A fenced code block of a patch sketch: its language (from the fence, else sniffed) and the code after the change.</summary>
public sealed record PatchCode(CaseLanguage? Language, string LanguageText, string Code, string NewCode)
{
    /// <summary>The block is introduced as the changed code ("After:", "**Fixed**", <c># after</c>), as opposed to a pattern shown from elsewhere.</summary>
    public bool LabelledAfter { get; init; }

    /// <summary>
    /// The part's code blocks in order. A block is old code (no new code) when its first line says so
    /// (<c># before</c>, <c>// BAD</c>) or the paragraph just above it does (<c>Before:</c>, <c>**Old code**</c>).
    /// </summary>
    public static ImmutableArray<PatchCode> From(ReportPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var result = ImmutableArray.CreateBuilder<PatchCode>();
        string? lastParagraph = null;
        foreach (var block in part.Blocks.SelectMany(b => b is ContainerBlock c ? c.Descendants<Block>().Prepend(b) : [b]))
        {
            if (block is ParagraphBlock paragraph)
            {
                lastParagraph = Scoring.MarkdownText.Plain(paragraph.Inline);
            }
            else if (block is FencedCodeBlock fenced)
            {
                result.Add(Read(fenced, lastParagraph is not null && IsBeforeLabel(lastParagraph)) with
                {
                    LabelledAfter = (lastParagraph is not null && IsAfterLabel(lastParagraph)) || IsAfterLabel(FirstCommentLine(fenced.Lines.ToString())),
                });
                lastParagraph = null;
            }
        }

        return result.ToImmutable();
    }

    private static PatchCode Read(FencedCodeBlock block, bool labelledBefore)
    {
        var code = block.Lines.ToString();
        var info = (block.Info ?? "").Trim().ToLowerInvariant();
        var isDiff = info is "diff" or "patch" || LooksLikeDiff(code);
        var newCode = isDiff ? NewSideOfDiff(code) : labelledBefore || IsBeforeLabel(FirstCommentLine(code)) ? "" : code;
        var language = CaseCatalog.ParseLanguage(info) ?? Sniff(isDiff ? NewSideOfDiff(code) + "\n" + OldSideOfDiff(code) : code);
        return new PatchCode(language, info.Length == 0 ? "(no language)" : info, code, newCode);
    }

    // Decided by the analysis core's detector (extension-free: shebang, then a token vote).
    private static CaseLanguage? Sniff(string code) => LanguageDetector.Detect(null, SourceText.From(code)).Language switch
    {
        SourceLanguage.Python => CaseLanguage.Python,
        SourceLanguage.Rust => CaseLanguage.Rust,
        _ => null,
    };

    private static bool LooksLikeDiff(string code)
    {
        var lines = code.Split('\n');
        return lines.Any(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal))
            && lines.Any(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal))
            && lines.All(l => l.Length == 0 || l[0] is '+' or '-' or ' ' or '@' or '\\' || l.StartsWith("diff ", StringComparison.Ordinal) || l.StartsWith("index ", StringComparison.Ordinal));
    }

    private static string NewSideOfDiff(string code) => string.Join('\n', code.Split('\n')
        .Where(l => !l.StartsWith('-') && !l.StartsWith("+++", StringComparison.Ordinal) && !l.StartsWith('@'))
        .Select(l => l.Length > 0 && l[0] is '+' or ' ' ? l[1..] : l));

    private static string OldSideOfDiff(string code) => string.Join('\n', code.Split('\n')
        .Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal))
        .Select(l => l[1..]));

    private static string FirstCommentLine(string code)
    {
        var first = code.TrimStart().Split('\n')[0];
        return first.StartsWith('#') || first.StartsWith("//", StringComparison.Ordinal) ? first.TrimStart('#', '/', ' ') : "";
    }

    // "After:", "Fixed", "New code", "Patched" — text that introduces the code that replaces it.
    private static bool IsAfterLabel(string text)
    {
        var t = text.Trim().TrimStart('*', '_').ToLowerInvariant();
        return t.StartsWith("after", StringComparison.Ordinal) || t.StartsWith("fixed", StringComparison.Ordinal)
            || t.StartsWith("new code", StringComparison.Ordinal) || t.StartsWith("patched", StringComparison.Ordinal);
    }

    // "Before:", "BAD", "Old code", "Current code" — text that introduces the code being replaced.
    private static bool IsBeforeLabel(string text)
    {
        var t = text.Trim().TrimStart('*', '_').ToLowerInvariant();
        return t.StartsWith("before", StringComparison.Ordinal) || t.StartsWith("bad", StringComparison.Ordinal)
            || t.StartsWith("old", StringComparison.Ordinal) || t.StartsWith("current", StringComparison.Ordinal);
    }
}
