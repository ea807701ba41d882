using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Builds the structural model of Rust source: lexing plus one structural pass, never throwing.</summary>
public static class RustParser
{
    public static SyntaxTree Parse(SourceText text) => Parse(text, budget: null);

    /// <summary>As <see cref="Parse(SourceText)"/>, checking the <paramref name="budget"/>'s token every few thousand token visits.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (a review cancelled, or the file's time budget spent).</exception>
    public static SyntaxTree Parse(SourceText text, FileBudget? budget) => Parse(text, keepTokens: false, budget);

    /// <summary>
    /// As <see cref="Parse(SourceText, FileBudget?)"/>; with <paramref name="keepTokens"/> the tree keeps the parser's
    /// tokens (comments dropped) for the checklist rules, which would otherwise lex the file a second time.
    /// </summary>
    public static SyntaxTree Parse(SourceText text, bool keepTokens, FileBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RustStructureBuilder.Build(text, keepTokens, budget?.Token ?? CancellationToken.None);
    }
}
