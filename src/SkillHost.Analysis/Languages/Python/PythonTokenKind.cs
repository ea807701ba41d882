namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// The kind of a Python token. Operators and hard keywords each get their own kind (CPython's exact
/// token types); soft keywords (<c>match</c>, <c>case</c>, <c>type</c>, <c>_</c>) are plain names.
/// </summary>
/// <remarks>
/// f-strings follow CPython 3.12: FStringStart, then FStringMiddle for literal text and the tokens of
/// each replacement field, then FStringEnd. The braces of a replacement field get their own kinds
/// (ReplacementFieldStart/End, CPython's LBRACE/RBRACE in that position) so that later stages never
/// mistake them for a set or dict display. 3.14 t-strings use the TString kinds the same way.
/// </remarks>
public enum PythonTokenKind : byte
{
    EndOfFile,

    /// <summary>The end of a logical line (CPython NEWLINE).</summary>
    Newline,

    /// <summary>A line break that does not end a logical line: blank and comment-only lines, inside brackets (CPython NL).</summary>
    NonLogicalNewline,
    Indent,
    Dedent,
    Comment,
    Name,
    Number,
    StringLiteral,
    FStringStart,
    FStringMiddle,
    FStringEnd,
    TStringStart,
    TStringMiddle,
    TStringEnd,
    ReplacementFieldStart,
    ReplacementFieldEnd,

    /// <summary>A character that cannot start any token (reported as a diagnostic).</summary>
    Error,

    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Colon,
    Comma,
    Semicolon,
    Plus,
    Minus,
    Star,
    Slash,
    VerticalBar,
    Ampersand,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqualEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmpersandEqual,
    VerticalBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RightArrow,
    Ellipsis,
    ColonEqual,

    /// <summary><c>!</c> before an f-string conversion (<c>!r</c>).</summary>
    Exclamation,

    /// <summary>Python 2 repr quotes: <c>`x`</c>.</summary>
    Backtick,

    /// <summary>Python 2 <c>&lt;&gt;</c>.</summary>
    LessGreater,

    FalseKeyword,
    NoneKeyword,
    TrueKeyword,
    AndKeyword,
    AsKeyword,
    AssertKeyword,
    AsyncKeyword,
    AwaitKeyword,
    BreakKeyword,
    ClassKeyword,
    ContinueKeyword,
    DefKeyword,
    DelKeyword,
    ElifKeyword,
    ElseKeyword,
    ExceptKeyword,
    FinallyKeyword,
    ForKeyword,
    FromKeyword,
    GlobalKeyword,
    IfKeyword,
    ImportKeyword,
    InKeyword,
    IsKeyword,
    LambdaKeyword,
    NonlocalKeyword,
    NotKeyword,
    OrKeyword,
    PassKeyword,
    RaiseKeyword,
    ReturnKeyword,
    TryKeyword,
    WhileKeyword,
    WithKeyword,
    YieldKeyword,
}
