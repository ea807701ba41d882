using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SkillHost.Skills.Parsing;
using MarkdigCodeBlock = Markdig.Syntax.CodeBlock;
using MarkdigFencedCodeBlock = Markdig.Syntax.FencedCodeBlock;

namespace SkillHost.Skills.Recognizers;

/// <summary>Every code block with its language and the BAD/GOOD/BETTER label (and slug) of its leading comment.</summary>
internal static partial class CodeBlockRecognizer
{
    public static ImmutableArray<CodeBlock> Recognize(MarkdownOutline outline)
    {
        var blocks = ImmutableArray.CreateBuilder<CodeBlock>();
        foreach (var section in outline.Roots.SelectMany(r => r.SelfAndDescendants()))
        {
            foreach (var block in section.OwnBlocksDeep())
            {
                if (block is MarkdigCodeBlock code)
                {
                    blocks.Add(Read(code, section.Title, outline.Source));
                }
            }
        }

        return blocks.ToImmutable();
    }

    public static CodeBlock Read(MarkdigCodeBlock block, string? section, string? source)
    {
        var language = block is MarkdigFencedCodeBlock { Info: { Length: > 0 } info } ? info.Split(' ', 2)[0] : null;
        var code = block.Lines.ToString().ReplaceLineEndings("\n");
        var firstLine = code.AsSpan()[..Math.Max(0, code.IndexOf('\n') is var i and >= 0 ? i : code.Length)];
        var match = LabelPattern().Match(firstLine.ToString());
        return new CodeBlock(
            language,
            code,
            block.Line + 1,
            match.Success ? match.Groups["label"].Value : null,
            match.Groups["slug"].Success ? match.Groups["slug"].Value : null,
            string.IsNullOrEmpty(section) ? null : section,
            source);
    }

    // A comment in any of the usual line-comment syntaxes, then the label, then an optional [slug].
    [GeneratedRegex(@"^\s*(?:#|//|--|;|/\*)\s*(?<label>BAD|GOOD|BETTER)\b(?:\s*\[(?<slug>[a-z0-9-]+(?:/[a-z0-9-]+)*)\])?")]
    private static partial Regex LabelPattern();
}
