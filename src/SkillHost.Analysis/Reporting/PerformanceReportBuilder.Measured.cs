using System.Text;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Cost;
using SkillHost.Analysis.Profiles;

namespace SkillHost.Analysis.Reporting;

public sealed partial class PerformanceReportBuilder
{
    /// <summary>How many of the profile's hottest functions the hypothesis lists as evidence.</summary>
    private const int HotFunctionsListed = 5;

    // With a profile the hypothesis starts from the measurement: the hottest reviewed function, the finding that explains
    // it (or that no rule does, with the skill's levers), or the skill's flat-profile playbook when nothing stands out.
    private HotPathHypothesis MeasuredHypothesis(List<ReportIssue> issues, List<IssueGroup> groups, IReadOnlyList<FileClassification> classified, bool verbose, IReadOnlyList<ProfileAttribution> profiles)
    {
        var statics = Hypothesis(issues, groups, classified, verbose);
        var attribution = profiles.FirstOrDefault(p => p.CoversReviewedCode) ?? profiles[0];
        var profile = attribution.Profile;
        var measurement = profiles.Select(a => $"{a.Profile.ProfilerName} profile `{a.Profile.Source}`, {Amount(a.Profile, a.Profile.Total)} in all: "
            + string.Join("; ", a.BySelf.Take(HotFunctionsListed).Select(f => $"`{f.Function.Name}`{Where(f)} {EstimateText.Percent(f.SelfShare)} (with callees {EstimateText.Percent(f.Share)}{Calls(f.Function)})"))).ToList();
        var evidence = statics.Evidence;
        var top = issues.FirstOrDefault();
        var summary = new StringBuilder();
        if (attribution.IsFlat)
        {
            var largest = attribution.BySelf.FirstOrDefault();
            summary.Append($"The profile is flat: no function takes more than {EstimateText.Percent(ProfileAttribution.FlatSelfShare)} of the run by itself");
            summary.Append(largest is null ? "." : $" (the largest, `{largest.Function.Name}`, takes {EstimateText.Percent(largest.SelfShare)}).");
            summary.Append(Playbook());
            if (top is not null)
            {
                summary.Append($" The issues below are ranked by measured share; the first is in `{top.Function ?? top.Path}`.");
            }
        }
        else if (!attribution.CoversReviewedCode)
        {
            var hottest = attribution.BySelf.First();
            summary.Append($"The profile measured no reviewed file: its hottest function is `{hottest.Function.Name}`{Where(hottest)} ({EstimateText.Percent(hottest.SelfShare)} of {Amount(profile, profile.Total)} by itself). Review the code that profile ran, or profile the code under review; the issues below keep their estimated ranking.");
        }
        else if (attribution.BySelf.FirstOrDefault(f => f.Path is not null && f.SourceName != FunctionClassification.ModuleLevel) is not { } hottest)
        {
            // The profile ran the reviewed files, but none of its functions is one the review knows (module-level code, renamed functions).
            var largest = attribution.BySelf.First();
            summary.Append($"The profile ran the reviewed files but names none of their functions; its hottest function is `{largest.Function.Name}` ({EstimateText.Percent(largest.SelfShare)} of {Amount(profile, profile.Total)} by itself). Check that the profile is of this version of the code.");
        }
        else
        {
            var outside = attribution.BySelf.First();
            summary.Append($"Measured: `{hottest.SourceName}` ({hottest.Path}:{hottest.SourceLine}) is {EstimateText.Percent(hottest.Share)} of {Amount(profile, profile.Total)} in {profile.ProfilerName} ({EstimateText.Percent(hottest.SelfShare)} in the function itself{Calls(hottest.Function)}).");
            if (outside != hottest && outside.SelfShare > hottest.SelfShare)
            {
                summary.Append($" More time is spent in `{outside.Function.Name}` ({EstimateText.Percent(outside.SelfShare)} by itself), outside the reviewed code; look at who calls it.");
            }

            var explaining = issues.FirstOrDefault(i => i.Path == hottest.Path && i.Function == hottest.SourceName);
            if (explaining is not null)
            {
                summary.Append($" The finding that explains it: {explaining.Issue.TrimEnd().TrimEnd('.')} ({explaining.Path}:{explaining.Line}, `{explaining.RuleId}` `{explaining.Slug}`).");
            }
            else
            {
                summary.Append($" No rule explains `{hottest.SourceName}`: no checklist item fired in it.{Levers()}");
                if (top?.Estimate?.Measured is { Share: > 0 })
                {
                    summary.Append($" The largest measured issue is in `{top.Function ?? top.Path}`: {top.Issue.TrimEnd().TrimEnd('.')}.");
                }
            }
        }

        summary.Append(" Figures labelled measured come from the profile; the rest are estimates from the skill's cost tables.");
        var named = issues.FirstOrDefault(i => i.Estimate?.Measured is { Share: > 0 }) ?? top;
        return new HotPathHypothesis(summary.ToString(), evidence, named?.Estimate) { Measurement = measurement };
    }

    private string Playbook()
    {
        var playbook = Guide.FlatProfilePlaybook;
        return playbook.Count == 0
            ? " Look for many small wins rather than one hot spot."
            : $" The skill's {Guide.FlatProfileTitle?.ToLowerInvariant() ?? "flat-profile playbook"}: {string.Join(" ", playbook.Select(p => Sentence(p.Label.Length > 0 ? $"{p.Label}: {p.Text}" : p.Text)))}";
    }

    private string Levers()
    {
        var levers = Guide.Levers;
        return levers.Count == 0
            ? " Read it for work that grows with the input."
            : $" The skill's step 4: try the levers in order — {string.Join("; ", levers.Select(l => l.Label.Length > 0 ? l.Label : l.Text))}.";
    }

    private static string Where(AttributedFunction f) => f.Path is null ? string.Empty : $" ({f.Path}:{f.SourceLine})";

    private static string Calls(ProfileFunction f) => f.Calls is { } c ? $", {c:N0} {(c == 1 ? "call" : "calls")}" : string.Empty;

    private static string Amount(Profile profile, double value) =>
        profile.Unit == ProfileUnit.Seconds ? EstimateText.Seconds(value) : $"{value:N0} samples";
}
