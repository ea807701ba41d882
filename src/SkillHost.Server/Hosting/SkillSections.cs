using System.Runtime.CompilerServices;
using System.Text;
using SkillHost.Skills;

namespace SkillHost.Server.Hosting;

/// <summary>A section of a skill with its address: a slug path such as <c>workflow/step-2-estimate-on-the-back-of-an-envelope</c>.</summary>
/// <param name="Source">The file it comes from, relative to the skill folder (<c>SKILL.md</c> or a reference file).</param>
internal sealed record AddressedSection(string SlugPath, string Source, Section Section)
{
    private string? _markdown;

    /// <summary>The slug of the title alone, for matching part of a title.</summary>
    public string TitleSlug { get; } = SkillSections.Slug(Section.Title);

    /// <summary>The section's Markdown with its heading and every sub-section, as written in the file (built once).</summary>
    public string Markdown => _markdown ??= Build(Section);

    private static string Build(Section section)
    {
        var builder = new StringBuilder();
        Append(section, builder);
        return builder.ToString().TrimEnd() + "\n";
    }

    private static void Append(Section section, StringBuilder builder)
    {
        if (section.Level > 0)
        {
            builder.Append('#', section.Level).Append(' ').Append(section.Title).Append("\n\n");
        }

        if (section.Text.Length > 0)
        {
            builder.Append(section.Text).Append("\n\n");
        }

        foreach (var child in section.Children)
        {
            Append(child, builder);
        }
    }
}

/// <summary>Flattens a skill's section trees (SKILL.md, then its reference files) into addressable sections and finds one by title or slug.</summary>
internal static class SkillSections
{
    // A document never changes (a reload parses a new one), so its addresses are worked out once: get_skill_section
    // and the section resources ask on every call, and slugging every heading each time was a third of a call's CPU.
    private static readonly ConditionalWeakTable<SkillDocument, IReadOnlyList<AddressedSection>> Addressed = new();

    public static IReadOnlyList<AddressedSection> All(SkillDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Addressed.GetValue(document, Address);
    }

    private static IReadOnlyList<AddressedSection> Address(SkillDocument document)
    {
        var result = new List<AddressedSection>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        Add(document.Sections, "", SkillParser.SkillFileName, result, used);
        foreach (var reference in document.References)
        {
            Add(reference.Sections, Slug(Path.ChangeExtension(reference.Path, null)) + "/", reference.Path, result, used);
        }

        return result;
    }

    /// <summary>
    /// The section whose slug path, slug or title equals <paramref name="query"/> (case-insensitive), else the only
    /// one whose title contains it; null when none or several fit (<paramref name="candidates"/> lists them).
    /// </summary>
    public static AddressedSection? Find(IReadOnlyList<AddressedSection> sections, string query, out IReadOnlyList<AddressedSection> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = query.Trim().TrimStart('#').Trim();
        var slug = Slug(wanted);
        var exact = sections.FirstOrDefault(s => string.Equals(s.SlugPath, wanted, StringComparison.OrdinalIgnoreCase))
            ?? sections.FirstOrDefault(s => string.Equals(s.Section.Title, wanted, StringComparison.OrdinalIgnoreCase))
            ?? sections.FirstOrDefault(s => s.SlugPath.EndsWith("/" + slug, StringComparison.Ordinal) || s.SlugPath == slug);
        if (exact is not null)
        {
            candidates = [exact];
            return exact;
        }

        candidates = [.. sections.Where(s => slug.Length > 0 && s.TitleSlug.Contains(slug, StringComparison.Ordinal))];
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>Lowercase letters and digits, other runs of characters turned into one hyphen: "Step 1 — Classify" → "step-1-classify".</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    private static void Add(IEnumerable<Section> sections, string prefix, string source, List<AddressedSection> result, HashSet<string> used)
    {
        foreach (var section in sections)
        {
            var own = Slug(section.Title);
            if (own.Length == 0)
            {
                own = section.Level == 0 ? "preamble" : $"line-{section.Line}";
            }

            var path = prefix + own;
            // Two sibling headings with the same title get the line number to keep addresses unique.
            if (!used.Add(path))
            {
                path = $"{path}-{section.Line}";
                used.Add(path);
            }

            result.Add(new AddressedSection(path, source, section));
            Add(section.Children, path + "/", source, result, used);
        }
    }
}
