using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>One Rust token: its kind and where it lies; no text is copied.</summary>
public readonly record struct RustToken(RustTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    /// <summary>Comments, doc comments and the shebang (contiguous kinds).</summary>
    public bool IsTrivia => (uint)(Kind - RustTokenKind.Shebang) <= RustTokenKind.InnerDocComment - RustTokenKind.Shebang;
}
