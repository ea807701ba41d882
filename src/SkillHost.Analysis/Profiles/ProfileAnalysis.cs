using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Profiles;

/// <summary>A finding that lies in a hot function: the rule that may explain its time.</summary>
public sealed record ExplainingFinding(string RuleId, string Slug, string Path, int Line, string Message, double? MeasuredShare);

/// <summary>One hot function: its own and inclusive share, its place in the reviewed code and the findings in it.</summary>
/// <param name="Self">Own cost in the profile's unit (seconds or samples).</param>
/// <param name="Total">Cost with callees.</param>
/// <param name="SourcePath">The reviewed file it is in, or null (outside the reviewed code, or no source given).</param>
public sealed record HotFunction(string Name, string? File, int Line, double SelfShare, double Share, double Self, double Total, long? Calls, string? SourcePath, int SourceLine, IReadOnlyList<ExplainingFinding> Findings);

/// <summary>One hot line (profiles whose frames carry lines).</summary>
public sealed record HotLine(string File, int Line, double SelfShare, double Share);

/// <summary>
/// What <c>skillhost profile</c> and <c>analyze_profile</c> answer: the hot functions and lines with self and total
/// shares, mapped to the reviewed source when given, the findings that explain them, and the skill's advice where no
/// single spot or no rule explains the time.
/// </summary>
/// <param name="Unit">"seconds" or "samples".</param>
/// <param name="Advice">The skill's flat-profile playbook when the profile is flat; its step-4 levers when no rule explains the hottest reviewed function; else empty.</param>
public sealed record ProfileAnalysis(
    string Source,
    string Profiler,
    string Unit,
    double Total,
    long Stacks,
    int FunctionCount,
    bool Flat,
    string Summary,
    IReadOnlyList<HotFunction> Functions,
    IReadOnlyList<HotLine> Lines,
    IReadOnlyList<string> Advice,
    IReadOnlyList<string> Diagnostics)
{
    /// <summary>Builds the analysis; <paramref name="findings"/> are the review's (empty without source).</summary>
    public static ProfileAnalysis Build(ProfileAttribution attribution, IReadOnlyList<Finding> findings, WorkflowGuide guide, IReadOnlyList<ProfileDiagnostic> diagnostics, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var profile = attribution.Profile;
        var functions = attribution.BySelf.Take(limit).Select(f => new HotFunction(
            f.Function.Name,
            f.Function.File,
            f.Function.Line,
            f.SelfShare,
            f.Share,
            f.Function.Self,
            f.Function.Total,
            f.Function.Calls,
            f.Path,
            f.SourceLine,
            f.Path is null ? [] : [.. findings
                .Where(x => x.Path == f.Path && x.Start.Line >= f.SourceLine && x.Start.Line <= Math.Max(f.SourceLine, f.SourceEndLine))
                .Select(x => new ExplainingFinding(x.Rule.Id, x.Rule.Slug, x.Path, x.Start.Line, x.Message, x.Measured?.Share))])).ToList();
        var mapped = attribution.CoversReviewedCode;
        var lines = profile.Lines.OrderByDescending(l => l.Total).ThenBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line).Take(Math.Min(limit, 20))
            .Select(l => new HotLine(l.File, l.Line, profile.ShareOf(l.Self), profile.ShareOf(l.Total))).ToList();
        var hottest = attribution.BySelf.FirstOrDefault(f => f.Path is not null && f.SourceName != Classification.FunctionClassification.ModuleLevel);
        var explained = hottest is not null && findings.Any(x => x.Path == hottest.Path && x.Start.Line >= hottest.SourceLine && x.Start.Line <= Math.Max(hottest.SourceLine, hottest.SourceEndLine));
        var flat = attribution.IsFlat;
        IReadOnlyList<string> advice = flat
            ? [.. guide.FlatProfilePlaybook.Select(p => p.Label.Length > 0 ? $"{p.Label}: {p.Text}" : p.Text)]
            : hottest is not null && !explained ? [.. guide.Levers.Select(l => l.Label.Length > 0 ? $"{l.Label}: {l.Text}" : l.Text)] : [];
        var amount = profile.Unit == ProfileUnit.Seconds ? EstimateText.Seconds(profile.Total) : $"{profile.Total:N0} samples";
        var top = attribution.BySelf.FirstOrDefault();
        var summary = top is null
            ? $"{profile.ProfilerName}: {amount}, no function."
            : flat
                ? $"{profile.ProfilerName}: {amount}; the profile is flat: no function takes more than {EstimateText.Percent(ProfileAttribution.FlatSelfShare)} by itself (the largest, `{top.Function.Name}`, {EstimateText.Percent(top.SelfShare)}). Follow the skill's {guide.FlatProfileTitle?.ToLowerInvariant() ?? "flat-profile playbook"}."
                : $"{profile.ProfilerName}: {amount}; `{top.Function.Name}` takes {EstimateText.Percent(top.SelfShare)} by itself ({EstimateText.Percent(top.Share)} with callees)."
                    + (hottest is null ? !mapped && findings.Count == 0 ? string.Empty : " No frame lies in the reviewed code."
                        : explained ? $" In the reviewed code the hottest is `{hottest.SourceName}` ({hottest.Path}:{hottest.SourceLine}), and a finding lies in it."
                        : $" In the reviewed code the hottest is `{hottest.SourceName}` ({hottest.Path}:{hottest.SourceLine}); no rule explains it: try the skill's step-4 levers in order.");
        return new ProfileAnalysis(
            profile.Source,
            profile.ProfilerName,
            profile.Unit == ProfileUnit.Seconds ? "seconds" : "samples",
            profile.Total,
            profile.Stacks,
            profile.Functions.Count,
            flat,
            summary,
            functions,
            lines,
            advice,
            [.. diagnostics.Select(d => d.ToString())]);
    }
}
