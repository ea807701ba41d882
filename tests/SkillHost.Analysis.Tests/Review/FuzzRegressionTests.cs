using System.Diagnostics;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Workflow;

namespace SkillHost.Analysis.Tests.Review;

/// <summary>
/// Inputs the fuzzer (tests/Benchmarks `fuzz`) found, replayed through the whole review and every renderer: fixed ones
/// (tests/fuzz/regressions) must stay fixed, known ones (tests/fuzz/known, see KNOWN.md) must at least end without an exception.
/// </summary>
public sealed class FuzzRegressionTests
{
    private const string None = "(none)";

    private static readonly ReportTool Tool = new("skillhost", "0.0.0-test", ReportTool.DefaultInformationUri);

    public static TheoryData<string> Regressions => Inputs("regressions");

    public static TheoryData<string> Known => Inputs("known");

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Given_an_input_that_once_failed_When_reviewed_in_full_Then_it_ends_quickly_without_an_exception_or_a_rule_failure(string name)
    {
        Assert.SkipWhen(name == None, "tests/fuzz/regressions holds no input yet");
        var clock = Stopwatch.StartNew();

        var failures = ReviewAndRender(name, "regressions");

        Assert.Empty(failures);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name} took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Theory]
    [MemberData(nameof(Known))]
    public void Given_an_input_of_a_known_defect_When_reviewed_in_full_Then_it_still_ends_without_an_exception(string name) =>
        Assert.Empty(ReviewAndRender(name, "known"));

    private static IReadOnlyList<RuleFailure> ReviewAndRender(string name, string folder)
    {
        var path = RepoPaths.Combine("tests", "fuzz", folder, name);
        var result = WorkflowFixture.Workflow.ReviewPaths([path], Path.GetDirectoryName(path)!);
        var report = new ReviewReport(result.Outcome, RuleCatalog.All, Tool, Path.GetDirectoryName(path)!, result.Report);
        foreach (var format in (string[])[ReportFormats.Text, ReportFormats.Markdown, ReportFormats.Json, ReportFormats.Sarif, ReportFormats.Diff])
        {
            ReportFormats.Write(format, report, TextWriter.Null);
        }

        Assert.Single(result.Outcome.Files);
        return result.Outcome.RuleFailures;
    }

    // A theory needs a row: an empty folder gives the placeholder None, which is skipped.
    private static TheoryData<string> Inputs(string folder)
    {
        var names = Directory.EnumerateFiles(RepoPaths.Combine("tests", "fuzz", folder))
            .Select(f => Path.GetFileName(f))
            .Where(n => !n.StartsWith('.') && !n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return [.. names.Count == 0 ? [None] : names];
    }
}
