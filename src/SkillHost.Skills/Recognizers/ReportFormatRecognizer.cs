using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SkillHost.Skills.Parsing;

namespace SkillHost.Skills.Recognizers;

/// <summary>
/// Under the first heading naming the output or report ("Step 5 — write the report", "Output format"),
/// the first list whose items all start with bold text gives the report's part names, in order.
/// </summary>
internal static partial class ReportFormatRecognizer
{
    public static ImmutableArray<string> Recognize(MarkdownOutline outline)
    {
        foreach (var section in outline.AllSections().Where(s => HeadingPattern().IsMatch(s.Title)))
        {
            foreach (var list in section.AllBlocks().OfType<ListBlock>())
            {
                var names = list.OfType<ListItemBlock>().Select(BoldLead).ToList();
                if (names.Count > 0 && names.All(n => n is not null))
                {
                    return [.. names.Select(n => n!)];
                }
            }
        }

        return [];
    }

    private static string? BoldLead(ListItemBlock item)
    {
        if (item.Count == 0 || item[0] is not ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2 } bold })
        {
            return null;
        }

        var name = InlineText.Plain(bold).TrimEnd(':', '.', ' ', '—', '–');
        return name.Length > 0 ? name : null;
    }

    [GeneratedRegex(@"\b(?:output|report)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();
}
