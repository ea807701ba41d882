namespace SkillHost.Analysis.Text;

/// <summary>The languages the analysis core understands.</summary>
public enum SourceLanguage
{
    Unknown,
    Python,
    Rust,
}

/// <summary>What <see cref="LanguageDetector"/> decided, and why.</summary>
/// <param name="Language">The language.</param>
/// <param name="IsPyO3">A Rust file that uses pyo3 (imports it or carries its attributes).</param>
/// <param name="Reason">The evidence: "extension .py", "shebang python3", "content".</param>
public sealed record LanguageInfo(SourceLanguage Language, bool IsPyO3, string Reason);
