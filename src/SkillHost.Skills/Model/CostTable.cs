using System.Collections.Immutable;

namespace SkillHost.Skills;

/// <summary>A table pairing operations with durations, e.g. a latency reference table.</summary>
/// <param name="Title">The nearest heading above the table.</param>
/// <param name="Source">File the table came from, relative to the skill folder (null for SKILL.md).</param>
public sealed record CostTable(
    string Title,
    int Line,
    string OperationHeader,
    string DurationHeader,
    ImmutableArray<CostRow> Rows,
    string? Source = null);

/// <summary>One operation and its cost as a nanosecond range; <paramref name="Text"/> is the cell as written.</summary>
public sealed record CostRow(string Operation, double MinNs, double MaxNs, string Text, int Line);
