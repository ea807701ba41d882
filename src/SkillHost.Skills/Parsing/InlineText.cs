using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SkillHost.Skills.Parsing;

/// <summary>Renders Markdig inlines as readable plain text: emphasis markers dropped, code spans kept in backticks.</summary>
internal static class InlineText
{
    // Markdig caps its own nesting (~128); this guard keeps our recursion bounded whatever Markdig does.
    private const int MaxDepth = 256;

    public static string Plain(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(builder, inline, 0);
        return builder.ToString().Trim();
    }

    /// <summary>The text of the first paragraph of a container (a list item or table cell), or of the block itself.</summary>
    public static string OfBlock(Block? block) => block switch
    {
        LeafBlock leaf => Plain(leaf.Inline),
        ContainerBlock container => container.Count > 0 ? OfBlock(container[0]) : string.Empty,
        _ => string.Empty,
    };

    private static void Append(StringBuilder builder, Inline inline, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (inline)
        {
            case TaskList:
                break;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append('`').Append(code.Content).Append('`');
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case HtmlInline html:
                builder.Append(html.Tag);
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(builder, child, depth + 1);
                }

                break;
        }
    }
}
