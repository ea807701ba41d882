using System.Globalization;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Benchmarks;

/// <summary>
/// `review-corpus DIR... [--select X]... [--sample N] [--seed S]`: runs the checklist rules over every
/// .py/.rs file below the folders and prints findings per rule, then a seeded random sample of N
/// findings per rule with their source line — the material for judging each rule's precision by hand.
/// </summary>
internal static class ReviewCorpusCommand
{
    public static int Run(string[] args)
    {
        var folders = new List<string>();
        var select = new List<string>();
        var sample = 10;
        var seed = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--select" when i + 1 < args.Length:
                    select.Add(args[++i]);
                    break;
                case "--sample" when i + 1 < args.Length:
                    sample = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    folders.Add(args[i]);
                    break;
            }
        }

        if (folders.Count == 0 || folders.Any(f => !Directory.Exists(f)))
        {
            Console.Error.WriteLine("usage: review-corpus DIR... [--select ID|SLUG]... [--sample N] [--seed S] (every DIR must exist)");
            return 2;
        }

        var skill = new SkillKnowledge(SkillParser.ParseFile(Path.Combine(BundledSkill.Folder(), SkillParser.SkillFileName)));
        var rules = new RuleSelection(select, []).Apply(RuleCatalog.All);
        var trees = folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(SyntaxParsers.IsSupportedExtension)
            .Where(f => !f.Contains("site-packages", StringComparison.Ordinal))
            .AsParallel()
            .Select(f => SyntaxParsers.Parse(SourceText.Load(f), f))
            .Where(t => t is not null)
            .Select(t => t!)
            .ToList();

        var findings = new ChecklistReview(skill, rules).Review(trees);
        var random = new Random(seed);
        foreach (var group in findings.GroupBy(f => f.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var all = group.ToList();
            Console.WriteLine($"== {group.Key} {all[0].Rule.Slug} {all[0].Rule.Name}: {all.Count} finding(s) in {all.Select(f => f.Path).Distinct().Count()} file(s)");
            foreach (var finding in all.OrderBy(_ => random.Next()).Take(sample))
            {
                var tree = trees.First(t => t.Source.Path == finding.Path);
                var line = tree.Source.ToString(tree.Source.GetLineSpan(finding.Start.Line)).Trim();
                Console.WriteLine($"  {finding.Path}:{finding.Start.Line}: {finding.Message}");
                Console.WriteLine($"      | {(line.Length > 120 ? line[..117] + "..." : line)}");
            }
        }

        Console.WriteLine($"review-corpus: files={trees.Count} rules={rules.Count} findings={findings.Count}");
        return 0;
    }
}
