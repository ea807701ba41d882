using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SkillHost.Evals.Scoring;

/// <summary>Markdig helpers shared by the report outline and the skill rubric.</summary>
internal static class MarkdownText
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>The plain text of an inline tree: literals and code spans, emphasis unwrapped.</summary>
    public static string Plain(Inline? inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString();
    }

    /// <summary>The bold label a paragraph starts with (<c>**Patch sketch** — …</c> or <c>**Patch sketch:**</c>), or null.</summary>
    public static string? LeadingBoldLabel(ParagraphBlock paragraph) =>
        paragraph.Inline?.FirstChild is EmphasisInline { DelimiterCount: 2 } strong ? Plain(strong) : null;

    /// <summary>Code spans of an inline tree, in order.</summary>
    public static IEnumerable<string> CodeSpans(Inline? inline) =>
        inline is ContainerInline container
            ? container.Descendants<CodeInline>().Select(c => c.Content)
            : [];

    /// <summary>The source text of a block (or a run of blocks), from the original Markdown.</summary>
    public static string Source(string markdown, int start, int endExclusive) =>
        markdown[Math.Clamp(start, 0, markdown.Length)..Math.Clamp(endExclusive, 0, markdown.Length)];

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                return;
            case CodeInline code:
                text.Append(code.Content);
                return;
            case LineBreakInline:
                text.Append(' ');
                return;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, text);
                }

                return;
            default:
                return;
        }
    }
}
