using System.Collections.Frozen;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>PYO004: a <c>Vec&lt;u8&gt;</c> / <c>String</c> / numeric <c>Vec</c> parameter of a function Python calls, which the body only reads.</summary>
public sealed class OwnedCopyOfPythonArgument : Rule
{
    public static RuleDescriptor Info { get; } = new(
        Id: "PYO004",
        Slug: "pyo3/copy-across-boundary",
        Name: nameof(OwnedCopyOfPythonArgument),
        Language: SourceLanguage.Rust,
        WhatItDoes: "Finds `Vec<u8>` and `String` parameters of `#[pyfunction]` and `#[pymethods]` functions that the body only reads (borrows, indexes, calls read-only methods on, formats) and never moves into a returned or stored value, and locals copied out of a Python object the same way (`let v = data.as_bytes().to_vec();`, `let v: Vec<u8> = obj.extract()?;`, `obj.extract::<String>()`) and then only read; with low confidence also numeric `Vec<f64>`/`Vec<i64>`… parameters, which a buffer view could replace, and `#[getter]`s that return a copy of a collection field (`self.shape.clone()`), which build a new Python list, dict or set on every attribute access.",
        WhyBad: "PyO3 fills an owned parameter by copying the Python object's data into a new Rust allocation on every call, only for the function to read it and free it again; the copy grows with the payload.",
        Example: """
            #[pyfunction]
            fn crc32_of(payload: Vec<u8>) -> u32 {
                crc32fast::hash(&payload)
            }
            """,
        UseInstead: """
            // Borrow the Python object's buffer: `&[u8]` for `bytes`, `&str` for `str`; `PyBackedBytes`/`PyBackedStr` or
            // `Py<PyBytes>` to keep it past the call without copying; `PyBuffer<T>` or a numpy view (`PyReadonlyArray1<f64>`)
            // for numeric arrays. A `Vec<T>` extracted from a Python list (e.g. `Vec<String>`) must be copied anyway and is not flagged.
            #[pyfunction]
            fn crc32_of(payload: &[u8]) -> u32 {
                crc32fast::hash(payload)
            }
            """,
        CostOperation: "Small String allocation",
        TechniqueSection: "Borrow buffers instead of copying them",
        NeedsRepetition: false);

    // Methods that only read their receiver; with a borrowed `&[u8]`/`&str` they work unchanged.
    private static readonly FrozenSet<string> ReadOnlyMethods = FrozenSet.Create(
        StringComparer.Ordinal,
        "len", "is_empty", "iter", "as_slice", "as_str", "as_bytes", "as_ref", "as_ptr", "chars", "char_indices", "bytes", "lines",
        "split", "split_whitespace", "splitn", "rsplit", "rsplitn", "split_terminator", "split_once", "rsplit_once", "split_at", "split_first", "split_last",
        "starts_with", "ends_with", "contains", "find", "rfind", "matches", "match_indices", "get", "first", "last", "windows", "chunks", "chunks_exact",
        "trim", "trim_start", "trim_end", "trim_matches", "trim_start_matches", "trim_end_matches", "strip_prefix", "strip_suffix",
        "to_lowercase", "to_uppercase", "to_ascii_lowercase", "to_ascii_uppercase", "is_ascii", "eq_ignore_ascii_case", "parse", "eq", "ne", "cmp", "partial_cmp",
        "binary_search", "is_char_boundary", "replace", "replacen", "repeat", "to_vec", "to_owned", "to_string", "clone", "encode_utf16", "escape_debug", "escape_default",
        "iter_copied", "hash", "copied", "cloned", "unicode_words", "split_word_bounds", "graphemes", "grapheme_indices");

    private static readonly FrozenSet<string> ReadingMacros = FrozenSet.Create(
        StringComparer.Ordinal,
        "format", "format_args", "print", "println", "eprint", "eprintln", "write", "writeln", "panic", "assert", "assert_eq", "assert_ne",
        "debug_assert", "debug_assert_eq", "debug_assert_ne", "debug", "info", "warn", "error", "trace", "matches");

    private static readonly FrozenSet<string> NumericTypes = FrozenSet.Create(
        StringComparer.Ordinal, "f64", "f32", "i64", "i32", "i16", "i8", "u64", "u32", "u16", "usize", "isize");

    public override RuleDescriptor Descriptor => Info;

    /// <summary>
    /// A <c>#[getter]</c> whose body is a copy of a collection field (<c>self.shape.clone()</c> returned as <c>Vec&lt;usize&gt;</c>):
    /// every attribute access copies the field in Rust and converts it into a new Python list (or dict, or set), so
    /// <c>obj.shape[i]</c> in a Python loop copies the whole collection per item. How often Python reads it is not in view: low.
    /// </summary>
    private static void CheckGetter(RuleContext context, FunctionNode function)
    {
        var returned = (function.ReturnType ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var python = returned.StartsWith("Vec<", StringComparison.Ordinal) ? "list" : returned.StartsWith("HashMap<", StringComparison.Ordinal) || returned.StartsWith("BTreeMap<", StringComparison.Ordinal) ? "dict"
            : returned.StartsWith("HashSet<", StringComparison.Ordinal) || returned.StartsWith("BTreeSet<", StringComparison.Ordinal) ? "set" : null;
        // The body without its braces and line comments: one expression, `self.field.clone()`.
        var body = string.Concat(context.TextOf(function.BodySpan).Trim().TrimStart('{').TrimEnd('}').Split('\n')
            .Select(line => line.IndexOf("//", StringComparison.Ordinal) is >= 0 and var at ? line[..at] : line)).Trim();
        body = string.Concat(body.Where(c => !char.IsWhiteSpace(c)));
        if (python is null || !function.Parameters.Any(p => p.IsSelf) || !body.StartsWith("self.", StringComparison.Ordinal) || body.Contains(';', StringComparison.Ordinal)
            || !(body.EndsWith(".clone()", StringComparison.Ordinal) || body.EndsWith(".to_vec()", StringComparison.Ordinal) || body.EndsWith(".to_owned()", StringComparison.Ordinal)))
        {
            return;
        }

        var field = body[..body.LastIndexOf('.')];
        if (!field.Skip(5).All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
        {
            return;
        }

        context.Report(
            function,
            $"`#[getter] {function.Name}` copies `{field}` and converts it into a new Python {python} on every attribute access",
            python == "list"
                ? $"build the Python object once and keep it (`{field[5..]}_py: Py<PyTuple>` set where `{field}` is, returned with `clone_ref(py)`); a tuple also stops callers from mutating a copy they think is shared. If Python reads single items in a loop, bind the attribute once outside it"
                : $"build the Python {python} once and keep it (a `Py<…>` field set where `{field}` is, returned with `clone_ref(py)`), or expose lookups (`__getitem__`/`get`) instead of the whole {python}",
            Confidence.Low,
            "A reference-count increment per access instead of a Rust copy plus a new Python object with one element per item.",
            function.NameSpan.IsEmpty ? null : function.NameSpan);
    }

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var function in context.Nodes<FunctionNode>())
        {
            if (!function.HasBody || !PyO3Api.IsExposedToPython(function) || PyO3Api.IsTestCode(function))
            {
                continue;
            }

            if (function.HasAttribute("getter"))
            {
                CheckGetter(context, function);
            }

            RustSpanTokens? body = null;
            foreach (var parameter in function.Parameters)
            {
                if (parameter.IsSelf || parameter.Type is null || Classify(parameter.Type) is not { } kind || IsMutable(context, parameter))
                {
                    continue;
                }

                body ??= RustSpanTokens.Of(context.Tree, function.BodySpan);
                if (!OnlyRead(body, parameter.Name, function))
                {
                    continue;
                }

                Report(context, function, parameter, kind);
            }

            CopiedLocals(context, function);
        }
    }

    /// <summary>
    /// The same copy made in the body: <c>let v = bytes.as_bytes().to_vec();</c> on a Python object, or
    /// <c>let v: Vec&lt;u8&gt; = obj.extract()?;</c> / <c>obj.extract::&lt;String&gt;()</c>, where the local is then only read.
    /// </summary>
    private static void CopiedLocals(RuleContext context, FunctionNode function)
    {
        PythonValues? python = null;
        foreach (var let in function.Descendants<AssignmentNode>())
        {
            if (let is not { Operator: "let", IsMutable: false, Targets: [var name], ValueSpan: { } value } || name.StartsWith('_')
                || let.Descendants<CallNode>().Where(c => value.Contains(c.Span) && c.Span.Start == value.Start).MaxBy(c => c.Span.Length) is not { } outer)
            {
                continue;
            }

            python ??= PythonValues.Of(function);
            var copy = BoundaryCopy(context, let, outer, python);
            if (copy is null)
            {
                continue;
            }

            var after = RustSpanTokens.Of(context.Tree, TextSpan.FromBounds(let.Span.End, function.BodySpan.End));
            if (!OnlyRead(after, name, function))
            {
                continue;
            }

            context.Report(
                let,
                $"`{name}` copies {copy.Value.What} into a new Rust allocation on every call to {PyO3Api.Describe(function)}, which then only reads it",
                copy.Value.Fix,
                copy.Value.Kind == Owned.Bytes ? Confidence.High : Confidence.Medium,
                "One allocation and a copy of the whole Python value per call, growing with its size.",
                value);
        }
    }

    private static (Owned Kind, string What, string Fix)? BoundaryCopy(RuleContext context, AssignmentNode let, CallNode outer, PythonValues python)
    {
        // `obj.as_bytes().to_vec()` / `.to_owned()` on a Python bytes object.
        if (outer is { IsMethodCall: true, Name: "to_vec" or "to_owned", Arguments.Count: 0, ReceiverCall: { Name: "as_bytes", IsMethodCall: true, Arguments.Count: 0, ReceiverSpan: { } source } }
            && python.RootIsPython(context.TextOf(source).Trim()))
        {
            return (Owned.Bytes, "the Python `bytes` buffer",
                $"read `{RustCode.Short(context.TextOf(source).Trim())}.as_bytes()` directly (a `&[u8]` into the Python object), or keep a `PyBackedBytes` if it must outlive the borrow");
        }

        // `let v: Vec<u8> = obj.extract()?;`, `obj.extract::<String>()`.
        var call = outer.Name == "extract" ? outer : outer.ReceiverCall is { Name: "extract" } inner && outer.Name is "unwrap" or "expect" ? inner : null;
        if (call is not { IsMethodCall: true, ReceiverSpan: { } receiver } || !python.RootIsPython(context.TextOf(receiver).Trim()))
        {
            return null;
        }

        var type = call.GenericArguments?.Trim() ?? let.TypeAnnotation?.Trim();
        if (type is not null && type.StartsWith("::", StringComparison.Ordinal))
        {
            type = type[2..].Trim();
        }

        if (type is not null && call.GenericArguments is not null && type.StartsWith('<') && type.EndsWith('>'))
        {
            type = type[1..^1];
        }

        return type is null ? null : Classify(type) switch
        {
            Owned.Bytes => (Owned.Bytes, "the Python `bytes` buffer", "extract a borrow instead: `&[u8]` (bytes only) or `PyBackedBytes`"),
            Owned.Text => (Owned.Text, "the Python `str`", "extract a borrow instead: `&str` (or `PyBackedStr`, which also survives past the call)"),
            _ => null,
        };
    }

    private static void Report(RuleContext context, FunctionNode function, Parameter parameter, Owned kind)
    {
        var (borrowed, confidence, what) = kind switch
        {
            Owned.Bytes => ($"{parameter.Name}: &[u8]", Confidence.High, "the whole `bytes` object"),
            Owned.Text => ($"{parameter.Name}: &str", Confidence.Medium, "the whole `str`"),
            _ => ($"{parameter.Name}: PyReadonlyArray1<{ElementType(parameter.Type!)}>", Confidence.Low, "every element of the sequence"),
        };
        var fix = kind switch
        {
            Owned.Bytes => $"take `{borrowed}` to borrow the `bytes` buffer (accepts `bytes` only; `PyBackedBytes` also takes `bytearray` and can be kept past the call without a copy)",
            Owned.Text => $"take `{borrowed}` to borrow the string's UTF-8 data (`PyBackedStr` if it must outlive the call or the build targets an abi3 version before Python 3.10)",
            _ => $"if callers pass numpy arrays or other buffers, take a view — `{borrowed}` (rust-numpy) or `PyBuffer<{ElementType(parameter.Type!)}>` — and read it as a slice; a Python list still needs extracting",
        };
        context.Report(
            function,
            $"`{parameter.Name}: {parameter.Type}` copies {what} into a new Rust allocation on every call to {PyO3Api.Describe(function)}, which only reads it",
            fix,
            confidence,
            "One allocation and a copy of the whole argument per call, growing with its size.",
            parameter.Span);
    }

    private static Owned? Classify(string type)
    {
        var t = type.Replace(" ", "", StringComparison.Ordinal);
        if (t is "Vec<u8>" or "std::vec::Vec<u8>")
        {
            return Owned.Bytes;
        }

        if (t is "String" or "std::string::String")
        {
            return Owned.Text;
        }

        return t.StartsWith("Vec<", StringComparison.Ordinal) && t.EndsWith('>') && NumericTypes.Contains(t[4..^1]) ? Owned.Numbers : null;
    }

    private static string ElementType(string type) => type.Replace(" ", "", StringComparison.Ordinal)[4..^1];

    private static bool IsMutable(RuleContext context, Parameter parameter) =>
        context.TextOf(parameter.Span).TrimStart().StartsWith("mut ", StringComparison.Ordinal);

    /// <summary>True when every use of <paramref name="name"/> in the body reads it; false for any move, mutation or no use at all.</summary>
    private static bool OnlyRead(RustSpanTokens body, string name, FunctionNode function)
    {
        var reading = function.Descendants<MacroCallNode>().Where(m => ReadingMacros.Contains(m.Name)).ToList();
        var macros = reading.Select(m => m.ArgumentsSpan).ToList();

        // `format!("{name}")` captures the parameter inside the string: a read the tokens do not show.
        var capture = "{" + name;
        var uses = reading.Count(m => m.Arguments.Take(2).Any(a => a.Shape == ExpressionShape.StringLiteral
            && m.Tree.Source.ToString(a.Span) is var format
            && (format.Contains(capture + "}", StringComparison.Ordinal) || format.Contains(capture + ":", StringComparison.Ordinal))));
        for (var i = 0; i < body.Tokens.Count; i++)
        {
            if (!body.IsIdentifier(i, name))
            {
                continue;
            }

            var before = body.KindAt(i - 1);
            var after = body.KindAt(i + 1);

            // `x.name`, `path::name` and the field name in `S { name: value }` are other things.
            if (before is RustTokenKind.Dot or RustTokenKind.ColonColon || (after == RustTokenKind.Colon && before is RustTokenKind.OpenBrace or RustTokenKind.Comma))
            {
                continue;
            }

            uses++;
            if (!IsRead(body, i, before, after, macros))
            {
                return false;
            }
        }

        return uses > 0;
    }

    private static bool IsRead(RustSpanTokens body, int i, RustTokenKind before, RustTokenKind after, List<TextSpan> macros)
    {
        if (before == RustTokenKind.And && body.KindAt(i + 1) != RustTokenKind.Dot)
        {
            return true;
        }

        if (before == RustTokenKind.And && after == RustTokenKind.Dot)
        {
            // `&name.method()` borrows the method's result; the method decides.
            return body.KindAt(i + 2) == RustTokenKind.Identifier && ReadOnlyMethods.Contains(body.TextOf(body.Tokens[i + 2]));
        }

        switch (after)
        {
            case RustTokenKind.Dot:
                return body.KindAt(i + 2) == RustTokenKind.Identifier && ReadOnlyMethods.Contains(body.TextOf(body.Tokens[i + 2]));
            case RustTokenKind.OpenBracket:
            case RustTokenKind.EqEq or RustTokenKind.Ne or RustTokenKind.Lt or RustTokenKind.Le or RustTokenKind.Gt or RustTokenKind.Ge:
                return true;
            default:
                break;
        }

        if (before is RustTokenKind.EqEq or RustTokenKind.Ne)
        {
            return true;
        }

        var at = body.Tokens[i].Start;
        return macros.Any(m => m.Contains(at));
    }

    private enum Owned
    {
        Bytes,
        Text,
        Numbers,
    }
}
