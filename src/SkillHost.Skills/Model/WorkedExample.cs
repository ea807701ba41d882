using System.Collections.Immutable;

namespace SkillHost.Skills;

/// <summary>An "Example X — title" section: input code, the issue, the fix (text and code), expected impact and tradeoff.</summary>
/// <param name="Id">What follows "Example", e.g. "A" or "1".</param>
/// <param name="Inputs">Code blocks before the <c>Fix:</c> part.</param>
/// <param name="FixCode">Code blocks after the <c>Fix:</c> part.</param>
public sealed record WorkedExample(
    string Id,
    string Title,
    int Line,
    ImmutableArray<CodeBlock> Inputs,
    string? Issue,
    string? Fix,
    ImmutableArray<CodeBlock> FixCode,
    string? Impact,
    string? Tradeoff,
    string? Source = null);
