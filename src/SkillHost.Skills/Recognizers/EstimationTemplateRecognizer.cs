using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SkillHost.Skills.Durations;
using SkillHost.Skills.Parsing;
using MarkdigCodeBlock = Markdig.Syntax.CodeBlock;

namespace SkillHost.Skills.Recognizers;

/// <summary>
/// Under a heading containing "template", each sub-heading or bold line starts a template whose list items
/// (or code lines) read <c>label: figure</c> or <c>label: count × duration = total</c>.
/// </summary>
internal static partial class EstimationTemplateRecognizer
{
    public static ImmutableArray<EstimationTemplate> Recognize(MarkdownOutline outline)
    {
        var templates = ImmutableArray.CreateBuilder<EstimationTemplate>();
        foreach (var section in outline.AllSections().Where(s => s.Title.Contains("template", StringComparison.OrdinalIgnoreCase)))
        {
            ReadOwn(section, templates, outline.Source);
            foreach (var child in section.Children)
            {
                if (!child.Title.Contains("template", StringComparison.OrdinalIgnoreCase))
                {
                    ReadOwn(child, templates, outline.Source);
                }
            }
        }

        return templates.ToImmutable();
    }

    private static void ReadOwn(OutlineSection section, ImmutableArray<EstimationTemplate>.Builder templates, string? source)
    {
        var name = section.Title;
        var line = section.Line;
        var lines = ImmutableArray.CreateBuilder<TemplateLine>();
        foreach (var block in section.Blocks)
        {
            if (block is ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2 } } paragraph
                && paragraph.Inline.FirstChild == paragraph.Inline.LastChild)
            {
                Flush();
                name = InlineText.Plain(paragraph.Inline).TrimEnd(':');
                line = paragraph.Line + 1;
            }
            else if (block is ListBlock list)
            {
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    AddLine(InlineText.OfBlock(item), item.Line + 1);
                }
            }
            else if (block is MarkdigCodeBlock code)
            {
                var number = code.Line + (code is FencedCodeBlock ? 2 : 1);
                foreach (var text in code.Lines.ToString().ReplaceLineEndings("\n").Split('\n'))
                {
                    AddLine(text, number++);
                }
            }
        }

        Flush();

        void AddLine(string text, int number)
        {
            var parsed = ParseLine(text, number);
            if (parsed is not null)
            {
                lines.Add(parsed);
            }
        }

        void Flush()
        {
            if (lines.Count > 0)
            {
                templates.Add(new EstimationTemplate(name, line, lines.ToImmutable(), source));
                lines.Clear();
            }
        }
    }

    /// <summary>Reads <c>label: figure</c>; null when the text has no label.</summary>
    internal static TemplateLine? ParseLine(string text, int line)
    {
        var match = LinePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var label = match.Groups["label"].Value.Trim();
        var figure = match.Groups["figure"].Value.Trim();
        var product = ProductPattern().Match(figure);
        if (product.Success && DurationParser.TryNumber(product.Groups["count"].Value, out var count)
            && DurationParser.TryParse(product.Groups["per"].Value, out var perItem))
        {
            var total = DurationParser.Parse(product.Groups["total"].Value) ?? perItem.Times(count);
            return new TemplateLine(label, figure, total, count, perItem, line);
        }

        // "≈ 1 ms" after an '=' or a figure followed by a remark: the last '=' part is the result.
        var result = figure.Contains('=', StringComparison.Ordinal) ? figure[(figure.LastIndexOf('=') + 1)..] : figure;
        return new TemplateLine(label, figure, DurationParser.Parse(result.Replace("`", string.Empty, StringComparison.Ordinal)), null, null, line);
    }

    [GeneratedRegex(@"^(?<label>[^:]{1,120}?)\s*:\s+(?<figure>\S.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^(?<count>\d[\d,_]*(?:\.\d+)?(?:[eE]\d+)?)\s*(?:×|x|\*)\s*(?<per>[^=]+?)\s*(?:=\s*(?<total>.+))?$")]
    private static partial Regex ProductPattern();
}
