using System.Diagnostics;
using System.Globalization;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Benchmarks;

/// <summary>
/// `scaling FILE...`: reviews each file alone, in-process and on one thread, with no size limit, and
/// prints one line per file — size, parse time, rule time, the slowest rule, findings — so time against
/// size (and the pathological shapes of scaling/generate.py) can be read off directly. scaling/run.sh
/// runs it once per file under a timeout, so a file that stalls costs only its own line.
/// </summary>
internal static class ScalingCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || args.Any(f => !File.Exists(f)))
        {
            Console.Error.WriteLine("usage: scaling FILE... (every FILE must exist)");
            return 2;
        }

        var skill = new SkillKnowledge(SkillParser.ParseFile(Path.Combine(BundledSkill.Folder(), SkillParser.SkillFileName)));
        foreach (var file in args)
        {
            var text = SourceText.From(File.ReadAllBytes(file), file);
            var language = LanguageDetector.Detect(file, text).Language;
            var clock = Stopwatch.StartNew();
            var tree = SyntaxParsers.Parse(text, language, forRules: true);
            var parse = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var project = ProjectIndex.Build([tree]);
            var index = clock.Elapsed.TotalSeconds;
            var findings = new List<Finding>();
            var slowest = (Id: "-", Seconds: 0.0);
            foreach (var rule in RuleCatalog.All.Where(r => r.Descriptor.Language == tree.Language))
            {
                var ruleClock = Stopwatch.StartNew();
                rule.Analyze(new RuleContext(rule, tree, skill, project, ReviewOptions.Default, findings));
                if (ruleClock.Elapsed.TotalSeconds > slowest.Seconds)
                {
                    slowest = (rule.Descriptor.Id, ruleClock.Elapsed.TotalSeconds);
                }
            }

            var rules = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file),-24} {new FileInfo(file).Length / 1048576.0,6:0.00} MB  parse {parse,7:0.00} s  index {index,6:0.00} s  rules {rules - index,7:0.00} s  total {parse + rules,7:0.00} s  slowest {slowest.Id} {slowest.Seconds:0.00} s  findings {findings.Count}"));
        }

        return 0;
    }
}
