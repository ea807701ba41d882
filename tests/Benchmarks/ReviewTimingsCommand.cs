using System.Diagnostics;
using System.Globalization;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Benchmarks;

/// <summary>
/// `review-timings DIR... [--repeat N]`: the phases of `skillhost review DIR --format json`, run one
/// after the other on one thread so each gets its own figure — skill load, discovery, reading, parsing,
/// the project index, every rule over every file, ranking and JSON rendering. The first pass includes the
/// JIT (what a user's one-shot run pays); with --repeat N the last of N passes shows the steady state.
/// `--rules-only N` parses once and then runs only the rules N times (all files, one thread), for a profiler.
/// </summary>
internal static class ReviewTimingsCommand
{
    public static int Run(string[] args)
    {
        var folders = new List<string>();
        var repeat = 1;
        var rulesOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--repeat" or "--rules-only" && i + 1 < args.Length)
            {
                rulesOnly = args[i] == "--rules-only";
                repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                folders.Add(args[i]);
            }
        }

        if (folders.Count == 0 || folders.Any(f => !Directory.Exists(f)) || repeat < 1)
        {
            Console.Error.WriteLine("usage: review-timings DIR... [--repeat N | --rules-only N] (every DIR must exist, N >= 1)");
            return 2;
        }

        if (rulesOnly)
        {
            RulesOnly(folders, repeat);
            return 0;
        }

        for (var pass = 1; pass <= repeat; pass++)
        {
            Console.WriteLine($"== pass {pass} of {repeat}");
            Measure(folders);
        }

        return 0;
    }

    private static void RulesOnly(List<string> folders, int repeat)
    {
        var skill = new SkillKnowledge(SkillParser.ParseFile(Path.Combine(BundledSkill.Folder(), SkillParser.SkillFileName)));
        var (files, _) = SourceDiscovery.Discover(folders, Directory.GetCurrentDirectory());
        var trees = files.Select(f => SourceFileReader.Read(f).Bytes is { } bytes ? SyntaxParsers.Parse(SourceText.From(bytes, f)) : null).OfType<SyntaxTree>().ToList();
        for (var pass = 1; pass <= repeat; pass++)
        {
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var project = ProjectIndex.Build(trees);
            var findings = new List<Finding>();
            foreach (var tree in trees)
            {
                foreach (var rule in RuleCatalog.All.Where(r => r.Descriptor.Language == tree.Language))
                {
                    rule.Analyze(new RuleContext(rule, tree, skill, project, ReviewOptions.Default, findings));
                }
            }

            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
            Console.WriteLine($"rules pass {pass}: wall {watch.Elapsed.TotalMilliseconds:0} ms, cpu {cpuMs:0} ms, allocated {allocatedMb:0.0} MB, {findings.Count} findings");
        }
    }

    private static void Measure(List<string> folders)
    {
        var total = Stopwatch.StartNew();
        var phases = new List<(string Name, double Ms, double CpuMs, double GcMs, int Gen2)>();
        var clock = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gc = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        void Lap(string name)
        {
            process.Refresh();
            phases.Add((name, clock.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds, (GC.GetTotalPauseDuration() - gc).TotalMilliseconds, GC.CollectionCount(2) - gen2));
            cpu = process.TotalProcessorTime;
            gc = GC.GetTotalPauseDuration();
            gen2 = GC.CollectionCount(2);
            clock.Restart();
        }

        var skill = new SkillKnowledge(SkillParser.ParseFile(Path.Combine(BundledSkill.Folder(), SkillParser.SkillFileName)));
        Lap("skill load");
        var workingDirectory = Directory.GetCurrentDirectory();
        var (files, _) = SourceDiscovery.Discover(folders, workingDirectory);
        Lap("discovery");
        var bytes = files.Select(f => SourceFileReader.Read(f).Bytes).ToList();
        Lap("read");
        var trees = new List<SyntaxTree>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (bytes[i] is { } content)
            {
                var text = SourceText.From(content, SourceReview.DisplayPath(files[i], workingDirectory));
                var language = LanguageDetector.Detect(files[i], text).Language;
                if (language != SourceLanguage.Unknown)
                {
                    trees.Add(SyntaxParsers.Parse(text, language));
                }
            }
        }

        Lap("decode + parse");
        _ = trees.Sum(t => t.Nodes.Count);
        Lap("node lists");
        var project = ProjectIndex.Build(trees);
        Lap("project index");

        var perRule = new List<(Rule Rule, double Ms, double AllocatedMb, int Findings)>();
        var all = new List<Finding>();
        foreach (var rule in RuleCatalog.All)
        {
            var findings = new List<Finding>();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            foreach (var tree in trees.Where(t => t.Language == rule.Descriptor.Language))
            {
                rule.Analyze(new RuleContext(rule, tree, skill, project, ReviewOptions.Default, findings));
            }

            perRule.Add((rule, watch.Elapsed.TotalMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0, findings.Count));
            all.AddRange(findings);
        }

        Lap("rules (see below)");
        var ranked = ChecklistReview.Rank(all);
        Lap("rank");
        var outcome = new ReviewOutcome(ranked, [.. trees.Select(t => t.Source.Path!)], [], RuleCatalog.All);
        var report = new ReviewReport(outcome, RuleCatalog.All, new ReportTool("skillhost", "0.0.0", ReportTool.DefaultInformationUri), workingDirectory);
        using var rendered = new StringWriter();
        ReportFormats.Write(ReportFormats.Json, report, rendered);
        Lap("render json");

        Console.WriteLine($"  {"phase",-40} {"wall",8}    {"cpu",8}    {"gc pause",8}    gen2 GCs");
        foreach (var (name, ms, cpuMs, gcMs, gen2Count) in phases)
        {
            Console.WriteLine($"  {name,-40} {ms,8:0.0} ms {cpuMs,8:0.0} ms {gcMs,8:0.0} ms {gen2Count,4}");
        }

        Console.WriteLine("  per rule (over every file, reporting included; the first rule that asks builds a file's shared token list and binding index):");
        foreach (var (rule, ms, allocatedMb, count) in perRule.OrderByDescending(r => r.Ms))
        {
            Console.WriteLine($"    {rule.Descriptor.Id,-7} {rule.Descriptor.Name,-40} {ms,8:0.0} ms {allocatedMb,7:0.0} MB allocated {count,5} finding(s)");
        }

        Console.WriteLine($"  total {total.Elapsed.TotalMilliseconds:0} ms, heap {GC.GetTotalMemory(false) / 1048576} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576} MB so far: files={trees.Count} findings={ranked.Count} json={rendered.GetStringBuilder().Length} chars");
    }
}
