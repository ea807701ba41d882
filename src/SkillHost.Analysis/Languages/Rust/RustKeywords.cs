using System.Runtime.CompilerServices;
namespace SkillHost.Analysis.Languages.Rust;

/// <summary>
/// Strict and reserved keywords. Contextual ones (<c>union</c>, <c>macro_rules</c>, <c>auto</c>,
/// <c>default</c>, <c>raw</c>, <c>safe</c>, <c>gen</c>) stay identifiers: only their position makes them keywords.
/// </summary>
internal static class RustKeywords
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RustTokenKind Classify(ReadOnlySpan<char> word) => word switch
    {
        "_" => RustTokenKind.Underscore,
        "as" => RustTokenKind.As,
        "async" => RustTokenKind.Async,
        "await" => RustTokenKind.Await,
        "break" => RustTokenKind.Break,
        "const" => RustTokenKind.Const,
        "continue" => RustTokenKind.Continue,
        "crate" => RustTokenKind.Crate,
        "dyn" => RustTokenKind.Dyn,
        "else" => RustTokenKind.Else,
        "enum" => RustTokenKind.Enum,
        "extern" => RustTokenKind.Extern,
        "false" => RustTokenKind.False,
        "fn" => RustTokenKind.Fn,
        "for" => RustTokenKind.For,
        "if" => RustTokenKind.If,
        "impl" => RustTokenKind.Impl,
        "in" => RustTokenKind.In,
        "let" => RustTokenKind.Let,
        "loop" => RustTokenKind.Loop,
        "match" => RustTokenKind.Match,
        "mod" => RustTokenKind.Mod,
        "move" => RustTokenKind.Move,
        "mut" => RustTokenKind.Mut,
        "pub" => RustTokenKind.Pub,
        "ref" => RustTokenKind.Ref,
        "return" => RustTokenKind.Return,
        "self" => RustTokenKind.SelfValue,
        "Self" => RustTokenKind.SelfType,
        "static" => RustTokenKind.Static,
        "struct" => RustTokenKind.Struct,
        "super" => RustTokenKind.Super,
        "trait" => RustTokenKind.Trait,
        "true" => RustTokenKind.True,
        "type" => RustTokenKind.Type,
        "unsafe" => RustTokenKind.Unsafe,
        "use" => RustTokenKind.Use,
        "where" => RustTokenKind.Where,
        "while" => RustTokenKind.While,
        "abstract" => RustTokenKind.Abstract,
        "become" => RustTokenKind.Become,
        "box" => RustTokenKind.Box,
        "do" => RustTokenKind.Do,
        "final" => RustTokenKind.Final,
        "macro" => RustTokenKind.Macro,
        "override" => RustTokenKind.Override,
        "priv" => RustTokenKind.Priv,
        "try" => RustTokenKind.Try,
        "typeof" => RustTokenKind.Typeof,
        "unsized" => RustTokenKind.Unsized,
        "virtual" => RustTokenKind.Virtual,
        "yield" => RustTokenKind.Yield,
        _ => RustTokenKind.Identifier,
    };

    /// <summary>Tokens that can stand where an identifier does in a path or a name (keywords included: macro bodies use them freely).</summary>
    public static bool IsWord(RustTokenKind kind) => kind is RustTokenKind.Identifier or RustTokenKind.RawIdentifier
        || (kind >= RustTokenKind.As && kind <= RustTokenKind.Yield);
}
