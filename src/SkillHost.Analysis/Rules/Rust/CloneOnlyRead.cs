using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS003: a <c>.clone()</c> whose copy is only read — formatted, borrowed, compared — where the original could be lent.</summary>
public sealed class CloneOnlyRead : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "RS003",
        "rust/unnecessary-clone",
        nameof(CloneOnlyRead),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `let s = x.field.clone();` when `s` is afterwards only formatted (`format!`, `println!`, `write!`), borrowed (`&s`), compared or read through `&self` methods, and a `.clone()` borrowed or formatted on the spot (`f(&x.clone())`, `format!(\"{}\", x.clone())`).",
        WhyBad: "Cloning a `String` or `Vec` allocates and copies it; when the copy is only read, a borrow of the original gives the same result for free.",
        Example: "let recipient = parcel.recipient.clone();\nformat!(\"{}\", recipient)",
        UseInstead: "format!(\"{}\", parcel.recipient)\n// or: let recipient = &parcel.recipient;",
        CostOperation: "Small String allocation");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        foreach (var call in context.Nodes<CallNode>())
        {
            if (call is not { Name: "clone", IsMethodCall: true, Arguments.Count: 0, ReceiverSpan: { } receiverSpan })
            {
                continue;
            }

            var receiver = context.TextOf(receiverSpan).Trim();
            if (!RustCode.IsPlace(receiver) || call.IsTestCode())
            {
                continue;
            }

            if (call.Parent is AssignmentNode { Operator: "let", IsMutable: false, Targets: [var name], ValueSpan: { } value } let && value == call.Span)
            {
                CheckBinding(context, tokens, call, let, name, receiver);
            }
            else if (BorrowedOnTheSpot(context, tokens, call) is { } how)
            {
                context.Report(
                    call,
                    $"`{RustCode.Short(context.TextOf(call.Span))}` copies `{receiver}` only to {how}",
                    $"use `{receiver}` itself" + (how.StartsWith("borrow", StringComparison.Ordinal) ? $": `&{receiver}`" : ""),
                    Confidence.High,
                    "Saves an allocation and a copy of the value on every execution.",
                    edits: how.StartsWith("format", StringComparison.Ordinal) || receiver.Contains('.', StringComparison.Ordinal) && !receiver.StartsWith('*')
                        ? DropClone(context, call, receiverSpan)
                        : null);
            }
        }
    }

    private static void CheckBinding(RuleContext context, RustTokens tokens, CallNode call, AssignmentNode let, string name, string receiver)
    {
        if (let.TypeAnnotation is not null || name.StartsWith('_'))
        {
            return;
        }

        var scopeEnd = tokens.EnclosingBlockEnd(let.Span.Start);
        var uses = BindingUses.Find(context.Tree, name, let.Span.End, scopeEnd);
        if (uses.Count == 0 || !BindingUses.AllReadOnly(uses) || uses.Any(u => u.Kind == UseKind.Clone))
        {
            return;
        }

        var lastUse = uses.Max(u => u.Position);
        if (OriginalChangesMeanwhile(tokens, RustCode.RootName(receiver), let.Span.End, lastUse))
        {
            return;
        }

        var onlyFormattedOrBorrowed = uses.All(u => u.Kind is UseKind.FormatArgument or UseKind.Borrow);
        var how = uses.All(u => u.Kind == UseKind.FormatArgument) ? "formatted"
            : uses.All(u => u.Kind == UseKind.Borrow) ? "borrowed"
            : "read (formatted, borrowed, compared or used through `&self` methods)";
        context.Report(
            call,
            $"`{name}` is a clone of `{receiver}` that is only {how}: the copy allocates for nothing",
            $"borrow instead: `let {name} = &{receiver};`, or use `{receiver}` directly",
            onlyFormattedOrBorrowed ? Confidence.High : Confidence.Medium,
            "Saves an allocation and a copy of the value per execution; `format!` and friends take their arguments by reference anyway.",
            edits: uses.All(u => u.Kind == UseKind.FormatArgument) ? [new Replacement(call.Span, "&" + receiver)] : null);
    }

    /// <summary>
    /// `x.clone()` → `x` where the copy is formatted (macros take their arguments by reference), or a field's copy is
    /// borrowed or compared (a field place has the type the clone had; a bare name might be a reference, so it gets no edit).
    /// A binding that is only formatted becomes a borrow: `let s = &x;`.
    /// </summary>
    private static Replacement[]? DropClone(RuleContext context, CallNode call, TextSpan receiverSpan)
    {
        var tail = TextSpan.FromBounds(receiverSpan.End, call.Span.End);
        return context.TextOf(tail).Trim() == ".clone()" ? [Replacement.Delete(tail)] : null;
    }

    // `&x.clone()`, `format!("{}", x.clone())`, `x.clone() == y`: the copy is lent or read and then dropped.
    private static string? BorrowedOnTheSpot(RuleContext context, RustTokens tokens, CallNode call)
    {
        var first = tokens.IndexAt(call.Span.Start);
        var last = tokens.IndexAt(call.Span.End) - 1;
        var before = tokens.Kind(first - 1);
        var after = tokens.Kind(last + 1);
        if (before == RustTokenKind.And && tokens.Kind(first - 2) is not (RustTokenKind.Identifier or RustTokenKind.CloseParen or RustTokenKind.CloseBracket or RustTokenKind.IntegerLiteral)
            && after is not (RustTokenKind.Dot or RustTokenKind.OpenBracket or RustTokenKind.Question))
        {
            return "borrow the copy";
        }

        if (before is RustTokenKind.EqEq or RustTokenKind.Ne || after is RustTokenKind.EqEq or RustTokenKind.Ne)
        {
            return "compare it";
        }

        if (call.Parent is MacroCallNode macro && BindingUses.FormattingMacros.Contains(macro.Name) && macro.Arguments.Any(a => a.Span == call.Span))
        {
            return $"format it in `{macro.Name}!`";
        }

        _ = context;
        return null;
    }

    // `let old = self.x.clone(); self.x = new; use(old)`: the clone is a snapshot, a borrow would not compile.
    private static bool OriginalChangesMeanwhile(RustTokens tokens, string root, int from, int to)
    {
        for (var i = tokens.IndexAt(from); i < tokens.Count && tokens[i].Start <= to; i++)
        {
            var isRoot = root == "self" ? tokens.Kind(i) == RustTokenKind.SelfValue : tokens.IsIdentifier(i, root);
            if (!isRoot || tokens.Kind(i - 1) is RustTokenKind.Dot or RustTokenKind.ColonColon)
            {
                continue;
            }

            if (tokens.Kind(i - 1) == RustTokenKind.Mut && tokens.Kind(i - 2) == RustTokenKind.And)
            {
                return true;
            }

            // Walk `.field` / `.method(…)` segments: an assignment after them, or a method that is not clearly read-only, may change the original.
            var j = i + 1;
            while (tokens.Kind(j) == RustTokenKind.Dot && tokens.Kind(j + 1) is RustTokenKind.Identifier or RustTokenKind.IntegerLiteral)
            {
                if (tokens.Kind(j + 2) == RustTokenKind.OpenParen)
                {
                    var method = tokens.Text(j + 1);
                    if (method is not ("clone" or "len" or "is_empty" or "iter" or "get" or "as_str" or "as_ref" or "contains" or "to_string"))
                    {
                        return true;
                    }

                    j = tokens.Match(j + 2) + 1;
                    if (j <= 0)
                    {
                        return true;
                    }

                    continue;
                }

                j += 2;
            }

            if (tokens.Kind(j) is RustTokenKind.Eq or RustTokenKind.PlusEq or RustTokenKind.MinusEq or RustTokenKind.StarEq or RustTokenKind.SlashEq
                or RustTokenKind.OrEq or RustTokenKind.AndEq or RustTokenKind.CaretEq or RustTokenKind.PercentEq or RustTokenKind.ShlEq or RustTokenKind.ShrEq)
            {
                return true;
            }

            // Passed whole to a function (`consume(x)`, `f(&mut x)` handled above): it may be moved or mutated.
            if (j == i + 1 && tokens.Kind(i - 1) is RustTokenKind.OpenParen or RustTokenKind.Comma && tokens.Kind(j) is RustTokenKind.CloseParen or RustTokenKind.Comma)
            {
                return true;
            }
        }

        return false;
    }
}
