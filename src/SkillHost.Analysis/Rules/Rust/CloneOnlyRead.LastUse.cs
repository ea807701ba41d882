using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>
/// RS003's last-use facts (clippy's <c>redundant_clone</c>): a copy whose original is an owned value nothing uses
/// afterwards, so it could be moved; a copy of a value a call has just built; a copy only read by a <c>&amp;self</c> method.
/// </summary>
public sealed partial class CloneOnlyRead
{
    private static readonly FrozenSet<string> Copies = FrozenSet.ToFrozenSet(["clone", "to_string", "to_owned", "to_vec", "to_path_buf", "to_os_string"], StringComparer.Ordinal);

    // `&self` methods that return a new value (not a borrow of the receiver): `x.clone().join(…)` copies for nothing.
    private static readonly FrozenSet<string> ReadIntoNew = FrozenSet.ToFrozenSet(
        ["join", "len", "is_empty", "contains", "contains_key", "starts_with", "ends_with", "to_lowercase", "to_uppercase", "to_string"], StringComparer.Ordinal);

    // Methods that hand out a borrow of the receiver: a copy made while such a borrow may live cannot be a move.
    private static readonly FrozenSet<string> BorrowingMethods = FrozenSet.ToFrozenSet(
    [
        "as_str", "as_ref", "as_slice", "as_bytes", "as_path", "as_os_str", "as_deref", "as_ptr", "as_mut", "iter", "iter_mut", "chars", "char_indices",
        "bytes", "lines", "split", "split_whitespace", "splitn", "rsplit", "windows", "chunks", "get", "get_mut", "first", "last", "trim", "trim_start",
        "trim_end", "strip_prefix", "strip_suffix", "keys", "values", "to_str", "display", "file_name", "file_stem", "extension", "parent", "components",
        "borrow", "borrow_mut", "deref", "entry", "drain",
    ], StringComparer.Ordinal);

    // Owned types whose copy allocates (an `Rc`/`Arc` clone is a counter bump: not this rule's business).
    [GeneratedRegex(@"^(?:std::(?:string|vec|path|ffi|collections)::)?(?:String|Vec|PathBuf|OsString|HashMap|HashSet|BTreeMap|BTreeSet|VecDeque)\b")]
    private static partial Regex OwnedType();

    [GeneratedRegex(@"^(?:(?:std::)?(?:(?:string|vec|path|ffi|collections)::)?(?:String|Vec|PathBuf|OsString|HashMap|HashSet|BTreeMap|BTreeSet|VecDeque)::(?:new|from|with_capacity)\b|(?:vec|format)!)")]
    private static partial Regex OwnedInitializer();

    [GeneratedRegex(@"\.(?:to_string|to_owned|to_vec|to_path_buf|to_os_string|collect(?:::<[^()]*>)?)\(\)$")]
    private static partial Regex OwnedConversion();

    [GeneratedRegex(@"^([A-Z]\w*)\s*(?:\{|\()")]
    private static partial Regex StructLiteral();

    /// <summary>Why <paramref name="call"/> (a copy method) copies for nothing, or null: the three last-use shapes.</summary>
    private static (string Message, string Fix)? MovableCopy(RuleContext context, RustTokens tokens, CallNode call, ILookup<CallNode, CallNode> receivedBy)
    {
        var receiver = context.TextOf(call.ReceiverSpan!.Value).Trim();

        // `[a, b].join(" ").to_string()`, `Path::new(p).join(c).to_path_buf()`, `String::new().to_string()`: the value was just built.
        if (call.ReceiverCall is { } made && BuildsOwned(made, call.Name) || IsOwnedMacro(context, call))
        {
            return ($"`{RustCode.Short(context.TextOf(call.Span))}` copies a value that `{RustCode.Short(receiver)}` has just built and nothing else holds",
                $"drop the `.{call.Name}()`: the built value is already owned");
        }

        if (!RustCode.IsPlace(receiver) || receiver.Count(c => c == '.') > 1)
        {
            return null;
        }

        var root = RustCode.RootName(receiver);
        if (root == "self")
        {
            return null;
        }

        // `x.clone().join("y")`: a `&self` method on the copy; the original reads the same.
        if (call.Name == "clone" && receivedBy[call].FirstOrDefault() is { IsMethodCall: true } reader && ReadIntoNew.Contains(reader.Name)
            && !MentionedIn(tokens, root, reader, except: call))
        {
            return ($"`{RustCode.Short(context.TextOf(call.Span))}` is copied only to call `{reader.Name}`, which takes `&self` and returns a new value",
                $"call it on `{receiver}` directly: `{receiver}.{reader.Name}(…)`");
        }

        return MovedAtLastUse(context, tokens, call, receiver, root);
    }

    private static (string, string)? MovedAtLastUse(RuleContext context, RustTokens tokens, CallNode call, string receiver, string root)
    {
        var function = call.EnclosingFunction();
        var let = call.FindLet(root);
        var parameter = let is null ? call.FindParameter(root) : null;
        if (function is null || let is null && parameter is null || OwnedTypeOf(context, let, parameter, receiver != root) is not { } owned || !Fits(owned, call.Name))
        {
            return null;
        }

        var declaredAt = let?.Span.End ?? function.BodySpan.Start;
        var scopeEnd = let is not null ? tokens.EnclosingBlockEnd(let.Span.Start) : function.Span.End;

        // Each pass of a loop (or call of a closure) around the copy must bind a fresh value.
        foreach (var around in call.Ancestors().TakeWhile(a => a != function))
        {
            if (around is LoopNode or ClosureNode && (let is null || !around.Span.Contains(let.Span)))
            {
                return null;
            }
        }

        var callIndex = tokens.IndexAt(call.Span.Start);
        var later = BindingUses.Find(context.Tree, root, call.Span.End, scopeEnd);
        if (later.Any(u => !InSkippedBranch(tokens, callIndex, tokens.IndexAt(u.Position))))
        {
            return null;
        }

        // Nothing may still borrow the original: a borrow, a borrowing method or a closure between, unless a block that ended before the copy holds it.
        var closures = NodesByType.Of<ClosureNode>(context.Tree).Where(c => c.Span.Start >= declaredAt && c.Span.End <= call.Span.Start).Select(c => c.Span).ToList();
        foreach (var use in BindingUses.Find(context.Tree, root, declaredAt, call.Span.Start))
        {
            var index = tokens.IndexAt(use.Position);
            var lends = use.Kind is UseKind.Borrow or UseKind.MutBorrow || tokens.Kind(index - 1) == RustTokenKind.And || use.Kind == UseKind.ReadMethod && BorrowingMethods.Contains(use.Method!)
                || use.Kind == UseKind.OtherMethod || closures.Any(c => c.Contains(use.Position));
            if (lends && !EndedBefore(tokens, index, callIndex))
            {
                return null;
            }
        }

        return ($"`{RustCode.Short(context.TextOf(call.Span))}` copies `{receiver}` at its last use: nothing reads `{root}` afterwards, so the value can be moved instead",
            $"drop the `.{call.Name}()` and move `{receiver}`");
    }

    private static bool BuildsOwned(CallNode made, string copy) => made.Name switch
    {
        "join" => made.IsMethodCall && made.Arguments.Count == 1 && copy is "clone" or "to_owned" or "to_string" or "to_path_buf",
        "new" or "from" or "with_capacity" when !made.IsMethodCall => OwnedType().Match(made.Callee) is { Success: true } type && Fits(type.Value, copy),
        "to_string" => copy is "clone" or "to_owned" or "to_string",
        _ => false,
    };

    private static bool Fits(string type, string copy) => copy switch
    {
        "clone" or "to_owned" => true,
        _ when type.Length == 0 => false,
        "to_string" => type.EndsWith("String", StringComparison.Ordinal) && !type.EndsWith("OsString", StringComparison.Ordinal),
        "to_vec" => type.EndsWith("Vec", StringComparison.Ordinal),
        "to_path_buf" => type.EndsWith("PathBuf", StringComparison.Ordinal),
        "to_os_string" => type.EndsWith("OsString", StringComparison.Ordinal),
        _ => false,
    };

    // `format!(…).to_string()`, `vec![…].to_vec()`.
    private static bool IsOwnedMacro(RuleContext context, CallNode call) =>
        call.ReceiverCall is null && context.Nodes<MacroCallNode>().Any(m => m.Span == call.ReceiverSpan && (m.Name == "format" && call.Name is "to_string" or "to_owned" or "clone" || m.Name == "vec" && call.Name is "to_vec" or "to_owned" or "clone"));

    /// <summary>
    /// The type of an owned, allocating value the binding holds and the code can move, or null: an initializer that builds
    /// one (`String::from`, `vec!`, `.to_string()`, a tuple or a struct of this file), or a by-value parameter of such a
    /// type. "" when the value is owned but its type unknown (only `clone`/`to_owned` then surely copy it: `to_string` of a
    /// struct formats it). A field is moved out only of a type without a `Drop` impl.
    /// </summary>
    private static string? OwnedTypeOf(RuleContext context, AssignmentNode? let, Parameter? parameter, bool field)
    {
        var type = let?.TypeAnnotation ?? parameter?.Type;
        if (type is not null)
        {
            type = type.Trim();
            if (type.StartsWith('&') || type.Contains("Rc<", StringComparison.Ordinal) || type.Contains("Arc<", StringComparison.Ordinal) || type.StartsWith("impl", StringComparison.Ordinal))
            {
                return null;
            }

            if (OwnedType().Match(type) is { Success: true } known)
            {
                return field ? null : known.Value;
            }

            return LocalStruct(context, type) is { } named && (!field || !HasDrop(context, named)) ? "" : null;
        }

        if (let?.ValueSpan is not { } value)
        {
            return null;
        }

        var text = context.TextOf(value).Trim();
        if (text.Contains("Rc::", StringComparison.Ordinal) || text.Contains("Arc::", StringComparison.Ordinal))
        {
            return null;
        }

        if (OwnedInitializer().IsMatch(text))
        {
            return field ? null
                : text.StartsWith("vec!", StringComparison.Ordinal) ? "Vec"
                : text.StartsWith("format!", StringComparison.Ordinal) ? "String"
                : OwnedType().Match(text.Replace("std::", "", StringComparison.Ordinal)).Value;
        }

        if (OwnedConversion().Match(text) is { Success: true } conversion)
        {
            return field ? null : conversion.Value switch
            {
                ".to_string()" => "String",
                ".to_vec()" => "Vec",
                ".to_path_buf()" => "PathBuf",
                ".to_os_string()" => "OsString",
                _ => "",
            };
        }

        if (text.StartsWith('(') && text.EndsWith(')') && text.Contains(',', StringComparison.Ordinal) && !text.Contains('&', StringComparison.Ordinal))
        {
            return ""; // a tuple of owned parts: `tup.0` moves out
        }

        return StructLiteral().Match(text) is { Success: true } literal && LocalStruct(context, literal.Groups[1].Value) is { } name && (!field || !HasDrop(context, name)) ? "" : null;
    }

    // A struct declared in this file that is not `Copy` (copying a `Copy` value allocates nothing).
    private static string? LocalStruct(RuleContext context, string type)
    {
        var name = type.Split('<')[0].Trim();
        return context.Nodes<TypeDeclNode>().Any(t => t.Name == name && t.TypeKind is TypeDeclKind.Struct or TypeDeclKind.Enum
            && !t.Attributes.Any(a => a.Name == "derive" && a.Arguments?.Contains("Copy", StringComparison.Ordinal) == true))
            ? name
            : null;
    }

    private static bool HasDrop(RuleContext context, string type) =>
        context.Nodes<ImplNode>().Any(i => i.SelfType.Split('<')[0].Trim() == type && i.Trait is { } t && (t == "Drop" || t.EndsWith("::Drop", StringComparison.Ordinal)));

    private static bool MentionedIn(RustTokens tokens, string root, CallNode outer, CallNode except)
    {
        for (var i = tokens.IndexAt(outer.Span.Start); i < tokens.Count && tokens[i].Start < outer.Span.End; i++)
        {
            if (tokens.IsIdentifier(i, root) && !except.Span.Contains(tokens[i].Start) && tokens.Kind(i - 1) is not (RustTokenKind.Dot or RustTokenKind.ColonColon))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="use"/> lies in an `else` branch of an `if` whose taken branch holds the copy.</summary>
    private static bool InSkippedBranch(RustTokens tokens, int copy, int use)
    {
        for (var open = tokens.EnclosingOpen(copy); open >= 0; open = tokens.EnclosingOpen(open))
        {
            if (tokens.Kind(open) != RustTokenKind.OpenBrace)
            {
                continue;
            }

            var close = tokens.Match(open);
            if (close < 0 || use < close)
            {
                return false; // the use is inside this block, after the copy
            }

            var end = close;
            var depth = tokens.EnclosingOpen(open);
            while (tokens.Kind(end + 1) == RustTokenKind.Else)
            {
                var next = end + 2;
                while (next < tokens.Count && !(tokens.Kind(next) == RustTokenKind.OpenBrace && tokens.EnclosingOpen(next) == depth))
                {
                    next++;
                }

                end = tokens.Match(next);
                if (end < 0)
                {
                    return false;
                }
            }

            if (end > close)
            {
                return use <= end;
            }
        }

        return false;
    }

    // A bare block statement (`{ let u = &s; … }`) that closed before the copy: whatever it borrowed is gone.
    private static bool EndedBefore(RustTokens tokens, int use, int copy)
    {
        for (var open = tokens.EnclosingOpen(use); open >= 0; open = tokens.EnclosingOpen(open))
        {
            if (tokens.Kind(open) != RustTokenKind.OpenBrace)
            {
                continue;
            }

            var close = tokens.Match(open);
            if (close < 0 || close > copy)
            {
                return false;
            }

            if (tokens.Kind(open - 1) is RustTokenKind.Semicolon or RustTokenKind.OpenBrace or RustTokenKind.CloseBrace)
            {
                return true;
            }
        }

        return false;
    }
}
