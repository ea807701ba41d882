using System.Text.Json;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Documentation;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools: the driver lists every rule of the catalogue with its ruff-style
/// help and checklist slug; each finding becomes a result located relative to <c>%SRCROOT%</c> (the
/// working folder); skipped files become tool-execution notifications.
/// </summary>
public static class SarifReportRenderer
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRoot = "%SRCROOT%";

    private static readonly SarifJsonContext Context = new(new JsonSerializerOptions(SarifJsonContext.Default.Options)
    {
        Encoder = JsonReportRenderer.Options.Encoder,
    });

    public static void Write(ReviewReport report, TextWriter writer) => Write(report, report?.Performance, writer);

    /// <summary>
    /// Writes the findings as SARIF results and, when <paramref name="performanceReport"/> is given, its five
    /// parts (Markdown, keyed by the skill's part names) in <c>runs[0].properties.performanceReport</c>.
    /// </summary>
    public static void Write(ReviewReport report, PerformanceReport? performanceReport, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var log = ToSarif(report);
        if (performanceReport is not null)
        {
            var parts = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < performanceReport.PartNames.Count; i++)
            {
                parts[performanceReport.PartNames[i]] = MarkdownReportRenderer.RenderPart(performanceReport, i);
            }

            log = log with { Runs = [log.Runs[0] with { Properties = new SarifRunProperties(parts, performanceReport.PartNames) }] };
        }

        writer.WriteLine(JsonSerializer.Serialize(log, Context.SarifLog));
    }

    /// <summary>error / warning / note: how sure the rule is that the finding is real and matters.</summary>
    public static string Level(Confidence confidence) => confidence switch
    {
        Confidence.High => "error",
        Confidence.Medium => "warning",
        _ => "note",
    };

    private static SarifLog ToSarif(ReviewReport report)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < report.Catalogue.Count; i++)
        {
            ruleIndex.TryAdd(report.Catalogue[i].Descriptor.Id, i);
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(report.WorkingDirectory)) + Path.DirectorySeparatorChar;
        var run = new SarifRun(
            new SarifTool(new SarifDriver(report.Tool.Name, report.Tool.Version, report.Tool.InformationUri, [.. report.Catalogue.Select(r => ToSarif(r.Descriptor))])),
            [new SarifInvocation(true, [.. report.Outcome.Skipped.Select(ToNotification)])],
            new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(new Uri(root).AbsoluteUri, null) },
            [.. report.Outcome.Findings.Select(f => ToSarif(f, ruleIndex.TryGetValue(f.Rule.Id, out var index) ? index : null))],
            "utf16CodeUnits");
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    private static SarifRule ToSarif(RuleDescriptor rule)
    {
        var text = RuleDocRenderer.TemplateText(rule);
        var markdown = RuleDocRenderer.TemplateMarkdown(rule);
        var tags = new[] { "performance", rule.Group.ToString().ToLowerInvariant(), rule.Slug };
        return new SarifRule(
            rule.Id,
            rule.Name,
            new SarifText(rule.WhatItDoes),
            new SarifText(rule.WhyBad),
            new SarifMultiformat(text, markdown),
            new SarifConfiguration("warning"),
            new SarifRuleProperties(rule.Slug, tags, rule.CostOperation, rule.TechniqueSection));
    }

    private static SarifResult ToSarif(Finding f, int? ruleIndex)
    {
        var evidence = f.Evidence;
        return new SarifResult(
            f.Rule.Id,
            ruleIndex,
            Level(f.Confidence),
            new SarifText(f.Message),
            [new SarifLocation(new SarifPhysicalLocation(Artifact(f.Path), new SarifRegion(f.Start.Line, f.Start.Column, f.End.Line, f.End.Column)))],
            new SarifResultProperties(
                f.Rule.Slug,
                new SarifEvidence(evidence.Facts, evidence.LoopDepth, evidence.InAsyncContext, evidence.PerItemFunction, JsonReportRenderer.Finite(evidence.Repetitions)),
                f.Fix,
                f.Impact.Text,
                f.Impact.Estimate,
                f.Impact.CostSource,
                JsonReportRenderer.Finite(f.Impact.RankingNs),
                JsonReportRenderer.ConfidenceText(f.Confidence)),
            f.Edits.Count == 0 ? null : [ToSarifFix(f)]);
    }

    private static SarifFix ToSarifFix(Finding f) => new(
        new SarifText(f.Fix),
        [new SarifArtifactChange(
            Artifact(f.Path),
            [.. f.Edits.Select(e => new SarifReplacement(
                new SarifRegion(e.Start.Line, e.Start.Column, e.End.Line, e.End.Column),
                e.NewText.Length == 0 ? null : new SarifArtifactContent(e.NewText)))])]);

    private static SarifNotification ToNotification(SkippedFile skipped) => new(
        "warning",
        new SarifText($"Skipped {skipped.Path}: {skipped.Describe()}"),
        [new SarifLocation(new SarifPhysicalLocation(Artifact(skipped.Path), null))],
        new SarifNotificationProperties(SkippedFile.ReasonText(skipped.Reason)));

    // Display paths are relative to the working folder (→ %SRCROOT%) unless the file lies outside it (→ an absolute file URI).
    private static SarifArtifactLocation Artifact(string displayPath) =>
        Path.IsPathRooted(displayPath)
            ? new SarifArtifactLocation(new Uri(displayPath).AbsoluteUri, null)
            : new SarifArtifactLocation(string.Join('/', displayPath.Split('/').Select(Uri.EscapeDataString)), SourceRoot);
}
