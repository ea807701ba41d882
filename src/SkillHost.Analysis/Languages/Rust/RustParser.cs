using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Builds the structural model of Rust source: lexing plus one structural pass, never throwing.</summary>
public static class RustParser
{
    public static SyntaxTree Parse(SourceText text) => Parse(text, CancellationToken.None);

    /// <summary>As <see cref="Parse(SourceText)"/>, checking <paramref name="cancellationToken"/> every few thousand token visits.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (a review cancelled, or a file's time budget spent).</exception>
    public static SyntaxTree Parse(SourceText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RustStructureBuilder.Build(text, cancellationToken);
    }
}
