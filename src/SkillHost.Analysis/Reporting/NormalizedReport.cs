namespace SkillHost.Analysis.Reporting;

/// <summary>One part of a normalised report: the skill's name for it and the content found (Markdown), empty when absent.</summary>
/// <param name="FoundAs">The heading or key it was found under in the input, or null when absent.</param>
public sealed record NormalizedPart(string Name, string Content, bool Present, string? FoundAs);

/// <summary>
/// A report an agent wrote, rearranged into the skill's five parts (its names, its order), with what is missing.
/// </summary>
/// <param name="InputFormat">"markdown" or "json": how the input was read.</param>
/// <param name="Parts">The five parts in the skill's order.</param>
/// <param name="Missing">Each gap, one sentence: an absent or empty part, an issue without a fix, a plan without a success criterion…</param>
/// <param name="Unplaced">Content that belongs to no part (text before the first part, unknown headings), kept rather than lost.</param>
/// <param name="Markdown">The normalised report as Markdown, with the skill's part names as headings.</param>
public sealed record NormalizedReport(string InputFormat, IReadOnlyList<NormalizedPart> Parts, IReadOnlyList<string> Missing, string Unplaced, string Markdown)
{
    /// <summary>True when every part is present and nothing is missing.</summary>
    public bool IsComplete => Missing.Count == 0;
}
