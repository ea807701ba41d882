using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>One Rust token: its kind and where it lies; no text is copied.</summary>
public readonly record struct RustToken(RustTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public bool IsTrivia => Kind is RustTokenKind.LineComment or RustTokenKind.BlockComment
        or RustTokenKind.OuterDocComment or RustTokenKind.InnerDocComment or RustTokenKind.Shebang;
}
