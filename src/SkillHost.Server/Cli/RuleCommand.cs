using System.CommandLine;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Documentation;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost rule [ID] [--format text|markdown|json] [--skill PATH]</c>: a rule's documentation in the ruff template,
/// with its slug, the skill's checklist wording and cost row; without ID, every rule (id, slug, name).
/// ID is an id, a name or a slug that one rule reports, in any case. Exit 0, or 2 for an unknown ID (naming the closest).
/// </summary>
internal static class RuleCommand
{
    public static Command Create(CliOutput output, ReviewEnvironment? environment = null)
    {
        var id = new Argument<string?>("ID") { Arity = ArgumentArity.ZeroOrOne, Description = "A rule id (PY001), name (MembershipTestOnList) or a slug one rule reports (rust/sequential-await). Without it, every rule is listed." };
        var format = SkillCommand.FormatOption(ReportFormats.Text, ReportFormats.Markdown, ReportFormats.Json);
        var skill = new Option<string>("--skill") { Description = "The skill whose checklist wording and cost rows the documentation quotes.", DefaultValueFactory = _ => ReviewCommand.BundledSkill };
        var command = new Command("rule", "Explain a rule: what it does, why it is bad, an example and what to use instead, with its checklist item and cost row. Without ID, list every rule.")
        {
            id, format, skill,
        };
        command.SetAction(r => Run(r.GetValue(id), r.GetValue(format)!, r.GetValue(skill)!, output, environment ?? ReviewEnvironment.Current()));
        return command;
    }

    public static int Run(string? id, string format, string skillPath, CliOutput output, ReviewEnvironment environment)
    {
        var catalogue = environment.Catalogue;
        if (string.IsNullOrWhiteSpace(id))
        {
            var rules = catalogue.Select(r => r.Descriptor).ToList();
            Write(output, format, w => RuleDocRenderer.WriteIndexText(rules, w), w => RuleDocRenderer.WriteIndexMarkdown(rules, w), () => RuleDocRenderer.IndexJson(rules));
            return ExitCodes.Ok;
        }

        var found = RuleLookup.Resolve(catalogue, id);
        if (found.Count != 1)
        {
            output.Error.WriteLine(found.Count == 0
                ? $"error: no rule '{id}'. Closest: {string.Join(", ", RuleLookup.Closest(catalogue, id).Select(Describe))}. Run 'skillhost rule' to list every rule."
                : $"error: '{id}' is the checklist item of {found.Count} rules: {string.Join(", ", found.Select(Describe))}. Give one id.");
            return ExitCodes.UsageOrIo;
        }

        if (SkillLoading.LoadForVerb(skillPath, output, environment) is not { } skill)
        {
            return ExitCodes.UsageOrIo;
        }

        var doc = RuleDoc.From(found[0].Descriptor, new SkillKnowledge(skill), catalogue);
        Write(output, format, w => RuleDocRenderer.WriteText(doc, w), w => RuleDocRenderer.WriteMarkdown(doc, w), () => RuleDocRenderer.Json(doc));
        return ExitCodes.Ok;
    }

    private static string Describe(Rule rule) => $"{rule.Descriptor.Id} ({rule.Descriptor.Name}, {rule.Descriptor.Slug})";

    private static void Write(CliOutput output, string format, Action<TextWriter> text, Action<TextWriter> markdown, Func<string> json)
    {
        if (format == ReportFormats.Json)
        {
            output.Out.WriteLine(json());
        }
        else if (format == ReportFormats.Markdown)
        {
            markdown(output.Out);
        }
        else
        {
            text(output.Out);
        }
    }
}
