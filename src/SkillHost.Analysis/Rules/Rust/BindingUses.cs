using System.Collections.Frozen;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>How one occurrence of a local name uses the value bound to it.</summary>
internal enum UseKind
{
    /// <summary><c>&amp;x</c>.</summary>
    Borrow,

    /// <summary><c>&amp;mut x</c>.</summary>
    MutBorrow,

    /// <summary><c>x.len()</c>: a method that only needs <c>&amp;self</c>.</summary>
    ReadMethod,

    /// <summary><c>x.push(…)</c>, <c>x.into()</c>: any other method, which may mutate or consume.</summary>
    OtherMethod,

    /// <summary><c>x.clone()</c>.</summary>
    Clone,

    /// <summary><c>x.field</c>.</summary>
    Field,

    /// <summary><c>*x</c>.</summary>
    Deref,

    /// <summary><c>x == y</c>, <c>x &lt; y</c>.</summary>
    Compared,

    /// <summary>An argument of a formatting macro (<c>format!("{}", x)</c>, <c>"{x}"</c>), which takes it by reference.</summary>
    FormatArgument,

    /// <summary>Anything else: passed by value, returned, stored, matched, moved into a closure.</summary>
    Moved,
}

/// <summary>One occurrence of a bound name.</summary>
internal readonly record struct BindingUse(int Position, UseKind Kind, string? Method);

/// <summary>Follows a local binding through the tokens of its scope and says how each occurrence uses it.</summary>
internal static class BindingUses
{
    /// <summary>Macros that format their arguments by reference.</summary>
    public static readonly FrozenSet<string> FormattingMacros = FrozenSet.ToFrozenSet(
    [
        "format", "print", "println", "eprint", "eprintln", "write", "writeln", "panic", "format_args",
        "assert", "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne",
        "unreachable", "todo", "unimplemented", "trace", "debug", "info", "warn", "error", "log", "event",
    ], StringComparer.Ordinal);

    /// <summary>Methods of strings, collections, paths and options that take <c>&amp;self</c> only.</summary>
    private static readonly FrozenSet<string> ReadMethods = FrozenSet.ToFrozenSet(
    [
        "len", "is_empty", "as_str", "as_ref", "as_slice", "as_bytes", "as_path", "as_os_str", "as_deref", "as_ptr",
        "iter", "chars", "char_indices", "bytes", "lines", "split", "split_whitespace", "splitn", "rsplit", "windows", "chunks",
        "contains", "contains_key", "starts_with", "ends_with", "get", "first", "last", "find", "rfind", "matches",
        "trim", "trim_start", "trim_end", "strip_prefix", "strip_suffix", "to_lowercase", "to_uppercase", "to_string", "to_owned",
        "eq", "ne", "cmp", "partial_cmp", "eq_ignore_ascii_case", "is_ascii", "parse", "binary_search",
        "keys", "values", "capacity", "is_some", "is_none", "is_ok", "is_err", "display", "to_str", "to_string_lossy",
        "exists", "is_file", "is_dir", "extension", "file_name", "file_stem", "parent", "join", "components", "hash", "fmt",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The uses of <paramref name="name"/> from <paramref name="from"/> to <paramref name="to"/> (source
    /// positions), stopping where a new <c>let</c> shadows it.
    /// </summary>
    public static List<BindingUse> Find(SyntaxTree tree, string name, int from, int to)
    {
        var tokens = RustTokens.Of(tree);
        var uses = new List<BindingUse>();

        // A `move` closure or `async move` block takes ownership of what it mentions: a borrow would not do.
        var moveClosures = NodesByType.Of<ClosureNode>(tree).Where(c => c.IsMove && c.Span.End > from && c.Span.Start < to).Select(c => c.Span).ToList();
        for (var i = tokens.IndexAt(from); i < tokens.Count && tokens[i].Start < to; i++)
        {
            if (!tokens.IsIdentifier(i, name))
            {
                continue;
            }

            var before = tokens.Kind(i - 1);
            if (before is RustTokenKind.Dot or RustTokenKind.ColonColon || tokens.Kind(i + 1) is RustTokenKind.ColonColon or RustTokenKind.Bang)
            {
                continue;
            }

            if (before == RustTokenKind.Let || before == RustTokenKind.Mut && tokens.Kind(i - 2) == RustTokenKind.Let)
            {
                break;
            }

            // A struct field initialised by name (`Point { x: 1 }`) is not a use; `x: T` in a pattern neither.
            if (tokens.Kind(i + 1) == RustTokenKind.Colon)
            {
                continue;
            }

            var position = tokens[i].Start;
            uses.Add(moveClosures.Any(c => c.Contains(position))
                ? new BindingUse(position, UseKind.Moved, null)
                : new BindingUse(position, Classify(tokens, i, out var method), method));
        }

        AddInlineFormatCaptures(tree, name, from, to, uses, moveClosures);
        return uses;
    }

    /// <summary>True when every use only reads the value (borrows it, formats it, compares it, calls a <c>&amp;self</c> method).</summary>
    public static bool AllReadOnly(IEnumerable<BindingUse> uses) =>
        uses.All(u => u.Kind is UseKind.Borrow or UseKind.ReadMethod or UseKind.Compared or UseKind.FormatArgument or UseKind.Clone);

    private static UseKind Classify(RustTokens tokens, int i, out string? method)
    {
        method = null;
        var before = tokens.Kind(i - 1);
        var after = tokens.Kind(i + 1);
        if (before == RustTokenKind.Mut && tokens.Kind(i - 2) == RustTokenKind.And)
        {
            return UseKind.MutBorrow;
        }

        if (after == RustTokenKind.Dot)
        {
            if (tokens.Kind(i + 2) == RustTokenKind.Identifier && tokens.Kind(i + 3) == RustTokenKind.OpenParen)
            {
                method = tokens.Text(i + 2);
                return method == "clone" ? UseKind.Clone : ReadMethods.Contains(method) ? UseKind.ReadMethod : UseKind.OtherMethod;
            }

            return tokens.Kind(i + 2) is RustTokenKind.Identifier or RustTokenKind.IntegerLiteral ? UseKind.Field : UseKind.Moved;
        }

        if (before is RustTokenKind.EqEq or RustTokenKind.Ne or RustTokenKind.Lt or RustTokenKind.Le or RustTokenKind.Gt or RustTokenKind.Ge
            || after is RustTokenKind.EqEq or RustTokenKind.Ne or RustTokenKind.Lt or RustTokenKind.Le or RustTokenKind.Gt or RustTokenKind.Ge)
        {
            return UseKind.Compared;
        }

        if (before == RustTokenKind.And && tokens.Kind(i - 2) is not (RustTokenKind.Identifier or RustTokenKind.CloseParen or RustTokenKind.CloseBracket or RustTokenKind.IntegerLiteral))
        {
            return UseKind.Borrow;
        }

        if (before == RustTokenKind.Star && tokens.Kind(i - 2) is not (RustTokenKind.Identifier or RustTokenKind.CloseParen or RustTokenKind.CloseBracket or RustTokenKind.IntegerLiteral))
        {
            return UseKind.Deref;
        }

        return IsFormatArgument(tokens, i) ? UseKind.FormatArgument : UseKind.Moved;
    }

    // `format!("{}", x)` or `format!("{v}", v = x)`: the name alone between the macro's commas.
    private static bool IsFormatArgument(RustTokens tokens, int i)
    {
        var before = tokens.Kind(i - 1);
        var after = tokens.Kind(i + 1);
        var open = tokens.EnclosingOpen(i);
        if (open < 2 || tokens.Kind(open - 1) != RustTokenKind.Bang || !FormattingMacros.Contains(tokens.Text(open - 2)))
        {
            return false;
        }

        var startsArgument = before == RustTokenKind.Comma || before == RustTokenKind.Eq && tokens.Kind(i - 3) == RustTokenKind.Comma;
        var endsArgument = after == RustTokenKind.Comma || i + 1 == tokens.Match(open);
        return startsArgument && endsArgument;
    }

    private static void AddInlineFormatCaptures(SyntaxTree tree, string name, int from, int to, List<BindingUse> uses, List<TextSpan> moveClosures)
    {
        var span = TextSpan.FromBounds(from, Math.Max(from, to));
        foreach (var call in NodesByType.Of<MacroCallNode>(tree))
        {
            if (!span.Contains(call.Span) || !FormattingMacros.Contains(call.Name))
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Shape != ExpressionShape.StringLiteral)
                {
                    continue;
                }

                var text = tree.Source.ToString(argument.Span);
                if (text.Contains("{" + name + "}", StringComparison.Ordinal) || text.Contains("{" + name + ":", StringComparison.Ordinal))
                {
                    var moved = moveClosures.Any(c => c.Contains(argument.Span.Start));
                    uses.Add(new BindingUse(argument.Span.Start, moved ? UseKind.Moved : UseKind.FormatArgument, null));
                }
            }
        }
    }
}
