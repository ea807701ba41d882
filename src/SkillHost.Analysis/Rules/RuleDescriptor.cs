using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>The checklist group a rule belongs to: the part of its slug before the slash.</summary>
public enum RuleGroup
{
    Python,
    Rust,
    PyO3,
}

/// <summary>
/// What a rule is, in the ruff doc template: what it does, why it is bad, an example, what to use
/// instead. The checklist wording and the cost figures are not here: they come from the parsed skill
/// (<see cref="SkillKnowledge"/>), looked up by <see cref="Slug"/> and <see cref="CostOperation"/>.
/// </summary>
/// <param name="Id">Stable, append-only id: PY001, RS001, PYO001.</param>
/// <param name="Slug">The checklist slug, e.g. "python/quadratic"; the part before the slash is the rule's <see cref="Group"/>.</param>
/// <param name="Name">Named after the anti-pattern, in PascalCase: "MembershipTestOnList".</param>
/// <param name="Language">The language of the files it inspects (PyO3 rules inspect Rust, except single-item-api which looks at Python).</param>
/// <param name="CostOperation">The operation of a skill cost-table row that prices one occurrence ("dict lookup", "PyO3 GIL acquire/release"), or null.</param>
/// <param name="TechniqueSection">A technique section of the skill the rule cites besides its checklist item, or null.</param>
/// <param name="NeedsRepetition">False for rules whose cost does not come from code that repeats (blocking the event loop, padding): their confidence does not depend on evidence of repetition.</param>
/// <param name="SavesOncePerCall">True for rules whose saving comes once per call of the enclosing function (pre-sizing a collection built once
/// per call saves about log2(N) reallocations): with no loop or per-item caller around the flagged code, nothing shows the saving adds up.</param>
public sealed record RuleDescriptor(
    string Id,
    string Slug,
    string Name,
    SourceLanguage Language,
    string WhatItDoes,
    string WhyBad,
    string Example,
    string UseInstead,
    string? CostOperation = null,
    string? TechniqueSection = null,
    bool NeedsRepetition = true,
    bool SavesOncePerCall = false)
{
    /// <summary>The checklist group, read from the slug ("pyo3/gil-per-item" → <see cref="RuleGroup.PyO3"/>) so it is stated once.</summary>
    public RuleGroup Group => GroupOf(Slug);

    /// <summary>The extension of the files the rule inspects (".py" or ".rs"): a rule's fixture and example snippets are named <c>{Id}{FileExtension}</c>.</summary>
    public string FileExtension => Languages.LanguageSupport.For(Language).DefaultExtension;

    private static RuleGroup GroupOf(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return slug[..Math.Max(0, slug.IndexOf('/', StringComparison.Ordinal))] switch
        {
            "python" => RuleGroup.Python,
            "rust" => RuleGroup.Rust,
            "pyo3" => RuleGroup.PyO3,
            _ => throw new ArgumentException($"a rule slug starts with python/, rust/ or pyo3/: '{slug}'", nameof(slug)),
        };
    }
}
