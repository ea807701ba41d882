using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS004: a <c>String</c> allocated on every pass of a loop only to be borrowed, compared or formatted again.</summary>
public sealed class StringAllocationPerIteration : Rule
{
    /// <summary>Log macros: RS010 owns arguments built only for them.</summary>
    internal static readonly HashSet<string> LogMacros = new(StringComparer.Ordinal) { "trace", "debug", "info", "warn", "error", "log", "event" };

    public static RuleDescriptor Info { get; } = new(
        "RS004",
        "rust/string-alloc-in-loop",
        nameof(StringAllocationPerIteration),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `to_string()`, `to_owned()`, `String::from` and `format!` inside a loop when the new `String` is only lent or read: `map.get(&key.to_string())`, `buf.push_str(&format!(…))`, `let key = word.to_string();` used only as `&key`; a `String` key handed to `map.entry(…)` on every pass; `to_lowercase()`/`to_uppercase()` compared with an ASCII literal. A function that a loop calls once per item (resolved) counts as a loop body.",
        WhyBad: "Each pass allocates, copies and frees a heap string that the loop throws away at once; `HashMap<String, _>`/`HashSet<String>` accept a `&str` lookup, and `write!` formats straight into a buffer.",
        Example: "for word in words {\n    let key = word.to_string();\n    if dictionary.contains(&key) {\n        hits += 1;\n    }\n}",
        UseInstead: "for word in words {\n    if dictionary.contains(*word) {\n        hits += 1;\n    }\n}",
        CostOperation: "Small String allocation");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        foreach (var node in context.Tree.Nodes)
        {
            var what = node switch
            {
                CallNode { IsMethodCall: true, Name: "to_string" or "to_owned", Arguments.Count: 0 } => "allocates",
                // On a `str` these build a new `String`; on a `char` they return an iterator, which `==` cannot compare with a
                // string, so only the comparison shape below reports them.
                CallNode { IsMethodCall: true, Name: "to_lowercase" or "to_uppercase", Arguments.Count: 0 } => "allocates",
                CallNode { IsMethodCall: false, Callee: "String::from", Arguments.Count: 1 } => "allocates",
                MacroCallNode { Name: "format", Path: "format" or "std::format" or "alloc::format" } => "formats into",
                _ => null,
            };
            if (what is null)
            {
                continue;
            }

            // In a loop, or in a function a loop calls once per item (resolved): its body is a loop body one call away.
            var loops = node.HotLoops();
            var caller = loops.Count == 0 ? node.PerItemCaller(context.Project) : null;
            if ((loops.Count == 0 && caller is null) || InsideLogMacro(node) || node.IsTestCode())
            {
                continue;
            }

            var text = RustCode.Short(context.TextOf(node.Span));
            var loop = caller is null ? "every iteration of " + RustCode.Describe(loops[0]) : RustCode.DescribePerItem(node, caller);
            if (node is CallNode { Name: "to_lowercase" or "to_uppercase" } caseChange)
            {
                ReportCaseFolding(context, tokens, caseChange, text, loop);
                continue;
            }

            if (EntryKey(tokens, node) is { } map)
            {
                // `*counts.entry(word.to_string()).or_insert(0) += 1`: the key is allocated on every pass, and dropped at once
                // whenever the word is already counted, which is most passes once the map has warmed up.
                context.Report(
                    node,
                    $"`{map}.entry({text})` {what} a new `String` key on {loop}, even when the key is already in the map and the new one is dropped",
                    $"look the key up by `&str` first and allocate only for a new key: `if let Some(v) = {map}.get_mut(key) {{ … }} else {{ {map}.insert(key.to_owned(), …); }}`",
                    Confidence.Medium,
                    "Removes one heap allocation, copy and free per iteration whose key is already present.");
                continue;
            }

            // A pass that writes to a file or the terminal (directly, or through a function of the reviewed code that
            // does) costs microseconds: one small allocation is noise there, so the finding ranks low.
            var busy = (caller is null ? loops[0].PerIteration<CallNode>() : node.EnclosingFunction()!.Descendants<CallNode>())
                .Any(c => RustCode.IsIoCall(c) || context.Project.DoesIo(c.Name));
            if (OnTheSpot(tokens, node) is { } how)
            {
                context.Report(
                    node,
                    $"`{text}` {what} a new `String` on {loop} only to {how}",
                    how.StartsWith("append", StringComparison.Ordinal)
                        ? "format straight into the buffer with `write!(buf, …)` (`use std::fmt::Write;`)"
                        : node is MacroCallNode
                            ? "write the formatted text straight to its destination (`write!(out, …)`), or reuse one `String` buffer cleared each pass"
                            : "pass the `&str` you already have: maps and sets keyed by `String` accept `&str` lookups (`map.get(key)`), and `==` compares `String` with `&str`",
                    busy ? Confidence.Low : node is MacroCallNode && how.StartsWith("lend", StringComparison.Ordinal) ? Confidence.Medium : Confidence.High,
                    "Removes one heap allocation, copy and free per iteration.");
            }
            else if (node.Parent is AssignmentNode { Operator: "let", IsMutable: false, Targets: [var name], ValueSpan: { } value } let && value == node.Span && let.TypeAnnotation is null)
            {
                var uses = BindingUses.Find(context.Tree, name, let.Span.End, tokens.EnclosingBlockEnd(let.Span.Start));
                if (uses.Count == 0 || !BindingUses.AllReadOnly(uses) || OnlyLogged(context, uses))
                {
                    continue;
                }

                context.Report(
                    node,
                    $"`{name}` = `{text}` {what} a new `String` on {loop}, and `{name}` is only read",
                    "borrow the `&str` it is made from; if text must be built, keep one `String` outside the loop and `clear()` it each pass, or return `Cow<str>` where only some items change",
                    busy ? Confidence.Low : uses.All(u => u.Kind is UseKind.Borrow or UseKind.FormatArgument or UseKind.Compared) ? Confidence.High : Confidence.Medium,
                    "Removes one heap allocation, copy and free per iteration.");
            }
        }
    }

    // `name.to_lowercase() == "get"`: a new String per pass, compared once with a literal and dropped.
    private static void ReportCaseFolding(RuleContext context, RustTokens tokens, CallNode call, string text, string loop)
    {
        var first = tokens.IndexAt(call.Span.Start);
        var last = tokens.IndexAt(call.Span.End) - 1;
        var literal = tokens.Kind(last + 1) is RustTokenKind.EqEq or RustTokenKind.Ne && tokens.Kind(last + 2) == RustTokenKind.StringLiteral
            && tokens.Kind(last + 3) is not (RustTokenKind.Dot or RustTokenKind.OpenBracket) ? tokens.Text(last + 2)
            : tokens.Kind(first - 1) is RustTokenKind.EqEq or RustTokenKind.Ne && tokens.Kind(first - 2) == RustTokenKind.StringLiteral ? tokens.Text(first - 2)
            : null;
        if (literal is null || literal.Any(c => c > 127) || !literal.Any(char.IsLetter))
        {
            return; // only a comparison with an ASCII literal has an allocation-free equivalent that keeps the result
        }

        context.Report(
            call,
            $"`{text}` allocates a new `String` on {loop} only to compare it with {literal}",
            $"compare without allocating: `{(call.ReceiverSpan is { } receiver ? RustCode.Short(context.TextOf(receiver)) : "text")}.eq_ignore_ascii_case({literal})` (the same result for ASCII text; Unicode case folding maps a few non-ASCII letters, such as the Kelvin sign, to ASCII ones)",
            Confidence.Medium,
            "Removes one heap allocation, copy and free per iteration.");
    }

    // `map.entry(<node>)`: the allocation is the entry key. Returns the receiver's text.
    private static string? EntryKey(RustTokens tokens, SyntaxNode node)
    {
        var first = tokens.IndexAt(node.Span.Start);
        var last = tokens.IndexAt(node.Span.End) - 1;
        if (tokens.Kind(last + 1) != RustTokenKind.CloseParen || tokens.Kind(first - 1) != RustTokenKind.OpenParen
            || tokens.Text(first - 2) != "entry" || tokens.Kind(first - 3) != RustTokenKind.Dot || tokens.Kind(first - 4) != RustTokenKind.Identifier)
        {
            return null;
        }

        return tokens.Text(first - 4);
    }

    private static bool InsideLogMacro(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not (FunctionNode or LoopNode)).OfType<MacroCallNode>().Any(m => LogMacros.Contains(m.Name));

    // The uses are all arguments of log macros: RS010's finding, not ours.
    private static bool OnlyLogged(RuleContext context, List<BindingUse> uses) =>
        uses.All(u => context.Nodes<MacroCallNode>().Any(m => LogMacros.Contains(m.Name) && m.ArgumentsSpan.Contains(u.Position)));

    // `&x.to_string()`, `x.to_string() == y`, `format!("{}", x.to_string())`: the new String is lent once and dropped.
    private static string? OnTheSpot(RustTokens tokens, SyntaxNode node)
    {
        var first = tokens.IndexAt(node.Span.Start);
        var last = tokens.IndexAt(node.Span.End) - 1;
        var before = tokens.Kind(first - 1);
        var after = tokens.Kind(last + 1);
        if (before == RustTokenKind.And && tokens.Kind(first - 2) is not (RustTokenKind.Identifier or RustTokenKind.CloseParen or RustTokenKind.CloseBracket or RustTokenKind.IntegerLiteral)
            && after is not (RustTokenKind.Dot or RustTokenKind.OpenBracket or RustTokenKind.Question))
        {
            var open = tokens.EnclosingOpen(first);
            var method = open > 1 && tokens.Kind(open) == RustTokenKind.OpenParen && tokens.Kind(open - 2) == RustTokenKind.Dot ? tokens.Text(open - 1) : null;
            if (method == "push_str")
            {
                return "append it to another string";
            }

            // `&n.to_string()` of a number or a char is a conversion the callee may need; a lookup by a new String is the clear waste.
            var converts = node is CallNode { Name: "to_string" } && method is not ("get" or "get_mut" or "contains" or "contains_key" or "remove" or "starts_with" or "ends_with" or "eq");
            return converts ? null : method is "get" or "get_mut" or "contains" or "contains_key" or "remove" ? "look it up" : "lend it as a reference";
        }

        if (before is RustTokenKind.EqEq or RustTokenKind.Ne || after is RustTokenKind.EqEq or RustTokenKind.Ne)
        {
            return "compare it";
        }

        if (node.Parent is MacroCallNode macro && BindingUses.FormattingMacros.Contains(macro.Name) && !LogMacros.Contains(macro.Name)
            && macro.Arguments.Any(a => a.Span == node.Span))
        {
            return $"format it again in `{macro.Name}!`";
        }

        return null;
    }
}
