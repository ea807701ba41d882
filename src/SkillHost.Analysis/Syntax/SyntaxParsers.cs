using SkillHost.Analysis.Languages;
using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>The one entry point from source to structural model, whatever the language.</summary>
public static class SyntaxParsers
{
    /// <summary>Detects the language (extension, shebang, content) and parses; null when the language is unknown.</summary>
    public static SyntaxTree? Parse(SourceText text, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var info = LanguageDetector.Detect(path ?? text.Path, text);
        return info.Language == SourceLanguage.Unknown ? null : Parse(text, info.Language);
    }

    /// <summary>Parses as <paramref name="language"/>; <paramref name="forRules"/> keeps what the checklist rules reuse (the parser's tokens).</summary>
    public static SyntaxTree Parse(SourceText text, SourceLanguage language, bool forRules = false) => Parse(text, language, forRules, budget: null);

    /// <summary>As <see cref="Parse(SourceText, SourceLanguage, bool)"/>, stopping (<see cref="OperationCanceledException"/>) when the <paramref name="budget"/>'s token is cancelled.</summary>
    public static SyntaxTree Parse(SourceText text, SourceLanguage language, bool forRules, FileBudget? budget)
    {
        if (InjectedFailure.Value?.Invoke(text) is { } failure)
        {
            throw failure;
        }

        return LanguageSupport.For(language).Parse(text, forRules, budget);
    }

    /// <summary>
    /// For tests of the callers' containment: given the text about to be parsed, an exception to throw in place of parsing
    /// it (a parser bug, simulated), or null. Flows to the parallel workers of the review that sets it, and nowhere else.
    /// </summary>
    internal static readonly AsyncLocal<Func<SourceText, Exception?>?> InjectedFailure = new();

    public static bool IsSupportedExtension(string path) => LanguageSupport.ForPath(path) is not null;
}
