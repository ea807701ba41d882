using System.Collections.Immutable;

namespace SkillHost.Skills.Parsing;

/// <summary>Freezes the working outline into immutable <see cref="Section"/> records.</summary>
internal static class SectionRecords
{
    public static ImmutableArray<Section> From(MarkdownOutline outline) =>
        [.. outline.Roots.Select(root => Freeze(outline, root))];

    // Heading levels stop at 6, so this recursion is at most 7 deep.
    private static Section Freeze(MarkdownOutline outline, OutlineSection section) =>
        new(section.Title, section.Level, section.Line, outline.OwnText(section),
            [.. section.Children.Select(child => Freeze(outline, child))]);
}
