using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Rules;

namespace SkillHost.Analysis.Tests.Reporting;

/// <summary>
/// The report of the checked-in fixture folder (Reporting/Fixture) under the test rules, rendered in
/// each format and compared with Reporting/Golden; <c>UPDATE_GOLDEN=1</c> rewrites the golden files.
/// </summary>
internal static class ReportGolden
{
    /// <summary>Stands for the machine-specific absolute path of the fixture folder in golden files.</summary>
    public const string RootPlaceholder = "file:///FIXTURE/";

    public static ReportTool Tool { get; } = new("skillhost", "0.0.0-test", ReportTool.DefaultInformationUri);

    public static string FixtureFolder => RepoPaths.Combine("tests", "SkillHost.Analysis.Tests", "Reporting", "Fixture");

    public static ReviewReport FixtureReport(IReadOnlyList<Rule>? rules = null)
    {
        var review = new ChecklistReview(RuleFixture.Skill, rules ?? TestRules.All);
        var outcome = new SourceReview(review).Run(["."], FixtureFolder);
        return new ReviewReport(outcome, TestRules.All, Tool, FixtureFolder);
    }

    /// <summary>The review of <paramref name="folder"/> (all of it) with <paramref name="rules"/>, paths relative to it.</summary>
    public static ReviewReport ReviewFolder(string folder, IReadOnlyList<Rule> rules)
    {
        var outcome = new SourceReview(new ChecklistReview(RuleFixture.Skill, rules)).Run(["."], folder);
        return new ReviewReport(outcome, rules, Tool, folder);
    }

    /// <summary>The report in <paramref name="format"/>, as written.</summary>
    public static string Write(string format, ReviewReport report)
    {
        using var writer = new StringWriter();
        ReportFormats.Write(format, report, writer);
        return writer.ToString();
    }

    public static string Render(string format, ReviewReport report)
    {
        var root = new Uri(Path.TrimEndingDirectorySeparator(report.WorkingDirectory) + "/").AbsoluteUri;
        return Write(format, report).Replace(root, RootPlaceholder, StringComparison.Ordinal);
    }

    public static void Verify(string goldenName, string actual) =>
        GoldenFile.Verify(GoldenFile.SourceFolder(Path.Combine("Reporting", "Golden", goldenName)), actual);
}
