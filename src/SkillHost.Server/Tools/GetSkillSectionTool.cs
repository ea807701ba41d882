using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>get_skill_section</c>: one section of a hosted skill (with its sub-sections), so a model loads only what it needs.</summary>
[McpServerToolType]
internal sealed class GetSkillSectionTool
{
    [McpServerTool(Name = "get_skill_section", Title = "Read one section of a skill", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Returns one section of a hosted skill as Markdown, with its sub-sections: e.g. 'Workflow', 'Step 2', 'Reference latencies', 'Quick review checklist', 'Example B'. "
        + "Use it to read just the part of the skill a task needs instead of the whole SKILL.md; a section longer than the 50,000-character result is cut ('cut': true), its sub-sections and resource 'uri' hold the rest. Matches the section's address, its title (case-insensitive) or a unique part of a title.")]
    public static SkillSectionResult Get(
        SkillCatalog catalog,
        [Description("The section to read: a title ('Step 4 — Pick the biggest lever'), part of one ('biggest lever') or an address from 'subsections' (e.g. 'performance-optimization-for-python-and-rust/workflow').")] string section,
        [Description("Name of the hosted skill; default 'performance-optimization'.")] string? skill = null)
    {
        var hosted = catalog.Require(skill);
        if (string.IsNullOrWhiteSpace(section))
        {
            throw new McpException($"'section' is empty. Top-level sections of {hosted.Name}: {TopLevel(hosted)}.");
        }

        var sections = SkillSections.All(hosted.Document);
        if (SkillSections.Find(sections, section, out var candidates) is not { } found)
        {
            throw new McpException(candidates.Count > 1
                ? $"'{section}' matches {candidates.Count} sections of {hosted.Name}: {string.Join("; ", candidates.Select(c => $"'{c.Section.Title}' ({c.SlugPath})"))}. Pass one of these addresses."
                : $"{hosted.Name} has no section matching '{section}'. Sections: {TopLevel(hosted)}.");
        }

        var result = new SkillSectionResult(
            hosted.Name,
            found.Section.Title,
            found.SlugPath,
            found.Source,
            found.Section.Level,
            found.Section.Line,
            $"{hosted.UriPrefix}sections/{found.SlugPath}",
            found.Markdown,
            [.. sections.Where(s => s.SlugPath.StartsWith(found.SlugPath + "/", StringComparison.Ordinal)).Select(s => new SkillSubsection(s.Section.Title, s.SlugPath))]);
        return Fitted(result);
    }

    // A whole reference file as one section would pass 50,000 characters (its text block repeats it): cut at a line, and say where the rest is.
    private static SkillSectionResult Fitted(SkillSectionResult result)
    {
        var over = ResultBudget.JsonLength(result) - ResultBudget.MaxStructuredChars;
        if (over <= 0)
        {
            return result;
        }

        var keep = Math.Max(0, result.Markdown.Length - over - 400);
        var cut = result.Markdown[..keep];
        cut = cut[..Math.Max(0, cut.LastIndexOf('\n'))];
        return result with
        {
            Markdown = cut + $"\n\n(cut here to stay within 50,000 characters: read a sub-section by its address from 'subsections', or the whole section from the resource {result.Uri})\n",
            Cut = true,
        };
    }

    private static string TopLevel(HostedSkill skill) =>
        string.Join(", ", SkillSections.All(skill.Document).Where(s => s.Section.Level <= 2).Select(s => $"'{s.Section.Title}'"));
}

/// <summary>What <c>get_skill_section</c> returns.</summary>
/// <param name="Address">Slug path of the section, unique within the skill.</param>
/// <param name="Source">The file it comes from, relative to the skill folder.</param>
/// <param name="Uri">The resource serving the same Markdown.</param>
/// <param name="Markdown">The section's heading, text and sub-sections as written.</param>
internal sealed record SkillSectionResult(string Skill, string Title, string Address, string Source, int Level, int Line, string Uri, string Markdown, IReadOnlyList<SkillSubsection> Subsections)
{
    /// <summary>True when <see cref="Markdown"/> was cut to keep the result within 50,000 characters (the resource at <see cref="Uri"/> has it whole).</summary>
    public bool Cut { get; init; }
}

/// <summary>A sub-section's title and address.</summary>
internal sealed record SkillSubsection(string Title, string Address);
