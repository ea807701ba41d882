using System.Collections.Immutable;
using SkillHost.Skills.Durations;

namespace SkillHost.Skills;

/// <summary>A named back-of-the-envelope estimate: lines of <c>label: figure</c>.</summary>
public sealed record EstimationTemplate(string Name, int Line, ImmutableArray<TemplateLine> Lines, string? Source = null);

/// <summary>
/// One template line. <paramref name="Duration"/> is the figure's duration (the total for
/// <c>count × duration = total</c> lines, where <paramref name="Count"/> and <paramref name="PerItem"/> are also set).
/// </summary>
public sealed record TemplateLine(
    string Label,
    string Figure,
    DurationRange? Duration,
    double? Count,
    DurationRange? PerItem,
    int Line);
