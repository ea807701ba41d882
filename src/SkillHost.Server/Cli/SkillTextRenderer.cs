using SkillHost.Skills;
using SkillHost.Skills.Durations;

namespace SkillHost.Server.Cli;

/// <summary>The human summary of a parsed skill printed by <c>skill show</c>.</summary>
internal static class SkillTextRenderer
{
    public static void Write(SkillDocument skill, TextWriter w)
    {
        w.WriteLine($"Skill: {skill.Name ?? "(no name)"}");
        if (skill.Description is { } description)
        {
            w.WriteLine($"Description: {Shorten(description, 160)}");
        }

        if (skill.Frontmatter is { } frontmatter)
        {
            w.WriteLine($"Frontmatter fields: {string.Join(", ", frontmatter.Entries.Select(e => e.Key))}");
        }

        w.WriteLine();
        w.WriteLine("Sections:");
        foreach (var section in skill.Sections)
        {
            WriteSection(section, w, 1);
        }

        foreach (var table in skill.CostTables)
        {
            w.WriteLine();
            w.WriteLine($"Cost table \"{table.Title}\" ({table.Rows.Length} rows, line {table.Line}{From(table.Source)}): {table.OperationHeader} | {table.DurationHeader}");
            foreach (var row in table.Rows)
            {
                w.WriteLine($"  {Shorten(row.Operation, 60),-60} {new DurationRange(row.MinNs, row.MaxNs)}  [{row.Text}]");
            }
        }

        if (skill.Checklist is { } checklist)
        {
            w.WriteLine();
            w.WriteLine($"Checklist \"{checklist.Title}\" (line {checklist.Line}): {checklist.AllItems.Count()} items in {checklist.Groups.Length} group(s)");
            foreach (var group in checklist.Groups)
            {
                w.WriteLine($"  {group.Title ?? "(unnamed group)"}:");
                foreach (var item in group.Items)
                {
                    w.WriteLine($"    - {(item.Slug is null ? string.Empty : $"[{item.Slug}] ")}{Shorten(item.Text, 100)}");
                }
            }
        }

        foreach (var other in skill.OtherChecklists)
        {
            w.WriteLine($"Other checklist \"{other.Title}\" (line {other.Line}): {other.AllItems.Count()} items in {other.Groups.Length} group(s)");
        }

        foreach (var example in skill.Examples)
        {
            w.WriteLine();
            w.WriteLine($"Example {example.Id} — {example.Title} (line {example.Line}{From(example.Source)})");
            w.WriteLine($"  inputs: {(example.Inputs.IsEmpty ? "none" : string.Join(", ", example.Inputs.Select(i => i.Language ?? "text")))}; fix code: {example.FixCode.Length} block(s)");
            WritePart("issue", example.Issue, w);
            WritePart("fix", example.Fix, w);
            WritePart("impact", example.Impact, w);
            WritePart("tradeoff", example.Tradeoff, w);
        }

        w.WriteLine();
        var labelled = skill.CodeBlocks.Where(b => b.Label is not null).GroupBy(b => b.Label!).Select(g => $"{g.Count()} {g.Key}");
        w.WriteLine($"Code blocks: {skill.CodeBlocks.Length} ({string.Join(", ", labelled.DefaultIfEmpty("none labelled"))})");
        w.WriteLine($"Report parts: {(skill.ReportParts.IsEmpty ? "none found" : string.Join(" · ", skill.ReportParts))}");
        foreach (var template in skill.Templates)
        {
            w.WriteLine($"Template \"{template.Name}\" (line {template.Line}): {template.Lines.Length} line(s)");
            foreach (var line in template.Lines)
            {
                w.WriteLine($"  {line.Label}: {line.Figure}{(line.Duration is { } d ? $"  → {d}" : string.Empty)}");
            }
        }

        foreach (var reference in skill.References)
        {
            w.WriteLine($"Reference: {reference.Path} (linked on line {reference.Line}, {reference.Sections.Length} top-level section(s))");
        }

        if (!skill.Diagnostics.IsEmpty)
        {
            w.WriteLine();
            w.WriteLine("Diagnostics:");
            foreach (var diagnostic in skill.Diagnostics)
            {
                w.WriteLine($"  {diagnostic}");
            }
        }
    }

    private static void WriteSection(Section section, TextWriter w, int depth)
    {
        w.WriteLine($"{new string(' ', depth * 2)}{(section.Level == 0 ? "(text before the first heading)" : section.Title)}  (line {section.Line})");
        foreach (var child in section.Children)
        {
            WriteSection(child, w, depth + 1);
        }
    }

    private static void WritePart(string name, string? text, TextWriter w)
    {
        if (text is not null)
        {
            w.WriteLine($"  {name}: {Shorten(text, 110)}");
        }
    }

    private static string From(string? source) => source is null ? string.Empty : $", {source}";

    private static string Shorten(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
