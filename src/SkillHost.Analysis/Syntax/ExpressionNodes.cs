using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>
/// Anything that repeats its body: Python for/while and comprehensions (each <c>for</c> clause is a
/// loop), Rust for/while/loop, and closures passed to iterator adapters (<c>.map(|x| …)</c>).
/// </summary>
public sealed class LoopNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Loop;

    public LoopKind LoopKind { get; init; }

    /// <summary>Python <c>async for</c> or an async comprehension.</summary>
    public bool IsAsync { get; init; }

    /// <summary>The loop variable(s) as written ("item", "(k, v)"), or null for while/loop.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// The part evaluated once, not per iteration: the iterable of a for loop or of a comprehension's
    /// first clause. Null when there is none (while, loop, iterator closures).
    /// </summary>
    public TextSpan? IterableSpan { get; init; }

    /// <summary>For comprehensions: which collection it builds.</summary>
    public ComprehensionKind Comprehension { get; init; }

    /// <summary>For iterator closures: the adapter method ("map", "for_each", "filter").</summary>
    public string? Adapter { get; init; }

    /// <summary>True when <paramref name="node"/> runs once per iteration: inside the loop but not in its iterable.</summary>
    public bool RunsPerIteration(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Span.Contains(node.Span) && node != this && !(IterableSpan is { } once && once.Contains(node.Span));
    }
}

/// <summary>The syntactic form of a loop.</summary>
public enum LoopKind
{
    For,
    While,

    /// <summary>Rust <c>loop { }</c>.</summary>
    Loop,
    Comprehension,
    IteratorClosure,
}

/// <summary>What a Python comprehension builds.</summary>
public enum ComprehensionKind
{
    None,
    List,
    Set,
    Dict,
    Generator,
}

/// <summary>A Python lambda, a Rust closure, or a Rust <c>async { }</c> block (an async closure without parameters).</summary>
public sealed class ClosureNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Closure;

    public bool IsAsync { get; init; }

    /// <summary>Rust <c>move</c>.</summary>
    public bool IsMove { get; init; }

    public IReadOnlyList<Parameter> Parameters { get; init; } = [];

    public TextSpan BodySpan { get; init; }
}

/// <summary>
/// A call: <c>f(x)</c>, <c>obj.method(x)</c>, <c>Vec::with_capacity(n)</c>, <c>a.iter().map(f)</c>
/// (the chain gives one node per call; <see cref="ReceiverCall"/> links them).
/// </summary>
public sealed class CallNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Call;

    /// <summary>The callee as written without whitespace, e.g. "self.cache.get", "Vec::new", "json.loads", "open". For a method call on a complex receiver, the part after the receiver's closing bracket is prefixed by "…": "….collect".</summary>
    public required string Callee { get; init; }

    /// <summary>The last segment of the callee: "get", "new", "loads", "collect".</summary>
    public required string Name { get; init; }

    public TextSpan CalleeSpan { get; init; }

    /// <summary><c>receiver.name(…)</c> (a dot call) rather than a plain or path call.</summary>
    public bool IsMethodCall { get; init; }

    /// <summary>The receiver expression of a method call ("self.cache", "items.iter()"), or null.</summary>
    public TextSpan? ReceiverSpan { get; init; }

    /// <summary>When the receiver is itself a call (<c>a.iter().map(…)</c> → the <c>iter()</c> call), that call.</summary>
    public CallNode? ReceiverCall { get; internal set; }

    public IReadOnlyList<Argument> Arguments { get; init; } = [];

    /// <summary>Rust turbofish or generic arguments as written ("::&lt;Vec&lt;_&gt;&gt;"), or null.</summary>
    public string? GenericArguments { get; init; }
}

/// <summary>One argument of a call or macro invocation, split at top-level commas.</summary>
/// <param name="Name">Python keyword argument name, or null.</param>
/// <param name="Shape">A coarse description of the argument expression, for rules.</param>
/// <param name="IsUnpacked">Python <c>*args</c>/<c>**kwargs</c> at the call site.</param>
public readonly record struct Argument(TextSpan Span, string? Name, ExpressionShape Shape, bool IsUnpacked = false);

/// <summary>The coarse shape of an expression: enough to tell a literal from a call from a name.</summary>
public enum ExpressionShape
{
    Other,
    Name,

    /// <summary>A dotted/path name without calls: <c>self.a.b</c>, <c>std::mem::take</c>.</summary>
    MemberAccess,
    Call,
    MacroCall,
    StringLiteral,

    /// <summary>Python f-string (also an implicitly concatenated string containing one).</summary>
    FormattedString,
    NumberLiteral,
    ListLiteral,
    DictLiteral,
    SetLiteral,
    TupleLiteral,
    ListComprehension,
    SetComprehension,
    DictComprehension,
    GeneratorExpression,
    Lambda,
    Closure,

    /// <summary>Python <c>"…" % x</c> or <c>"…".format(x)</c>; Rust <c>format!(…)</c> shows as MacroCall.</summary>
    StringFormatting,

    /// <summary>Rust <c>&amp;x</c> / <c>&amp;mut x</c>.</summary>
    Reference,
    Await,
}

/// <summary>A Rust macro invocation: <c>format!(…)</c>, <c>vec![…]</c>, <c>log::debug!(…)</c>, <c>tokio::spawn</c> excluded (a call).</summary>
public sealed class MacroCallNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.MacroCall;

    /// <summary>The path as written without the bang: "format", "vec", "log::debug", "tracing::info".</summary>
    public required string Path { get; init; }

    /// <summary>The last path segment: "debug" for "log::debug".</summary>
    public required string Name { get; init; }

    /// <summary>Inside the delimiters.</summary>
    public TextSpan ArgumentsSpan { get; init; }

    /// <summary>Arguments split at top-level commas (a format string first, for the formatting macros).</summary>
    public IReadOnlyList<Argument> Arguments { get; init; } = [];
}

/// <summary>A dotted chain that is read, not called: <c>self.config.transform</c>, <c>module.CONSTANT</c> (two or more segments).</summary>
public sealed class MemberAccessNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.MemberAccess;

    /// <summary>["self", "config", "transform"].</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    /// <summary>The chain with dots ("self.config.transform").</summary>
    public string Path => string.Join('.', Segments);
}

/// <summary>Python assignments (<c>=</c>, augmented, annotated, walrus) and Rust <c>let</c> bindings and assignments.</summary>
public sealed class AssignmentNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Assignment;

    /// <summary>The simple names bound ("x", "self.items" for attribute targets; tuple targets give several).</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>"=", "+=", ":=", "let".</summary>
    public required string Operator { get; init; }

    /// <summary>Rust <c>let mut</c> (or any <c>let</c> binding with mut).</summary>
    public bool IsMutable { get; init; }

    /// <summary>The annotation or Rust type ascription as written, or null.</summary>
    public string? TypeAnnotation { get; init; }

    /// <summary>The right-hand side, or null for a bare annotation / <c>let x;</c>.</summary>
    public TextSpan? ValueSpan { get; init; }

    public ExpressionShape ValueShape { get; init; }

    /// <summary>When the value is a call, its callee ("list", "Vec::new", "String::with_capacity", "json.loads"), else null.</summary>
    public string? ValueCallee { get; init; }
}

/// <summary>Python <c>await x</c>, Rust <c>x.await</c>.</summary>
public sealed class AwaitNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Await;

    /// <summary>The awaited expression.</summary>
    public TextSpan ExpressionSpan { get; init; }
}

/// <summary>Python import / from-import; Rust use (one node per declaration).</summary>
public sealed class ImportNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Import;

    /// <summary>Python "from X import …" module ("os.path", ".models"), Rust the common prefix ("std::collections"); null for a plain Python import.</summary>
    public string? Module { get; init; }

    public required IReadOnlyList<ImportedName> Names { get; init; }
}

/// <summary>One imported name: <c>json</c>, <c>loads as load_json</c>, <c>HashMap</c>, <c>*</c>.</summary>
/// <param name="Name">The full name as imported ("os.path", "loads", "std::collections::HashMap").</param>
/// <param name="Alias">The alias after <c>as</c>, or null.</param>
/// <param name="BoundName">The name the import binds in scope: "os" for Python's <c>import os.path</c>, the alias when there is one, "HashMap" for a Rust use, "*" for a glob.</param>
public sealed record ImportedName(string Name, string? Alias, string BoundName);

/// <summary>Python <c>with</c> / <c>async with</c>.</summary>
public sealed class WithNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.With;

    public bool IsAsync { get; init; }

    /// <summary>Each context manager expression with its <c>as</c> target (or null).</summary>
    public IReadOnlyList<WithItem> Items { get; init; } = [];

    public TextSpan BodySpan { get; init; }
}

/// <summary>One <c>expr as target</c> of a with statement.</summary>
public sealed record WithItem(TextSpan ExpressionSpan, string? Target);

/// <summary>An if / elif / else-if (Python statements, Rust expressions including <c>if let</c>): enough to see guards such as <c>if logger.isEnabledFor(…)</c>.</summary>
public sealed class ConditionalNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Conditional;

    public TextSpan ConditionSpan { get; init; }

    /// <summary>The then-branch (the else-branch, if any, is a sibling conditional or lies after it).</summary>
    public TextSpan BodySpan { get; init; }
}

/// <summary>A Python list/dict/set display (<c>[]</c>, <c>{"a": 1}</c>, <c>{1, 2}</c>); comprehensions are loops instead.</summary>
public sealed class CollectionLiteralNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.CollectionLiteral;

    public ExpressionShape Shape { get; init; }

    public bool IsEmpty { get; init; }
}
