using System.Text;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Analysis.Reporting;

public sealed partial class PerformanceReportBuilder
{
    // Slugs whose cost shows as memory (peak size, allocation count) rather than CPU time.
    private static readonly HashSet<string> MemoryChecklistItems = new(StringComparer.Ordinal)
    {
        "list-where-generator", "missing-slots", "alloc-in-loop", "missing-with-capacity", "needless-heap",
        "string-alloc-in-loop", "struct-padding", "copy-across-boundary", "unnecessary-clone", "pyobject-in-loop",
    };

    // Slugs whose cost is call or crossing overhead: exact call counts tell it best.
    private static readonly HashSet<string> CallCountChecklistItems = new(StringComparer.Ordinal)
    {
        "single-item-api", "gil-per-item", "missing-cache", "repeated-lookup",
    };

    private const int MaxSketchLines = 25;

    private static HotPathHypothesis Hypothesis(List<ReportIssue> issues, List<IssueGroup> groups, IReadOnlyList<FileClassification> classified, bool verbose)
    {
        var evidence = new List<string>();
        foreach (var file in classified)
        {
            // The functions that hold a listed issue (all hot functions with --verbose): the step-1 facts behind the ranking.
            var functions = verbose
                ? file.HotFunctions.Take(3).ToList()
                : [.. file.Functions.Where(f => issues.Any(i => i.Path == file.Path && i.Function == f.Name && f.Name != FunctionClassification.ModuleLevel)).DistinctBy(f => f.Name).Take(5)];
            var fileFact = file.File.Evidence.Count > 0 ? file.File.Evidence[0].Fact : "no evidence";
            // A function whose class and evidence are the file's adds only its name.
            var listed = functions.Select(f => f.Classification.Class == file.File.Class && (f.Classification.Evidence.Count == 0 || fileFact.Contains(f.Classification.Evidence[0].Fact, StringComparison.Ordinal))
                ? $"`{f.Name}`"
                : $"`{f.Name}` {f.Classification.ClassName} ({(f.Classification.Evidence.Count > 0 ? f.Classification.Evidence[0].Fact : "no evidence")})").ToList();
            evidence.Add($"`{file.Path}`: {file.File.ClassName} code ({fileFact})"
                + (listed.Count > 0 ? $"; {string.Join("; ", listed)}" : string.Empty));
        }

        if (issues.Count == 0)
        {
            return new HotPathHypothesis(
                "No checklist item fired with enough evidence to report in the code reviewed, so static analysis names no dominant cost. Either the cost is spread thin (a flat profile) or it lies outside the code under review: profile before changing anything.",
                evidence,
                null);
        }

        // Only hot and library code may make the hypothesis: start-up, scripts, tests and code beside the product rank below it.
        var hot = issues.Zip(groups).Where(x => Priority(x.Second.Class.Class) == 0).Select(x => x.First).ToList();
        if (hot.Count == 0)
        {
            return new HotPathHypothesis(
                $"No finding lies in hot or library code: the {(issues.Count == 1 ? "issue below is" : $"{issues.Count} issues below are")} in {string.Join(", ", issues.Select(i => i.CodeClass).Distinct(StringComparer.Ordinal))} code, where the skill asks for correct, clear code and asymptotic fixes only. Static analysis names no hot path here: profile the operation that is slow.",
                evidence,
                null);
        }

        var top = hot[0];
        var location = top.Function is { } fn && fn != FunctionClassification.ModuleLevel ? $"`{fn}` ({top.Path}:{top.Line})" : $"{top.Path}:{top.Line}";
        var summary = new StringBuilder($"The cost most likely concentrates in {location}, {top.CodeClass} code: {top.Issue.TrimEnd()}");
        if (!top.Issue.TrimEnd().EndsWith('.'))
        {
            summary.Append('.');
        }

        if (top.EstimateText is not null)
        {
            summary.Append($" Estimated: {top.EstimateText}.");
        }

        // One share, computed once, from the same figures the issues print: the listed priced issues of hot and library code.
        var priced = hot.Where(i => i.Estimate is not null).ToList();
        if (priced.Count > 1 && top.Estimate is { } first)
        {
            var sum = priced.Sum(i => i.Estimate!.Scenario.MidNs);
            var share = sum > 0 ? first.Scenario.MidNs / sum : 0;
            var scenario = priced.Any(i => i.Estimate!.Total is null) ? " under the stated assumption" : string.Empty;
            summary.Append($" Of the {priced.Count} priced issues in hot and library code listed below (each per call of its own function){scenario}, this one is {Math.Round(share * 100):0}%.");
        }

        summary.Append(" These figures are estimates from the skill's cost tables, not measurements.");
        return new HotPathHypothesis(summary.ToString(), evidence, top.Estimate);
    }

    private PatchSketch Sketch(IssueGroup group, IReadOnlyDictionary<string, SourceText> sources)
    {
        var finding = group.First;
        var support = Languages.LanguageSupport.For(finding.Rule.Language);
        var language = support.Name;
        var before = sources.TryGetValue(finding.Path, out var source) ? Excerpt(source, group) : "(source not available)";
        var slug = finding.Rule.Slug;
        var (block, origin) = GoodBlock(slug, language);
        if (source is not null && Fixed(source, group) is { } fixedExcerpt)
        {
            // The rule's own mechanical fix, on the reader's code: the After is their lines, changed.
            var (changed, outside) = fixedExcerpt;
            var elsewhere = outside.Count == 0 ? string.Empty : $" Also: {string.Join("; ", outside)}.";
            var pattern = block is null ? string.Empty : $" The skill's pattern: {origin}.";
            return new PatchSketch(language, finding.Path, finding.Start.Line, slug, before, changed,
                $"The mechanical fix for `{slug}` at line {finding.Start.Line} (`skillhost review --fix` makes it, `--format diff` writes it as a patch): {Sentence(finding.Fix)}{elsewhere}{pattern}", null, language)
            {
                AfterIsFix = true,
            };
        }

        if (block is not null)
        {
            return new PatchSketch(language, finding.Path, finding.Start.Line, slug, before, block.Code.TrimEnd(),
                $"Apply the skill's pattern for `{slug}` to line {finding.Start.Line}: {finding.Fix}", origin, block.Language?.ToLowerInvariant() ?? language);
        }

        var comment = support.LineComment;
        var after = $"{comment} {slug}: {finding.Fix}\n{comment} (the skill has no code for this item; rewrite the lines above accordingly)";
        return new PatchSketch(language, finding.Path, finding.Start.Line, slug, before, after, $"Change line {finding.Start.Line}: {finding.Fix}", null, language);
    }

    private static string Sentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    /// <summary>
    /// The excerpt of <see cref="Excerpt"/> with the group's edits applied, and the edits that fall outside it (an import
    /// at the top of the file), described; null unless every finding of the group has edits, some inside the excerpt.
    /// </summary>
    private static (string After, List<string> Outside)? Fixed(SourceText source, IssueGroup group)
    {
        // Only a whole fix: when some finding of the group needs judgement, the skill's pattern shows the change better.
        if (group.Findings.Any(f => f.Edits.Count == 0))
        {
            return null;
        }

        var edits = MechanicalFixes.Combine(group.Findings, source, out var stale);
        var (from, to) = ExcerptLines(source, group);
        var start = source.GetLineSpan(from).Start;
        var end = source.GetLineSpan(to).End;
        var inside = edits.Where(e => e.Span.Start >= start && e.Span.End <= end).ToList();
        if (stale || inside.Count == 0)
        {
            return null;
        }

        var text = SourceEdit.Apply(source.Text[start..end], inside, start);
        var after = string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).Trim('\n');
        var outside = edits.Except(inside).Select(e => e.Describe()).ToList();
        return (after, outside);
    }

    // The enclosing function when it is short, else a window of lines around the findings.
    private static string Excerpt(SourceText source, IssueGroup group)
    {
        var (from, to) = ExcerptLines(source, group);
        var lines = Enumerable.Range(from, Math.Max(1, to - from + 1)).Where(l => l <= source.LineCount).Select(l => source.ToString(source.GetLineSpan(l)).TrimEnd());
        return string.Join('\n', lines).Trim('\n');
    }

    // The flagged lines themselves, a line of context either side; the group's other findings when they fall within the window.
    private static (int From, int To) ExcerptLines(SourceText source, IssueGroup group)
    {
        var first = group.First;
        var from = Math.Max(1, first.Start.Line - 1);
        var to = Math.Min(source.LineCount, Math.Max(first.End.Line, first.Start.Line) + 1);
        foreach (var other in group.Findings.Skip(1))
        {
            var start = Math.Max(1, other.Start.Line - 1);
            var end = Math.Min(source.LineCount, other.End.Line + 1);
            if (Math.Min(start, from) >= Math.Max(end, to) - MaxSketchLines)
            {
                (from, to) = (Math.Min(start, from), Math.Max(end, to));
            }
        }

        to = Math.Min(to, from + MaxSketchLines);
        return (from, Math.Max(from, Math.Min(to, source.LineCount)));
    }

    // A GOOD (or BETTER) block of the skill for the slug: worked examples first, the file's language first.
    private (CodeBlock? Block, string? Origin) GoodBlock(string slug, string language)
    {
        var skill = Guide.Skill;
        var fromExamples = skill.Examples
            .SelectMany(e => e.FixCode.Select(b => (Block: b, Origin: $"Example {e.Id} — {e.Title}")))
            .Where(x => x.Block.Slug == slug);
        var fromTechniques = skill.CodeBlocks
            .Where(b => b.Slug == slug && b.Label is "GOOD" or "BETTER")
            .Select(b => (Block: b, Origin: b.Section is null ? "the skill" : $"{b.Section}{(b.Source is null ? string.Empty : $" ({b.Source})")}"));
        var candidates = fromExamples.Concat(fromTechniques).ToList();
        var best = candidates.FirstOrDefault(c => string.Equals(c.Block.Language, language, StringComparison.OrdinalIgnoreCase));
        if (best.Block is null && candidates.Count > 0)
        {
            best = candidates[0];
        }

        return (best.Block, best.Origin);
    }

    private List<string> Tradeoffs(List<ReportIssue> issues)
    {
        var items = new List<string>();
        foreach (var slug in issues.Select(i => i.Slug).Distinct(StringComparer.Ordinal))
        {
            var example = Guide.Skill.Examples.FirstOrDefault(e => e.Tradeoff is not null && e.FixCode.Any(b => b.Slug == slug));
            if (example is not null)
            {
                items.Add($"`{slug}`: {example.Tradeoff} (Example {example.Id})");
            }
        }

        var low = issues.Where(i => i.Confidence == "low").ToList();
        if (low.Count > 0)
        {
            var which = low.Count == 1 ? $"Issue {low[0].Rank} (`{low[0].RuleId}`) rests" : $"Issues {string.Join(", ", low.Select(i => i.Rank))} rest";
            items.Add($"{which} on low-confidence evidence: confirm {(low.Count == 1 ? "it" : "them")} with the measurement plan before changing the code.");
        }

        foreach (var issue in issues.Where(i => i.CodeClass == CodeClassification.Name(CodeClass.Library)).Take(1))
        {
            var advice = Guide.AdviceFor("librar");
            items.Add($"`{issue.Path}` is library code: callers are not in view, so keep the public signature or add the faster entry point beside the old one" + (advice is null ? "." : $" ({advice.Label}: {advice.Text})"));
        }

        foreach (var guardrail in Guide.Guardrails.Where(g => g.Label.StartsWith("keep", StringComparison.OrdinalIgnoreCase) || g.Label.StartsWith("default", StringComparison.OrdinalIgnoreCase)))
        {
            items.Add($"{guardrail.Label}: {guardrail.Text}");
        }

        if (items.Count == 0)
        {
            items.Add("No change is proposed, so nothing is at risk; any change made after profiling must keep the observable behaviour.");
        }

        return items;
    }

    private MeasurementPlan Plan(List<ReportIssue> issues, List<IssueGroup> groups)
    {
        var steps = new List<MeasurementStep>();
        var traps = new List<string>();
        if (issues.Count == 0)
        {
            foreach (var language in Guide.Tools.Select(t => t.Language).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (Pick(language, "sampling") is { } sampler)
                {
                    steps.Add(new MeasurementStep(sampler.Name, sampler.Language, sampler.Description, "the slow operation on a realistic input, to find where time goes"));
                }
            }

            return new MeasurementPlan(steps, "a profile in which one function or loop holds a clear share of the time (a hot spot to act on), or a flat profile that sends you to the skill's flat-profile playbook", traps);
        }

        var assumptionSaid = false;
        foreach (var (issue, group) in issues.Zip(groups).Take(3))
        {
            var language = group.First.Rule.Language == SourceLanguage.Rust ? "Rust" : "Python";
            var item = issue.Slug[(issue.Slug.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var asyncCode = group.First.Evidence.InAsyncContext;
            var tool = asyncCode ? Pick(language, "async", "sampling")
                : MemoryChecklistItems.Contains(item) ? Pick(language, "alloc", "memory", "heap")
                : CallCountChecklistItems.Contains(item) ? Pick(language, "call count", "sampling")
                : Pick(language, "sampling");
            tool ??= Guide.ToolsFor(language) is [var any, ..] ? any : null;
            // The assumed size is said once: the steps after the first name their code and the realistic input only.
            var target = Target(issue, sayAssumption: !assumptionSaid);
            if (tool is not null && steps.All(s => s.Tool != tool.Name || s.Target != target))
            {
                steps.Add(new MeasurementStep(tool.Name, tool.Language, tool.Description, target));
                assumptionSaid |= issue.Estimate is { Passes.Source: PassSource.Assumed };
            }

            // A microbenchmark times a function on its own: async code waits on a runtime, which a sampling profiler with
            // async-aware stacks sees and a benchmark harness does not.
            if (language == "Rust" && !asyncCode && Pick("Rust", "microbenchmark", "benchmark") is { } bench && issue.Function is not null && steps.All(s => s.Tool != bench.Name))
            {
                steps.Add(new MeasurementStep(bench.Name, bench.Language, bench.Description, $"`{issue.Function}` before and after the change, on the same input"));
            }

            foreach (var trap in Guide.Traps.Where(t => Applies(t, issue, group.First)))
            {
                var text = $"{trap.Label}: {trap.Text}";
                if (!traps.Contains(text))
                {
                    traps.Add(text);
                }
            }
        }

        return new MeasurementPlan(steps, Success(issues[0]), traps);
    }

    private MeasurementTool? Pick(string language, params string[] words) =>
        words.Select(w => Guide.ToolsFor(language).FirstOrDefault(t => t.Description.Contains(w, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(t => t is not null);

    private string Target(ReportIssue issue, bool sayAssumption)
    {
        var what = issue.Function is { } fn && fn != FunctionClassification.ModuleLevel ? $"`{fn}` ({issue.Path})" : $"`{issue.Path}` around line {issue.Line}";
        return sayAssumption && issue.Estimate is { Passes.Source: PassSource.Assumed }
            ? $"{what} on a realistic input: the estimate assumes {CostText.Count(AssumeN)} items where the code does not say, so use the real size"
            : $"{what} on a realistic input";
    }

    private static bool Applies(LabelledText trap, ReportIssue issue, Finding finding)
    {
        var text = (trap.Label + " " + trap.Text).ToLowerInvariant();
        return (text.Contains("gil", StringComparison.Ordinal) && (issue.Slug.StartsWith("pyo3/", StringComparison.Ordinal) || issue.Slug.EndsWith("sync-io-in-async", StringComparison.Ordinal)))
            || (text.Contains("async", StringComparison.Ordinal) && (finding.Evidence.InAsyncContext || issue.Slug.EndsWith("excessive-spawn", StringComparison.Ordinal)));
    }

    // The skill asks for "the number that counts as success": each criterion names one, fitted to what the fix changes.
    private static string Success(ReportIssue top)
    {
        var item = top.Slug[(top.Slug.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var what = top.Function is { } fn && fn != FunctionClassification.ModuleLevel ? $"`{fn}`" : $"the code at {top.Path}:{top.Line}";
        return item switch
        {
            // Padding is a share of each value, not a whole allocation.
            "struct-padding" => $"`size_of` the struct shrinks by its padding, and peak memory of {what} on the same input falls by at least 10%",
            _ when MemoryChecklistItems.Contains(item) =>
                $"{what} allocates at least 2× less on the same input (allocation count or peak memory, as the profiler reports them), and its peak memory grows no faster than its output when the input is 10× larger",

            // Blocking and one-at-a-time awaiting cost the other tasks' time, not this call's: concurrency shows the gain.
            "sync-io-in-async" => $"with 100 concurrent calls of {what}, the batch finishes at least 10× sooner, because the event loop no longer stops for each blocking call",
            "sequential-await" => $"on 100 items, one call of {what} takes at least 10× less wall time, because the independent awaits overlap instead of running one after another",

            // Measured: the criterion is the profile's own, checked the way `compare` checks it.
            _ when top.Estimate?.Measured is { Share: > 0 } measured =>
                $"profiled again with {measured.Profiler} on the same input, {what} (now {EstimateText.Percent(measured.Share)} of the run) is at least {Profiles.ProfileComparison.TargetSpeedUp:0}× faster and the run is faster: `skillhost compare BEFORE AFTER` (or compare_profiles) checks it",
            _ => top.Estimate is null
                ? $"the median time per call of {what} falls by at least 10% over repeated runs on the same input"
                : $"the median time per call of {what} falls by about the estimated cost of the issue ({EstimateText.PerCall(top.Estimate)}); a measured drop within 10× of that confirms the hypothesis, a far smaller one sends you back to the profile",
        };
    }
}
