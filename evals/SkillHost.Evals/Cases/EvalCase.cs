using System.Collections.Immutable;

namespace SkillHost.Evals.Cases;

/// <summary>The language a case is about; <see cref="PyO3"/> is Rust and Python across the PyO3 boundary.</summary>
public enum CaseLanguage
{
    Python,
    Rust,
    PyO3,
}

/// <summary>
/// One eval: the task given to the agent and what a good answer must show. The first five members are the
/// Agent Skills eval schema (<c>evals.json</c>); <see cref="Assertions"/> are the machine-checkable part.
/// </summary>
/// <param name="Origin">Where the case came from: "evals.json" or "SKILL.md example A".</param>
public sealed record EvalCase(
    string Id,
    string Prompt,
    string ExpectedOutput,
    ImmutableArray<CaseFile> Files,
    ImmutableArray<string> Expectations,
    CaseAssertions Assertions,
    string Origin)
{
    /// <summary>Where a case cut from a real repository came from; null for the skill's examples and our own files.</summary>
    public CaseSource? Source { get; init; }

    /// <summary>How to run the case's code and the report's patched code to measure the advice; null when it cannot run here.</summary>
    public MeasureSpec? Measure { get; init; }
}

/// <summary>The repository, pinned commit and file a real-code case was cut from.</summary>
public sealed record CaseSource(string Repository, string Commit, string Path);

/// <summary>An input file of a case: its path as the agent sees it, and its text.</summary>
public sealed record CaseFile(string Path, string Content);

/// <summary>What the scorer checks by machine.</summary>
/// <param name="Slugs">Checklist slugs of the expected top issue (<c>python/quadratic</c>); naming one counts as finding it.</param>
/// <param name="IssueKeywords">Words or code that identify the expected top issue when its slug is not named; any one suffices.</param>
/// <param name="FixIncludesAny">The fix goes the right way when its text or the patch's new code contains one of these.</param>
/// <param name="FixExcludes">The patch's new code must not contain these (the pattern being fixed).</param>
public sealed record CaseAssertions(
    CaseLanguage Language,
    ImmutableArray<string> Slugs,
    ImmutableArray<string> IssueKeywords,
    ImmutableArray<string> FixIncludesAny,
    ImmutableArray<string> FixExcludes)
{
    /// <summary>Slugs or words that no top issue may be about: code a careful reviewer leaves alone.</summary>
    public ImmutableArray<string> MustNotFlag { get; init; } = [];
}
