using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Skills;

namespace SkillHost.Benchmarks.Fuzz;

/// <summary>
/// What <c>skillhost review FILE</c> does, in-process: read, lex, build the structure, run every rule, classify, build
/// the five-part report and render it as text, Markdown, JSON and SARIF. A rule that throws is caught by the review
/// (a <see cref="RuleFailure"/>); the fuzzer counts it as a failure as much as an exception.
/// </summary>
internal sealed class FullReview
{
    private static readonly ReportTool Tool = new("skillhost", "0.0.0-fuzz", ReportTool.DefaultInformationUri);
    private readonly PerformanceWorkflow _workflow;

    public FullReview()
    {
        var skill = SkillParser.ParseFile(Path.Combine(BundledSkill.Folder(), SkillParser.SkillFileName));
        _workflow = new PerformanceWorkflow(skill, RuleCatalog.All);
    }

    /// <summary>Reviews <paramref name="file"/> and renders every format; returns the rule failures (none when all is well).</summary>
    public IReadOnlyList<RuleFailure> Run(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        var result = _workflow.ReviewPaths([file], folder);
        var report = new ReviewReport(result.Outcome, RuleCatalog.All, Tool, folder, result.Report);
        foreach (var format in (string[])[ReportFormats.Text, ReportFormats.Markdown, ReportFormats.Json, ReportFormats.Sarif, ReportFormats.Diff])
        {
            ReportFormats.Write(format, report, TextWriter.Null);
        }

        return result.Outcome.RuleFailures;
    }
}
