using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>A file, or a Rust inline <c>mod name { … }</c>.</summary>
public sealed class ModuleNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Module;

    /// <summary>Null for the file itself.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<AttributeInfo> Attributes { get; init; } = [];
}

/// <summary>A Python decorator (<c>@lru_cache(maxsize=64)</c>) or a Rust attribute (<c>#[inline]</c>, <c>#[repr(C)]</c>).</summary>
/// <param name="Name">The path without arguments: "lru_cache", "functools.lru_cache", "inline", "repr", "pyo3::pyfunction".</param>
/// <param name="Arguments">What stands inside the parentheses, as written ("maxsize=64", "C"), or null.</param>
/// <param name="IsInner">Rust <c>#![…]</c>.</param>
public sealed record AttributeInfo(string Name, string? Arguments, TextSpan Span, bool IsInner = false);

/// <summary>Python def / async def, lambda excluded; Rust fn (free, associated, trait).</summary>
public sealed class FunctionNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Function;

    public required string Name { get; init; }

    public TextSpan NameSpan { get; init; }

    public bool IsAsync { get; init; }

    public IReadOnlyList<AttributeInfo> Attributes { get; init; } = [];

    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    /// <summary>The return annotation as written, or null.</summary>
    public string? ReturnType { get; init; }

    public Visibility Visibility { get; init; }

    /// <summary>Defined directly in a class body or an impl/trait block.</summary>
    public bool IsMethod { get; init; }

    /// <summary>Python: the body contains <c>yield</c> (outside nested functions).</summary>
    public bool IsGenerator { get; internal set; }

    /// <summary>The body (after the colon / inside the braces); empty for a Rust declaration without body.</summary>
    public TextSpan BodySpan { get; init; }

    public bool HasBody => !BodySpan.IsEmpty;

    public bool HasAttribute(string name) => Attributes.Any(a => a.Name == name || a.Name.EndsWith("." + name, StringComparison.Ordinal) || a.Name.EndsWith("::" + name, StringComparison.Ordinal));
}

/// <summary>A function or closure parameter.</summary>
/// <param name="Type">The annotation / type as written, or null.</param>
/// <param name="Default">Python default value as written, or null.</param>
/// <param name="IsSelf">Python's first parameter of a method named self/cls, or Rust self/&amp;self/&amp;mut self.</param>
public sealed record Parameter(string Name, string? Type, string? Default, bool IsSelf, ParameterKind ParameterKind, TextSpan Span);

/// <summary>How a parameter binds its argument.</summary>
public enum ParameterKind
{
    Normal,
    PositionalOnly,
    KeywordOnly,
    VarArgs,
    KwArgs,
}

/// <summary>Python: public unless the name starts with an underscore. Rust: pub, pub(crate)/pub(super)/pub(in …), or private.</summary>
public enum Visibility
{
    Private,
    Public,
    Crate,
    Restricted,
}

/// <summary>A Python class, or a Rust struct / enum / union / trait.</summary>
public sealed class TypeDeclNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.TypeDecl;

    public required string Name { get; init; }

    public TypeDeclKind TypeKind { get; init; }

    public IReadOnlyList<AttributeInfo> Attributes { get; init; } = [];

    /// <summary>Python base classes / keywords as written (<c>msgspec.Struct</c>, <c>metaclass=ABCMeta</c>).</summary>
    public IReadOnlyList<string> Bases { get; init; } = [];

    /// <summary>Rust struct fields (named or tuple "0", "1"…); Python class-level annotated names and <c>self.x = …</c> assignments in <c>__init__</c>.</summary>
    public IReadOnlyList<FieldInfo> Fields { get; init; } = [];

    public Visibility Visibility { get; init; }

    public TextSpan BodySpan { get; init; }

    public bool HasAttribute(string name) => Attributes.Any(a => a.Name == name || a.Name.EndsWith("." + name, StringComparison.Ordinal) || a.Name.EndsWith("::" + name, StringComparison.Ordinal));
}

/// <summary>The kind of a type declaration.</summary>
public enum TypeDeclKind
{
    Class,
    Struct,
    Enum,
    Union,
    Trait,
}

/// <summary>A field of a type.</summary>
/// <param name="Type">As written, or null when unknown.</param>
public sealed record FieldInfo(string Name, string? Type, TextSpan Span, Visibility Visibility = Visibility.Private);

/// <summary>A Rust <c>impl [Trait for] Type { … }</c>.</summary>
public sealed class ImplNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.ImplBlock;

    /// <summary>The implementing type as written ("Foo", "Vec&lt;T&gt;").</summary>
    public required string SelfType { get; init; }

    /// <summary>The trait, or null for an inherent impl.</summary>
    public string? Trait { get; init; }

    public IReadOnlyList<AttributeInfo> Attributes { get; init; } = [];

    public TextSpan BodySpan { get; init; }
}
