using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Profiles;

/// <summary>Writes a <see cref="ProfileAnalysis"/> or a <see cref="ProfileComparison"/> as text, Markdown or JSON.</summary>
public static class ProfileRenderer
{
    private static readonly ProfileJsonContext Json = new(new JsonSerializerOptions(ProfileJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Several analyses: one after the other in text and Markdown, one JSON array.</summary>
    public static void Write(IReadOnlyList<ProfileAnalysis> analyses, string format, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(w);
        if (format == "json")
        {
            w.WriteLine(JsonSerializer.Serialize(analyses, Json.IReadOnlyListProfileAnalysis));
            return;
        }

        for (var i = 0; i < analyses.Count; i++)
        {
            if (i > 0)
            {
                w.WriteLine();
            }

            Write(analyses[i], format, w);
        }
    }

    public static void Write(ProfileAnalysis analysis, string format, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(w);
        if (format == "json")
        {
            w.WriteLine(JsonSerializer.Serialize(analysis, Json.ProfileAnalysis));
            return;
        }

        var md = format == "markdown";
        w.WriteLine(md ? $"# Profile: `{analysis.Source}`" : $"profile {Line(analysis.Source)} ({analysis.Profiler}, {analysis.FunctionCount:N0} functions{(analysis.Stacks > 0 ? $", {analysis.Stacks:N0} stacks" : string.Empty)})");
        w.WriteLine();
        w.WriteLine(Line(analysis.Summary));
        w.WriteLine();
        if (md)
        {
            w.WriteLine("| Function | Self | Total | Calls | Source | Findings |");
            w.WriteLine("|---|---:|---:|---:|---|---|");
        }

        foreach (var f in analysis.Functions)
        {
            var where = f.SourcePath is null ? f.File is null ? string.Empty : $"{f.File}{(f.Line > 0 ? $":{f.Line}" : string.Empty)}" : $"{f.SourcePath}:{f.SourceLine}";
            var findings = string.Join(", ", f.Findings.Select(x => $"{x.RuleId} {x.Slug} line {x.Line}"));
            var calls = f.Calls is { } c ? c.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "";
            if (md)
            {
                w.WriteLine($"| `{Cell(f.Name)}` | {EstimateText.Percent(f.SelfShare)} | {EstimateText.Percent(f.Share)} | {calls} | {Cell(where)} | {Cell(findings)} |");
            }
            else
            {
                w.WriteLine($"{EstimateText.Percent(f.SelfShare),6} self {EstimateText.Percent(f.Share),6} total  {Line(f.Name)}{(where.Length > 0 ? $"  {Line(where)}" : string.Empty)}{(calls.Length > 0 ? $"  {calls} {(f.Calls == 1 ? "call" : "calls")}" : string.Empty)}");
                foreach (var x in f.Findings)
                {
                    w.WriteLine($"        explained by {x.RuleId} [{x.Slug}] {Line(x.Path)}:{x.Line}: {Line(x.Message)}");
                }
            }
        }

        if (analysis.Lines.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(md ? "## Hot lines\n\n| Line | Self | Total |\n|---|---:|---:|" : "hot lines:");
            foreach (var l in analysis.Lines)
            {
                w.WriteLine(md ? $"| `{Cell(l.File)}:{l.Line}` | {EstimateText.Percent(l.SelfShare)} | {EstimateText.Percent(l.Share)} |" : $"{EstimateText.Percent(l.SelfShare),6} self {EstimateText.Percent(l.Share),6} total  {Line(l.File)}:{l.Line}");
            }
        }

        if (analysis.Advice.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(md ? "## The skill's advice\n" : "the skill's advice:");
            foreach (var a in analysis.Advice)
            {
                w.WriteLine($"- {Line(a)}");
            }
        }

        foreach (var d in analysis.Diagnostics)
        {
            w.WriteLine();
            w.WriteLine($"warning: {Line(d)}");
        }
    }

    public static void Write(ProfileComparison comparison, string format, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(w);
        if (format == "json")
        {
            w.WriteLine(JsonSerializer.Serialize(comparison, Json.ProfileComparison));
            return;
        }

        var md = format == "markdown";
        var seconds = comparison.Unit == "seconds";
        string Amount(double v) => seconds ? EstimateText.Seconds(v) : $"{v:N0}";
        w.WriteLine(md ? $"# Compare `{comparison.Before}` → `{comparison.After}`" : $"compare {Line(comparison.Before)} -> {Line(comparison.After)} ({comparison.Unit})");
        w.WriteLine();
        w.WriteLine(Line(comparison.Verdict));
        w.WriteLine();
        w.WriteLine($"Success criterion: {Line(comparison.Criterion)} — {(comparison.Met ? "met" : "not met")}.");
        w.WriteLine();
        if (md)
        {
            w.WriteLine("| Function | Before | After | Change |");
            w.WriteLine("|---|---:|---:|---:|");
        }

        foreach (var f in comparison.Functions)
        {
            var change = f.SpeedUp is { } s ? s >= 1 ? $"{s:0.0}× faster" : $"{1 / s:0.0}× slower" : f.After == 0 ? "gone" : "new";
            w.WriteLine(md
                ? $"| `{Cell(f.Name)}` | {Amount(f.Before)} | {Amount(f.After)} | {change} |"
                : $"{Amount(f.Before),12} -> {Amount(f.After),-12} {change,-14} {Line(f.Name)}");
        }

        foreach (var note in comparison.Notes)
        {
            w.WriteLine();
            w.WriteLine($"note: {Line(note)}");
        }
    }

    private static string Line(string text) => PrintableText.Line(text);

    private static string Cell(string text) => PrintableText.Line(text).Replace("|", "\\|", StringComparison.Ordinal);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ProfileAnalysis))]
[JsonSerializable(typeof(IReadOnlyList<ProfileAnalysis>))]
[JsonSerializable(typeof(ProfileComparison))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
