using System.Text.RegularExpressions;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// Meta-tests over <see cref="RuleCatalog.All"/> (STYLE habit 6): the catalogue and the skill's
/// checklist cover each other, ids are well-formed and append-only, and every rule carries its
/// fixture, its doc fields and a cost row that resolves.
/// </summary>
public sealed partial class RuleCatalogTests
{
    private static readonly string RuleIdsPath = RepoPaths.Combine("tests", "SkillHost.Analysis.Tests", "Rules", "rule-ids.txt");

    private static IReadOnlyList<RuleDescriptor> Rules => [.. RuleCatalog.All.Select(r => r.Descriptor)];

    private static string Line(RuleDescriptor d) => $"{d.Id} {d.Slug} {d.Name}";

    public sealed class Coverage
    {
        [Fact]
        public void Given_the_bundled_skill_Then_its_checklist_has_the_26_slugged_items()
        {
            var items = RuleFixture.Skill.Skill.Checklist?.AllItems.ToList() ?? [];

            // The 25 items of the first release plus rust/sequential-await, which RS011 reports.
            Assert.Equal(26, items.Count);
            Assert.All(items, i => Assert.NotNull(i.Slug));
        }

        [Fact]
        public void Given_every_checklist_item_of_the_skill_Then_at_least_one_rule_reports_its_slug()
        {
            var covered = Rules.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);

            var missing = RuleFixture.Skill.Slugs.Where(s => !covered.Contains(s)).Order(StringComparer.Ordinal).ToList();

            Assert.True(missing.Count == 0, $"checklist items without a rule ({missing.Count}): {string.Join(", ", missing)}");
        }

        [Fact]
        public void Given_every_rule_Then_its_slug_is_a_checklist_item_or_it_cites_a_technique_section_of_the_skill()
        {
            var slugs = RuleFixture.Skill.Slugs.ToHashSet(StringComparer.Ordinal);
            var sections = SectionTitles();

            var orphans = Rules.Where(r => !slugs.Contains(r.Slug) && !(r.TechniqueSection is { } t && sections.Contains(t))).Select(Line).ToList();

            Assert.True(orphans.Count == 0, "rules that map to no checklist item and cite no section of the skill:\n" + string.Join('\n', orphans));
        }

        [Fact]
        public void Given_every_rule_citing_a_technique_section_Then_that_heading_exists_in_SKILL_md_or_its_references()
        {
            var sections = SectionTitles();

            var unknown = Rules.Where(r => r.TechniqueSection is { } t && !sections.Contains(t)).Select(r => $"{r.Id}: \"{r.TechniqueSection}\"").ToList();

            Assert.True(unknown.Count == 0, "technique sections that are no heading of the skill:\n" + string.Join('\n', unknown));
        }

        private static HashSet<string> SectionTitles()
        {
            var skill = RuleFixture.Skill.Skill;
            var titles = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<Section>(skill.Sections.Concat(skill.References.SelectMany(r => r.Sections)));
            while (stack.Count > 0)
            {
                var section = stack.Pop();
                titles.Add(section.Title);
                foreach (var child in section.Children)
                {
                    stack.Push(child);
                }
            }

            return titles;
        }
    }

    public sealed partial class Identity
    {
        [Fact]
        public void Given_the_catalogue_Then_ids_and_names_are_unique()
        {
            var duplicateIds = Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            var duplicateNames = Rules.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

            Assert.Empty(duplicateIds);
            Assert.Empty(duplicateNames);
        }

        [Fact]
        public void Given_every_rule_class_of_the_analysis_assembly_Then_the_catalogue_registers_it_exactly_once()
        {
            var classes = typeof(Rule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract).ToList();
            var registered = RuleCatalog.All.Select(r => r.GetType()).ToList();

            var unregistered = classes.Except(registered).Select(t => t.FullName).ToList();
            var twice = registered.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key.Name).ToList();

            Assert.True(unregistered.Count == 0, "rule classes missing from RuleCatalog.All (add them to their group's list): " + string.Join(", ", unregistered));
            Assert.Empty(twice);
        }

        [Fact]
        public void Given_each_group_list_Then_it_holds_only_rules_of_that_group()
        {
            Assert.All(Analysis.Rules.Python.PythonRules.All, r => Assert.Equal(RuleGroup.Python, r.Descriptor.Group));
            Assert.All(Analysis.Rules.Rust.RustRules.All, r => Assert.Equal(RuleGroup.Rust, r.Descriptor.Group));
            Assert.All(Analysis.Rules.PyO3.PyO3Rules.All, r => Assert.Equal(RuleGroup.PyO3, r.Descriptor.Group));
        }

        [Fact]
        public void Given_every_rule_Then_its_id_prefix_slug_group_group_and_language_agree()
        {
            var wrong = new List<string>();
            foreach (var rule in Rules)
            {
                var match = IdPattern().Match(rule.Id);
                var expected = match.Success ? match.Groups[1].Value switch
                {
                    "PY" => ("python/", RuleGroup.Python, (SourceLanguage?)SourceLanguage.Python),
                    "RS" => ("rust/", RuleGroup.Rust, SourceLanguage.Rust),
                    _ => ("pyo3/", RuleGroup.PyO3, null),
                }
                : default;
                if (!match.Success || !rule.Slug.StartsWith(expected.Item1, StringComparison.Ordinal) || rule.Slug.Length == expected.Item1.Length
                    || rule.Group != expected.Item2 || (expected.Item3 is { } language && rule.Language != language)
                    || rule.Language is not (SourceLanguage.Python or SourceLanguage.Rust))
                {
                    wrong.Add($"{Line(rule)} ({rule.Group}, {rule.Language})");
                }
            }

            Assert.True(wrong.Count == 0, "ids must match ^(PY|RS|PYO)\\d{3}$ with slug group python/, rust/, pyo3/ and the same RuleGroup:\n" + string.Join('\n', wrong));
        }

        [Fact]
        public void Given_every_rule_Then_its_name_is_the_pascal_case_anti_pattern_and_its_class_name()
        {
            var wrong = RuleCatalog.All
                .Where(r => !PascalCase().IsMatch(r.Descriptor.Name) || AdviceName().IsMatch(r.Descriptor.Name) || r.GetType().Name != r.Descriptor.Name)
                .Select(r => $"{Line(r.Descriptor)} (class {r.GetType().Name})")
                .ToList();

            Assert.True(wrong.Count == 0, "names must be PascalCase, name the anti-pattern (not Use…/Avoid…) and equal the class name:\n" + string.Join('\n', wrong));
        }

        [Fact]
        public void Given_each_group_list_Then_its_rules_are_in_id_order()
        {
            foreach (var group in new[] { Analysis.Rules.Python.PythonRules.All, Analysis.Rules.Rust.RustRules.All, Analysis.Rules.PyO3.PyO3Rules.All })
            {
                var ids = group.Select(r => r.Descriptor.Id).ToList();

                Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            }
        }

        [GeneratedRegex(@"^(PYO|PY|RS)\d{3}$")]
        private static partial Regex IdPattern();

        [GeneratedRegex(@"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$")]
        private static partial Regex PascalCase();

        [GeneratedRegex(@"^(?:Use|Avoid)(?:[A-Z]|$)")]
        private static partial Regex AdviceName();
    }

    public sealed class AppendOnlyIds
    {
        [Fact]
        public void Given_rule_ids_txt_Then_each_ids_latest_line_names_the_rule_as_it_is_and_earlier_lines_differ_only_by_slug()
        {
            var current = Rules.ToDictionary(r => r.Id, Line, StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (var history in RecordedLines().GroupBy(l => Fields(l.Text).Id))
            {
                var (number, latest) = history.Last();
                if (!current.TryGetValue(history.Key, out var now))
                {
                    problems.Add($"line {number}: `{latest}` — rule {history.Key} no longer exists; ids are append-only, so a retired rule keeps its id in the catalogue");
                    continue;
                }

                if (now != latest)
                {
                    problems.Add($"line {number}: `{latest}` — rule {history.Key} now reads `{now}`. An id never changes its name (give a new rule the next free id); "
                        + $"a rule that moved to another checklist item gets a new line `{now}` appended below, with a comment saying why");
                }

                var names = history.Select(l => Fields(l.Text).Name).Distinct(StringComparer.Ordinal).ToList();
                var repeated = history.GroupBy(l => l.Text, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
                problems.AddRange(names.Count > 1 ? [$"id {history.Key} was recorded under several names ({string.Join(", ", names)}): an id names one rule forever"] : []);
                problems.AddRange(repeated.Select(text => $"`{text}` is recorded more than once: append a line only when the slug moves"));
            }

            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }

        [Fact]
        public void Given_every_rule_Then_rule_ids_txt_records_it()
        {
            var recorded = RecordedLines().Select(l => Fields(l.Text).Id).ToHashSet(StringComparer.Ordinal);
            var missing = Rules.Where(r => !recorded.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).Select(Line).ToList();
            if (missing.Count > 0 && Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                var existing = File.Exists(RuleIdsPath) ? File.ReadAllText(RuleIdsPath) : "";
                var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
                File.AppendAllText(RuleIdsPath, separator + string.Join('\n', missing) + "\n");
                return;
            }

            Assert.True(
                missing.Count == 0,
                $"{missing.Count} rule(s) missing from {RuleIdsPath}. Append these lines at its end (or rerun with UPDATE_GOLDEN=1):\n" + string.Join('\n', missing));
        }

        [Fact]
        public void Given_rule_ids_txt_Then_RS011_records_its_move_to_its_own_checklist_item()
        {
            var history = RecordedLines().Where(l => Fields(l.Text).Id == "RS011").Select(l => Fields(l.Text).Slug).ToList();

            Assert.Equal(["rust/lock-contention", "rust/sequential-await"], history);
        }

        private static (string Id, string Slug, string Name) Fields(string text)
        {
            var parts = text.Split(' ');
            return (parts[0], parts.Length > 1 ? parts[1] : "", parts.Length > 2 ? parts[2] : "");
        }

        // "ID slug Name" per line, oldest first; blank lines and lines starting with '#' are comments.
        private static List<(int Number, string Text)> RecordedLines() =>
            !File.Exists(RuleIdsPath)
                ? []
                : [.. File.ReadAllLines(RuleIdsPath)
                    .Select((text, i) => (Number: i + 1, Text: string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries))))
                    .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'))];
    }

    public sealed class Documentation
    {
        [Fact]
        public void Given_every_rule_Then_a_fixture_with_a_marker_and_an_OK_section_exists()
        {
            var problems = new List<string>();
            foreach (var rule in Rules)
            {
                var comment = rule.Language == SourceLanguage.Python ? "#" : "//";
                var path = RuleFixture.FixturePath(rule);
                if (!File.Exists(path))
                {
                    problems.Add($"{rule.Id}: no fixture {path}");
                    continue;
                }

                var lines = File.ReadAllLines(path);
                var ok = Array.FindIndex(lines, l => l.Trim() == comment + " OK");
                var marker = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"{Regex.Escape(comment)}\s*expect:.*\b{rule.Id}\b"));
                if (marker < 0)
                {
                    problems.Add($"{rule.Id}: {path} has no `{comment} expect: {rule.Id}` marker");
                }

                if (ok < 0)
                {
                    problems.Add($"{rule.Id}: {path} has no `{comment} OK` line");
                }
                else if (marker > ok)
                {
                    problems.Add($"{rule.Id}: {path} puts flagged cases after `{comment} OK`");
                }
            }

            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }

        [Fact]
        public void Given_every_rule_Then_its_generated_doc_exists_in_docs_rules()
        {
            var missing = Rules.Select(r => RepoPaths.Combine("docs", "rules", Analysis.Rules.Documentation.RuleDoc.FileName(r))).Where(p => !File.Exists(p)).ToList();

            Assert.True(missing.Count == 0, "rules without a doc (run the tests with UPDATE_GOLDEN=1 to generate them):\n" + string.Join('\n', missing));
        }

        [Fact]
        public void Given_every_rule_Then_its_doc_fields_are_written()
        {
            var empty = Rules
                .SelectMany(r => new[] { ("WhatItDoes", r.WhatItDoes), ("WhyBad", r.WhyBad), ("Example", r.Example), ("UseInstead", r.UseInstead) }
                    .Where(f => string.IsNullOrWhiteSpace(f.Item2))
                    .Select(f => $"{r.Id}.{f.Item1}"))
                .ToList();

            Assert.True(empty.Count == 0, "empty doc fields: " + string.Join(", ", empty));
        }

        [Fact]
        public void Given_every_rule_with_a_cost_operation_Then_it_resolves_to_one_row_of_the_skill_cost_tables()
        {
            var unresolved = Rules
                .Where(r => r.CostOperation is { } op && RuleFixture.Skill.FindCost(op) is null)
                .Select(r => $"{r.Id}: \"{r.CostOperation}\"")
                .ToList();

            Assert.True(unresolved.Count == 0, "cost operations that name no single row of the skill's cost tables:\n" + string.Join('\n', unresolved));
        }
    }
}
