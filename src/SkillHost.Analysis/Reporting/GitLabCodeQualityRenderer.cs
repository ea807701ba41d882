using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// The findings as a GitLab Code Quality report (a JSON array of issues: description, check_name, fingerprint,
/// severity, location.path and location.lines.begin), for <c>artifacts:reports:codequality</c>.
/// </summary>
public static class GitLabCodeQualityRenderer
{
    public static void Write(ReviewReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var finding in report.Outcome.Findings)
            {
                json.WriteStartObject();
                json.WriteString("description", $"{finding.Rule.Id} {finding.Message}");
                json.WriteString("check_name", finding.Rule.Slug);
                json.WriteString("fingerprint", Fingerprint(finding, seen));
                json.WriteString("severity", finding.Confidence switch { Confidence.High => "major", Confidence.Medium => "minor", _ => "info" });
                json.WriteStartObject("location");
                json.WriteString("path", finding.Path);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", finding.Start.Line);
                json.WriteNumber("end", finding.End.Line);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    // Stable across runs and unique within the report (GitLab keys issues by it): rule, path, message, and an ordinal
    // for repeats; no line number, so a finding that moves is the same issue.
    private static string Fingerprint(Finding finding, Dictionary<string, int> seen)
    {
        var key = $"{finding.Rule.Id}\n{finding.Path}\n{finding.Message}";
        var ordinal = seen[key] = seen.GetValueOrDefault(key) + 1;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{ordinal}")).AsSpan(0, 16));
    }
}
