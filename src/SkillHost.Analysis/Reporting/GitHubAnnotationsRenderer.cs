using System.Text;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// The findings as GitHub Actions workflow commands, one line each: <c>::warning file=…,line=…,col=…,endLine=…,title=…::message</c>
/// (<c>::error</c> for high confidence), which the runner turns into annotations on the pull request. Values are
/// escaped as the runner unescapes them: <c>%</c>, CR and LF in the message; also <c>:</c> and <c>,</c> in properties.
/// </summary>
public static class GitHubAnnotationsRenderer
{
    public static void Write(ReviewReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var finding in report.Outcome.Findings)
        {
            var command = finding.Confidence == Confidence.High ? "error" : "warning";
            var title = $"{finding.Rule.Id} {finding.Rule.Slug}";
            var message = $"{finding.Message} Fix: {finding.Fix} ({finding.Confidence.ToString().ToLowerInvariant()} confidence)";
            writer.Write($"::{command} file={Property(finding.Path)},line={finding.Start.Line},col={finding.Start.Column},endLine={finding.End.Line},title={Property(title)}::{Data(message)}\n");
        }

        var outcome = report.Outcome;
        writer.Write($"::notice title=skillhost::{Data($"{outcome.Findings.Count} finding(s) in {outcome.FilesWithFindings} file(s), {outcome.Files.Count} file(s) reviewed")}\n");
    }

    /// <summary>A message: <c>%</c>, CR and LF escaped (the runner's <c>escapeData</c>).</summary>
    public static string Data(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch { '%' => "%25", '\r' => "%0D", '\n' => "%0A", _ => c.ToString() });
        }

        return escaped.ToString();
    }

    /// <summary>A property value: as <see cref="Data"/>, and <c>:</c> and <c>,</c> too (the runner's <c>escapeProperty</c>).</summary>
    public static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
