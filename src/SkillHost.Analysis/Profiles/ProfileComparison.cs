using SkillHost.Analysis.Cost;

namespace SkillHost.Analysis.Profiles;

/// <summary>One function's time before and after a change.</summary>
/// <param name="Before">Inclusive cost before (seconds or samples); 0 when the function did not run.</param>
/// <param name="SpeedUp">Before ÷ after; null when it no longer runs (or did not run before).</param>
public sealed record FunctionChange(string Name, string? File, double Before, double After, double BeforeShare, double AfterShare, double? SpeedUp, long? CallsBefore, long? CallsAfter);

/// <summary>
/// The skill's "measure again": two profiles of the same program, function by function (matched by name and file
/// name, since the paths may differ), the change as a ratio and whether the success criterion is met — the run got
/// faster and the function that dominated it before (by its own time) is at least <see cref="TargetSpeedUp"/>× faster.
/// </summary>
public sealed record ProfileComparison(
    string Before,
    string After,
    string Unit,
    double BeforeTotal,
    double AfterTotal,
    double? SpeedUp,
    string? Target,
    double? TargetSpeedUpMeasured,
    string Criterion,
    bool Met,
    string Verdict,
    IReadOnlyList<FunctionChange> Functions,
    IReadOnlyList<string> Notes)
{
    /// <summary>How much faster the dominant function must get for the change to count as the fix.</summary>
    public const double TargetSpeedUp = 2;

    /// <summary>Compares; null (and why) when the two cannot be compared (one counts seconds, the other samples).</summary>
    public static ProfileComparison? Compare(Profile before, Profile after, out string? problem, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        problem = null;
        if (before.Unit != after.Unit)
        {
            problem = $"the profiles count different things ({UnitOf(before)} before, {UnitOf(after)} after): record both with the same profiler";
            return null;
        }

        // Matched by name and file name; a function whose file was renamed is matched by its name when that is unique on both sides.
        var afterByKey = new Dictionary<(string, string?), ProfileFunction>();
        foreach (var f in after.Functions)
        {
            afterByKey.TryAdd(Key(f), f);
        }

        var matched = new HashSet<(string, string?)>();
        var pairs = new List<(ProfileFunction? Before, ProfileFunction? After)>();
        var unmatched = new List<ProfileFunction>();
        foreach (var b in before.Functions)
        {
            if (afterByKey.TryGetValue(Key(b), out var a) && matched.Add(Key(a)))
            {
                pairs.Add((b, a));
            }
            else if (!afterByKey.ContainsKey(Key(b)))
            {
                unmatched.Add(b);
            }
        }

        var afterLeft = after.Functions.Where(a => !matched.Contains(Key(a))).ToList();
        var afterByName = afterLeft.GroupBy(a => ProfileFrame.ShortName(a.Name), StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var beforeNames = unmatched.GroupBy(b => ProfileFrame.ShortName(b.Name), StringComparer.Ordinal).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var b in unmatched)
        {
            var name = ProfileFrame.ShortName(b.Name);
            if (beforeNames.Contains(name) && afterByName.Remove(name, out var a))
            {
                matched.Add(Key(a));
                pairs.Add((b, a));
            }
            else
            {
                pairs.Add((b, null));
            }
        }

        pairs.AddRange(afterLeft.Where(a => !matched.Contains(Key(a))).Select(a => ((ProfileFunction?)null, (ProfileFunction?)a)));
        var changes = pairs.Select(p => Change(p.Before is { } pb ? pb.Name : p.After!.Name, p.Before is { } pf ? pf.File : p.After!.File, p.Before?.Total ?? 0, p.After?.Total ?? 0, before, after, p.Before?.Calls, p.After?.Calls)).ToList();

        var dominant = before.Functions.OrderByDescending(f => f.Self).FirstOrDefault();
        var target = dominant is null ? null : changes.FirstOrDefault(c => c.Name == dominant.Name && c.File == dominant.File);
        double? targetSpeedUp = target is null ? null : target.After > 0 ? target.Before / target.After : double.PositiveInfinity;
        double? speedUp = after.Total > 0 ? before.Total / after.Total : null;
        var faster = after.Total < before.Total;
        var met = faster && targetSpeedUp >= TargetSpeedUp;
        var criterion = dominant is null
            ? "the run gets faster"
            : $"the run gets faster and `{dominant.Name}`, the largest own time before ({EstimateText.Percent(before.ShareOf(dominant.Self))}), gets at least {TargetSpeedUp:0}× faster";
        var verdict = target is null ? (faster ? $"The run is {Ratio(speedUp)} faster." : "The run is not faster.")
            : $"`{target.Name}`: {Amount(before, target.Before)} → {Amount(after, target.After)} ({(target.After == 0 ? "no longer measured" : $"{Ratio(targetSpeedUp)} faster")}); the run: {Amount(before, before.Total)} → {Amount(after, after.Total)} ({(faster ? $"{Ratio(speedUp)} faster" : "not faster")}). {(met ? "The success criterion is met." : "The success criterion is not met: go back to the profile.")}";
        var notes = new List<string>();
        if (before.Unit == ProfileUnit.Samples)
        {
            notes.Add("Both profiles count samples: samples stand for time only when both runs were sampled at the same rate.");
        }

        if (before.Format != after.Format)
        {
            notes.Add($"The profiles come from different tools ({before.ProfilerName}, {after.ProfilerName}); their overheads differ.");
        }

        var ordered = changes.OrderByDescending(c => Math.Abs(c.Before - c.After)).ThenBy(c => c.Name, StringComparer.Ordinal).Take(limit).ToList();
        return new ProfileComparison(before.Source, after.Source, UnitOf(before), before.Total, after.Total, speedUp, target?.Name, targetSpeedUp is { } t && double.IsFinite(t) ? t : null, criterion, met, verdict, ordered, notes);
    }

    private static FunctionChange Change(string name, string? file, double b, double a, Profile before, Profile after, long? callsBefore, long? callsAfter) =>
        new(name, file, b, a, before.ShareOf(b), after.ShareOf(a), b > 0 && a > 0 ? b / a : null, callsBefore, callsAfter);

    private static (string, string?) Key(ProfileFunction f) => (ProfileFrame.ShortName(f.Name), FileName(f.File));

    private static string? FileName(string? path) => path is null ? null : Path.GetFileName(path.Replace('\\', '/'));

    private static string UnitOf(Profile p) => p.Unit == ProfileUnit.Seconds ? "seconds" : "samples";

    private static string Amount(Profile p, double value) => p.Unit == ProfileUnit.Seconds ? EstimateText.Seconds(value) : $"{value:N0} samples";

    private static string Ratio(double? ratio) => ratio is { } r && double.IsFinite(r)
        ? r.ToString(r >= 10 ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + "×"
        : "∞×";
}
