using System.Collections.Immutable;
using Markdig.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Scoring;

/// <summary>A fenced code block of a patch sketch: its language (from the fence, else sniffed) and the code after the change.</summary>
public sealed record PatchCode(CaseLanguage? Language, string LanguageText, string Code, string NewCode)
{
    public static ImmutableArray<PatchCode> From(ReportPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return [.. part.Blocks.SelectMany(b => b is FencedCodeBlock f ? [f] : b is ContainerBlock c ? c.Descendants<FencedCodeBlock>() : []).Select(Read)];
    }

    private static PatchCode Read(FencedCodeBlock block)
    {
        var code = block.Lines.ToString();
        var info = (block.Info ?? "").Trim().ToLowerInvariant();
        var isDiff = info is "diff" or "patch" || LooksLikeDiff(code);
        var newCode = isDiff ? NewSideOfDiff(code) : IsBeforeBlock(code) ? "" : code;
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

    // A block that labels itself as the old code ("# before", "// BAD") shows what is being replaced.
    private static bool IsBeforeBlock(string code)
    {
        var first = code.TrimStart().Split('\n')[0].TrimStart('#', '/', ' ').ToLowerInvariant();
        return first.StartsWith("before", StringComparison.Ordinal) || first.StartsWith("bad", StringComparison.Ordinal) || first.StartsWith("old", StringComparison.Ordinal);
    }
}
