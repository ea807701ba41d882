using System.Text;
using System.Text.Json;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Resources;

/// <summary>
/// The resources of every hosted skill: each file of its folder (<c>skill://name/SKILL.md</c>,
/// <c>skill://name/references/…</c>), a Markdown view per section (<c>skill://name/sections/&lt;address&gt;</c>)
/// and JSON views of what the tools read from it (<c>cost-tables.json</c>, <c>checklist.json</c>).
/// </summary>
internal static class SkillResources
{
    public const string CostTablesFile = "cost-tables.json";
    public const string ChecklistFile = "checklist.json";

    /// <summary>Replaces the collection's content with the catalog's skills; clients get one <c>list_changed</c>.</summary>
    /// <param name="others">Resources that are not a skill's (the review reports), kept across the change.</param>
    public static void Sync(McpServerPrimitiveCollection<McpServerResource> collection, IEnumerable<HostedSkill> skills, IEnumerable<McpServerResource>? others = null)
    {
        ArgumentNullException.ThrowIfNull(collection);
        using var batch = collection.DeferChangedEvents();
        collection.Clear();
        foreach (var resource in skills.SelectMany(For))
        {
            collection.TryAdd(resource);
        }

        foreach (var resource in others ?? [])
        {
            collection.TryAdd(resource);
        }
    }

    public static IEnumerable<SkillResource> For(HostedSkill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        foreach (var file in skill.Files)
        {
            var description = file.RelativePath == SkillHost.Skills.SkillParser.SkillFileName
                ? $"The {skill.Name} skill's SKILL.md: {skill.Document.Description}"
                : $"A file of the {skill.Name} skill.";
            yield return new SkillResource(skill.UriPrefix + file.RelativePath, $"{skill.Name}/{file.RelativePath}", $"{skill.Name}: {file.RelativePath}", description, MimeTypes.ForPath(file.RelativePath), file.Bytes);
        }

        foreach (var section in SkillSections.All(skill.Document))
        {
            yield return new SkillResource(
                $"{skill.UriPrefix}sections/{section.SlugPath}",
                $"{skill.Name}/sections/{section.SlugPath}",
                $"{skill.Name}: {section.Section.Title}",
                $"The section '{section.Section.Title}' of {section.Source} (line {section.Section.Line}), with its sub-sections.",
                MimeTypes.Markdown,
                Encoding.UTF8.GetBytes(section.Markdown));
        }

        if (skill.FindFile(CostTablesFile) is null)
        {
            yield return Json(skill, CostTablesFile, "cost tables", "Every cost table of the skill as parsed: operations with nanosecond ranges, as estimate_cost and the review's impact figures use them.",
                JsonSerializer.SerializeToUtf8Bytes(skill.Document.CostTables, ServerJsonContext.Relaxed.ImmutableArrayCostTable));
        }

        if (skill.FindFile(ChecklistFile) is null)
        {
            yield return Json(skill, ChecklistFile, "checklist", "The skill's review checklist as parsed: groups, items and their slugs (python/quadratic…), as checklist_review reports them.",
                JsonSerializer.SerializeToUtf8Bytes(skill.Document.Checklist, ServerJsonContext.Relaxed.Checklist));
        }
    }

    private static SkillResource Json(HostedSkill skill, string file, string what, string description, byte[] bytes) =>
        new(skill.UriPrefix + file, $"{skill.Name}/{file}", $"{skill.Name}: {what} (JSON)", description, MimeTypes.Json, bytes);
}
