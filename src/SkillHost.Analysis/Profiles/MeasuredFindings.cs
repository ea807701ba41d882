using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Profiles;

/// <summary>
/// Puts the profiles' measurements on the findings and ranks by them: each finding's estimate gets
/// <see cref="FindingEstimate.Measured"/>, a call count the profile made replaces an assumed pass count
/// (<see cref="PassSource.Profile"/>), and findings are ordered by measured share (code with no samples sinks, keeping
/// the estimate's order among itself).
/// </summary>
public static class MeasuredFindings
{
    public static IReadOnlyList<Finding> Apply(
        IReadOnlyList<Finding> findings,
        IReadOnlyList<ProfileAttribution> profiles,
        IReadOnlyList<FileClassification> files,
        IReadOnlyDictionary<string, SourceText> sources)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sources);
        if (profiles.Count == 0)
        {
            return findings;
        }

        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var measured = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var file = byPath.GetValueOrDefault(finding.Path);
            var measurement = profiles.Select(p => p.Measure(finding, file)).OfType<MeasuredCost>().MaxBy(m => m.Share);
            var updated = finding with { Measured = measurement };
            if (finding.Impact.Estimate is { } estimate)
            {
                var passes = estimate.Passes;
                var total = estimate.Total;
                if (passes.Source == PassSource.Assumed && sources.TryGetValue(finding.Path, out var source)
                    && Counted(profiles, finding, file, source) is { } counted)
                {
                    passes = new EstimatePasses(counted.PassesPerCall, PassSource.Profile, [counted.Basis]);
                    total = new EstimateTotal(estimate.PerPass.MinNs * counted.PassesPerCall, estimate.PerPass.MaxNs * counted.PassesPerCall);
                }

                var withMeasurement = estimate with { Passes = passes, Total = total, Measured = measurement };
                updated = updated with { Impact = finding.Impact with { Estimate = withMeasurement, RankingNs = withMeasurement.Scenario.MidNs } };
            }

            measured.Add(updated);
        }

        // Stable: among findings of equal (or no) measured share the estimate's ranking stands.
        return [.. measured.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Measured?.Share ?? 0).ThenBy(x => x.i).Select(x => x.f)];
    }

    // The flagged expression names the call best ("json.loads(blob)", not the "records.append" around it); its lines are the fallback.
    private static (double PassesPerCall, string Basis)? Counted(IReadOnlyList<ProfileAttribution> profiles, Finding finding, FileClassification? file, SourceText source)
    {
        var flagged = finding.Span.End <= source.Text.Length ? source.ToString(finding.Span) : string.Empty;
        return profiles.Select(p => p.CountedPasses(finding, file, flagged) ?? p.CountedPasses(finding, file, Lines(source, finding))).FirstOrDefault(c => c is not null);
    }

    private static string Lines(SourceText source, Finding finding)
    {
        try
        {
            var start = source.GetLineSpan(finding.Start.Line).Start;
            var end = source.GetLineSpan(finding.End.Line).End;
            return source.Text[start..Math.Max(start, end)];
        }
        catch (ArgumentOutOfRangeException)
        {
            return source.ToString(finding.Span);
        }
    }
}
