using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using SkillHost.Skills.Parsing;

namespace SkillHost.Skills.Recognizers;

/// <summary>
/// Checklists: each heading containing "checklist" that has list items (its sub-headings are groups, items directly under
/// it form an unnamed group; a checklist heading inside another is one of its groups). A skill may hold several; the
/// review checklist is the one made of task-list items (<c>- [ ]</c>) under the highest heading, else the first; the rest
/// are kept as the skill's other checklists.
/// </summary>
internal static partial class ChecklistRecognizer
{
    /// <summary>The review checklist of one file, or null.</summary>
    public static Checklist? Recognize(MarkdownOutline outline) => RecognizeAll(outline).Review;

    /// <summary>The review checklist of one file and its other checklists, in document order.</summary>
    public static (Checklist? Review, ImmutableArray<Checklist> Others) RecognizeAll(MarkdownOutline outline)
    {
        var found = new List<(Checklist Checklist, int Level, bool TaskList)>();
        var taken = new HashSet<OutlineSection>();
        foreach (var section in outline.AllSections())
        {
            if (!section.Title.Contains("checklist", StringComparison.OrdinalIgnoreCase) || IsInside(section, taken))
            {
                continue;
            }

            var groups = ImmutableArray.CreateBuilder<ChecklistGroup>();
            AddGroup(groups, null, section.Line, section);
            foreach (var child in section.Children)
            {
                // A group is a sub-heading; anything deeper under it still belongs to that group.
                var items = child.SelfAndDescendants().SelectMany(Items).ToImmutableArray();
                if (items.Length > 0)
                {
                    groups.Add(new ChecklistGroup(child.Title, child.Line, items));
                }
            }

            if (groups.Count > 0)
            {
                taken.Add(section);
                var checklist = new Checklist(section.Title, section.Line, groups.ToImmutable());
                found.Add((checklist, section.Level, checklist.AllItems.Any(i => i.Checked is not null)));
            }
        }

        if (found.Count == 0)
        {
            return (null, []);
        }

        var tasks = found.Where(f => f.TaskList).ToList();
        var review = tasks.Count > 0 ? tasks.MinBy(f => f.Level).Checklist : found[0].Checklist;
        return (review, [.. found.Select(f => f.Checklist).Where(c => !ReferenceEquals(c, review))]);
    }

    private static bool IsInside(OutlineSection section, HashSet<OutlineSection> checklists)
    {
        for (var parent = section.Parent; parent is not null; parent = parent.Parent)
        {
            if (checklists.Contains(parent))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddGroup(ImmutableArray<ChecklistGroup>.Builder groups, string? title, int line, OutlineSection section)
    {
        var items = Items(section).ToImmutableArray();
        if (items.Length > 0)
        {
            groups.Add(new ChecklistGroup(title, line, items));
        }
    }

    // Top-level list items of the section's own lists; nested lists are details of their parent item.
    private static IEnumerable<ChecklistItem> Items(OutlineSection section) =>
        section.Blocks.OfType<ListBlock>().SelectMany(list => list.OfType<ListItemBlock>()).Select(Read);

    private static ChecklistItem Read(ListItemBlock item)
    {
        var paragraph = item.Count > 0 ? item[0] as ParagraphBlock : null;
        var task = paragraph?.Inline?.FirstChild as TaskList;
        var (text, slug) = SplitSlug(InlineText.OfBlock(item));
        return new ChecklistItem(text, slug, task?.Checked, item.Line + 1);
    }

    /// <summary>Takes a slug code span (<c>`group/name`</c>) off the start or end of an item's text.</summary>
    internal static (string Text, string? Slug) SplitSlug(string text)
    {
        var match = TrailingSlug().Match(text);
        if (!match.Success)
        {
            match = LeadingSlug().Match(text);
        }

        if (!match.Success)
        {
            return (text, null);
        }

        var rest = (text[..match.Index] + text[(match.Index + match.Length)..]).Trim();
        return (rest, match.Groups["slug"].Value);
    }

    // A slug needs a '/' (python/quadratic): a bare `clone` at the end of an item is code, not a slug.
    private const string Slug = @"`(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+)`";

    [GeneratedRegex(@"\s*(?:[—–:-]\s*)?[(\[]?" + Slug + @"[)\]]?\.?\s*$")]
    private static partial Regex TrailingSlug();

    [GeneratedRegex(@"^\s*[(\[]?" + Slug + @"[)\]]?\s*(?:[—–:-]\s*)?")]
    private static partial Regex LeadingSlug();
}
