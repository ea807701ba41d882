using System.Text;
using System.Text.RegularExpressions;
using SkillHost.Skills;

namespace SkillHost.Analysis.Rules;

/// <summary>A profiler or benchmark tool the skill's step 3 names for a language.</summary>
/// <param name="Language">The bold group it is listed under ("Python", "Rust").</param>
public sealed record MeasurementTool(string Name, string Description, string Language);

/// <summary>A bold-labelled bullet of the skill ("**Test code:** only asymptotic…").</summary>
public sealed record LabelledText(string Label, string Text);

/// <summary>
/// What the workflow reads from the skill's prose besides tables and the checklist: the step-1 advice per
/// kind of code, the step-3 tools per language and measurement traps, and the guardrails. Read from the
/// sections by their headings ("Step 1 — Classify…", "Step 3 — Measure…", "Scope and guardrails"), so a
/// change to the wording of SKILL.md changes the output. Missing sections give empty lists, never errors.
/// </summary>
public sealed partial class WorkflowGuide
{
    public WorkflowGuide(SkillDocument skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        Skill = skill;
        ClassAdvice = Bullets(Find(skill, "step 1", "classify")).Where(b => b.Label.Length > 0).ToList();
        var measure = Find(skill, "step 3", "measure");
        Tools = ReadTools(measure);
        Traps = [.. Bullets(measure).Where(b => b.Label.Length > 0)];
        Guardrails = [.. Bullets(Find(skill, "guardrail", "guardrails")).Where(b => b.Label.Length > 0)];
        Levers = [.. Bullets(Find(skill, "step 4", "lever"))];
        var flat = Find(skill, "flat-profile", "flat profile");
        FlatProfilePlaybook = [.. Bullets(flat)];
        FlatProfileTitle = flat?.Title;
        ReportParts = skill.ReportParts;
    }

    public SkillDocument Skill { get; }

    /// <summary>The step-1 bullets: "Test code", "Application code", "Library code" and their advice.</summary>
    public IReadOnlyList<LabelledText> ClassAdvice { get; }

    /// <summary>Every tool step 3 lists, in order, with the language group it is under.</summary>
    public IReadOnlyList<MeasurementTool> Tools { get; }

    /// <summary>The step-3 traps ("GIL contention", "Async runtime overhead").</summary>
    public IReadOnlyList<LabelledText> Traps { get; }

    /// <summary>The scope-and-guardrails bullets ("Keep behaviour.", "Stay safe.").</summary>
    public IReadOnlyList<LabelledText> Guardrails { get; }

    /// <summary>The step-4 levers, in the skill's order ("Algorithmic complexity", "Data structures and memory layout", …).</summary>
    public IReadOnlyList<LabelledText> Levers { get; }

    /// <summary>The flat-profile playbook's bullets: what to do when no single hot spot stands out; empty when the skill has none.</summary>
    public IReadOnlyList<LabelledText> FlatProfilePlaybook { get; }

    /// <summary>The playbook section's heading as the skill writes it ("Flat-profile playbook"), or null.</summary>
    public string? FlatProfileTitle { get; }

    /// <summary>The step-5 report part names, in order (<see cref="SkillDocument.ReportParts"/>).</summary>
    public IReadOnlyList<string> ReportParts { get; }

    /// <summary>The advice bullet whose label contains <paramref name="labelWord"/> ("test", "application", "library").</summary>
    public LabelledText? AdviceFor(string labelWord) =>
        ClassAdvice.FirstOrDefault(a => a.Label.Contains(labelWord, StringComparison.OrdinalIgnoreCase));

    /// <summary>The tools listed for a language ("Python", "Rust"), in the skill's order.</summary>
    public IReadOnlyList<MeasurementTool> ToolsFor(string language) =>
        [.. Tools.Where(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase))];

    private static Section? Find(SkillDocument skill, string first, string second) =>
        skill.FindSection(s => s.Title.Contains(first, StringComparison.OrdinalIgnoreCase))
        ?? skill.FindSection(s => s.Title.Contains(second, StringComparison.OrdinalIgnoreCase));

    /// <summary>The section's top-level list items, continuation lines joined, with their bold lead as label ("" when none).</summary>
    internal static IEnumerable<LabelledText> Bullets(Section? section)
    {
        if (section is null)
        {
            yield break;
        }

        foreach (var (_, item) in Items(section.Text))
        {
            var bold = BoldLead().Match(item);
            yield return bold.Success
                ? new LabelledText(bold.Groups["label"].Value.Trim().TrimEnd(':', '.').Trim(), item[bold.Length..].Trim().TrimStart(':', '—', '–', '-', ' ').Trim())
                : new LabelledText(string.Empty, item);
        }
    }

    // (group, item): the group is the last line that is bold text alone ("**Python**") above the item.
    private static IEnumerable<(string Group, string Item)> Items(string text)
    {
        var group = string.Empty;
        StringBuilder? item = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || NumberedItem().IsMatch(line))
            {
                if (item is not null)
                {
                    yield return (group, item.ToString());
                }

                item = new StringBuilder(NumberedItem().Replace(line, string.Empty, 1)[(line.StartsWith('-') || line.StartsWith('*') ? 2 : 0)..].Trim());
            }
            else if (item is not null && trimmed.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                item.Append(' ').Append(trimmed);
            }
            else
            {
                if (item is not null)
                {
                    yield return (group, item.ToString());
                    item = null;
                }

                var heading = BoldAlone().Match(trimmed);
                if (heading.Success)
                {
                    group = heading.Groups[1].Value.Trim();
                }
            }
        }

        if (item is not null)
        {
            yield return (group, item.ToString());
        }
    }

    private static List<MeasurementTool> ReadTools(Section? section)
    {
        var tools = new List<MeasurementTool>();
        if (section is null)
        {
            return tools;
        }

        foreach (var (group, item) in Items(section.Text))
        {
            var tool = ToolLead().Match(item);
            if (group.Length > 0 && tool.Success)
            {
                tools.Add(new MeasurementTool(tool.Groups[1].Value, item[tool.Length..].Trim(), group));
            }
        }

        return tools;
    }

    [GeneratedRegex(@"^\*\*(?<label>[^*]+)\*\*")]
    private static partial Regex BoldLead();

    [GeneratedRegex(@"^\*\*([^*]+)\*\*$")]
    private static partial Regex BoldAlone();

    // "`py-spy`: …", "`memray` or `memory_profiler`: …", "`flamegraph` (the cargo subcommand / crate): …"
    [GeneratedRegex(@"^`([^`]+)`[^:]*:")]
    private static partial Regex ToolLead();

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex NumberedItem();
}
