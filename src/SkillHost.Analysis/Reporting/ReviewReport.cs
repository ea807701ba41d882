using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Reporting;

/// <summary>Who wrote a report: the tool's name, version and home page (SARIF <c>tool.driver</c>).</summary>
public sealed record ReportTool(string Name, string Version, string InformationUri)
{
    /// <summary>Placeholder home page until the project publishes one; a single place to change.</summary>
    public const string DefaultInformationUri = "https://github.com/skillhost/skillhost";
}

/// <summary>Everything a renderer needs: the outcome, every rule of the catalogue (SARIF describes them all), the tool and the working folder paths are relative to.</summary>
/// <param name="Performance">The five-part report of the same review, when the skill can drive one: Markdown renders it, JSON and SARIF carry it.</param>
public sealed record ReviewReport(ReviewOutcome Outcome, IReadOnlyList<Rule> Catalogue, ReportTool Tool, string WorkingDirectory, PerformanceReport? Performance = null);

/// <summary>The output formats of <c>skillhost review</c>.</summary>
public static class ReportFormats
{
    public const string Markdown = "markdown";
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string Diff = "diff";
    public const string GitHub = "github";
    public const string GitLab = "gitlab";
    public const string JUnit = "junit";

    /// <summary>Every format, the default (the five-part report) first.</summary>
    public static IReadOnlyList<string> All { get; } = [Markdown, Text, Json, Sarif, Diff, GitHub, GitLab, JUnit];

    public static void Write(string format, ReviewReport report, TextWriter writer)
    {
        switch (format)
        {
            case Json:
                JsonReportRenderer.Write(report, writer);
                break;
            case Sarif:
                SarifReportRenderer.Write(report, report.Performance, writer);
                break;
            case Markdown:
                MarkdownReportRenderer.Write(report.Performance ?? throw new ArgumentException("the Markdown format renders the five-part report, which this review has not built", nameof(report)), writer);
                break;
            case Text:
                TextReportRenderer.Write(report, writer);
                break;
            case Diff:
                DiffReportRenderer.Write(report, writer);
                break;
            case GitHub:
                GitHubAnnotationsRenderer.Write(report, writer);
                break;
            case GitLab:
                GitLabCodeQualityRenderer.Write(report, writer);
                break;
            case JUnit:
                JUnitReportRenderer.Write(report, writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, $"use one of {string.Join(", ", All)}");
        }
    }
}
