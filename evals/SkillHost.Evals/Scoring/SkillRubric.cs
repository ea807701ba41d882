using System.Collections.Immutable;
using Markdig.Syntax;
using SkillHost.Evals.Cases;
using SkillHost.Skills;

namespace SkillHost.Evals.Scoring;

/// <summary>
/// What the scorer takes from the skill itself: the report's part names (step 5, in order) and the
/// measurement tools of step 3 per language. Nothing here is a constant: change SKILL.md and the rubric follows.
/// </summary>
public sealed record SkillRubric(ImmutableArray<string> PartNames, ImmutableDictionary<CaseLanguage, ImmutableArray<string>> Tools)
{
    /// <summary>Reads the rubric; throws with a clear message when the skill lacks report parts or measurement tools.</summary>
    public static SkillRubric From(SkillDocument skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        if (skill.ReportParts.Length == 0)
        {
            throw new InvalidOperationException(
                "The skill names no report parts (step 5's list of bold part names); the scorer has nothing to check the structure against.");
        }

        var measure = skill.FindSection(s => s.Title.StartsWith("Step 3", StringComparison.OrdinalIgnoreCase))
            ?? skill.FindSection(s => s.Title.Contains("measure", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The skill has no 'Step 3' (measurement) section; the scorer reads the profiling tools from it.");
        var tools = ToolsByLanguage(measure.Text);
        if (tools.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Section '{measure.Title}' lists no tools: expected bold language labels (**Python**) followed by items starting with `tool`.");
        }

        return new SkillRubric(skill.ReportParts, tools);
    }

    /// <summary>The tools a measurement plan for <paramref name="language"/> may name; a PyO3 case may use either side's.</summary>
    public ImmutableArray<string> ToolsFor(CaseLanguage language) => language == CaseLanguage.PyO3
        ? [.. Tools.Values.SelectMany(t => t).Distinct(StringComparer.Ordinal)]
        : Tools.GetValueOrDefault(language, []);

    // "**Python**" paragraphs open a group; each list item's code spans before its first colon are tool names.
    private static ImmutableDictionary<CaseLanguage, ImmutableArray<string>> ToolsByLanguage(string sectionMarkdown)
    {
        var result = new Dictionary<CaseLanguage, List<string>>();
        CaseLanguage? current = null;
        foreach (var block in MarkdownText.Parse(sectionMarkdown))
        {
            if (block is ParagraphBlock paragraph && MarkdownText.LeadingBoldLabel(paragraph) is { } label)
            {
                current = CaseCatalog.ParseLanguage(label.Trim().TrimEnd(':'));
                continue;
            }

            if (block is not ListBlock list || current is not { } language)
            {
                continue;
            }

            foreach (var item in list.OfType<ListItemBlock>())
            {
                if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inline })
                {
                    continue;
                }

                var head = MarkdownText.Plain(inline).Split(':')[0];
                var names = MarkdownText.CodeSpans(inline).Where(code => head.Contains(code, StringComparison.Ordinal));
                var bucket = result.TryGetValue(language, out var existing) ? existing : result[language] = [];
                bucket.AddRange(names);
            }
        }

        return result.Where(kv => kv.Value.Count > 0).ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray());
    }
}
