namespace SkillHost.Analysis.Languages.Rust;

/// <summary>The kind of a Rust token; keywords get one kind each so the structure builder can switch on them.</summary>
public enum RustTokenKind : byte
{
    EndOfFile,

    /// <summary>A character that starts no Rust token (also NUL and stray bytes).</summary>
    Unknown,
    Shebang,

    LineComment,
    BlockComment,

    /// <summary><c>///</c> or <c>/** */</c>.</summary>
    OuterDocComment,

    /// <summary><c>//!</c> or <c>/*! */</c>.</summary>
    InnerDocComment,

    Identifier,

    /// <summary><c>r#type</c>.</summary>
    RawIdentifier,

    /// <summary><c>'a</c>, <c>'static</c>, <c>'_</c>, and loop labels <c>'outer</c>.</summary>
    Lifetime,

    IntegerLiteral,
    FloatLiteral,
    CharLiteral,
    ByteLiteral,
    StringLiteral,
    ByteStringLiteral,
    CStringLiteral,
    RawStringLiteral,
    RawByteStringLiteral,
    RawCStringLiteral,

    // Strict keywords.
    As,
    Async,
    Await,
    Break,
    Const,
    Continue,
    Crate,
    Dyn,
    Else,
    Enum,
    Extern,
    False,
    Fn,
    For,
    If,
#pragma warning disable CA1711 // `Impl` is the Rust keyword's name, not a suffix.
    Impl,
#pragma warning restore CA1711
    In,
    Let,
    Loop,
    Match,
    Mod,
    Move,
    Mut,
    Pub,
    Ref,
    Return,

    /// <summary><c>self</c>.</summary>
    SelfValue,

    /// <summary><c>Self</c>.</summary>
    SelfType,
    Static,
    Struct,
    Super,
    Trait,
    True,
    Type,
    Unsafe,
    Use,
    Where,
    While,

    // Reserved keywords.
    Abstract,
    Become,
    Box,
    Do,
    Final,
    Macro,
    Override,
    Priv,
    Try,
    Typeof,
    Unsized,
    Virtual,
    Yield,

    /// <summary>The lone <c>_</c>.</summary>
    Underscore,

    // Delimiters.
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,

    // Punctuation and operators.
    Semicolon,
    Comma,
    Dot,
    DotDot,
    DotDotDot,
    DotDotEq,
    Colon,
    ColonColon,
    Arrow,
    FatArrow,
    Pound,
    Dollar,
    Question,
    At,
    Tilde,
    Eq,
    EqEq,
    Bang,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Shl,
    Shr,
    ShlEq,
    ShrEq,
    Plus,
    PlusEq,
    Minus,
    MinusEq,
    Star,
    StarEq,
    Slash,
    SlashEq,
    Percent,
    PercentEq,
    Caret,
    CaretEq,
    And,
    AndAnd,
    AndEq,
    Or,
    OrOr,
    OrEq,
}
