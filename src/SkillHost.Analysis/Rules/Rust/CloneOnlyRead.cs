using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS003: a <c>.clone()</c> whose copy is only read — formatted, borrowed, compared — where the original could be lent.</summary>
public sealed partial class CloneOnlyRead : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "RS003",
        "rust/unnecessary-clone",
        nameof(CloneOnlyRead),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `let s = x.field.clone();` when `s` is afterwards only formatted (`format!`, `println!`, `write!`), borrowed (`&s`), compared or read through `&self` methods, a `.clone()` borrowed or formatted on the spot (`f(&x.clone())`, `format!(\"{}\", x.clone())`), and a collection copied (`.clone()`, `.to_owned()`, `.to_vec()`) and then cleared in the same block without being read in between, where `std::mem::take` moves the contents out. With last-use facts (clippy's `redundant_clone`): a copy (`clone`, `to_string`, `to_owned`, `to_vec`, `to_path_buf`, `to_os_string`) of an owned local or by-value parameter that nothing uses afterwards and nothing still borrows, outside any loop or closure that does not bind it afresh; a copy of a value a call has just built (`[a, b].join(\" \").to_string()`); and `x.clone().join(…)` where the method takes `&self`.",
        WhyBad: "Cloning a `String` or `Vec` allocates and copies it; when the copy is only read, a borrow of the original gives the same result for free.",
        Example: "let recipient = parcel.recipient.clone();\nformat!(\"{}\", recipient)",
        UseInstead: "format!(\"{}\", parcel.recipient)\n// or: let recipient = &parcel.recipient;",
        CostOperation: "Small String allocation");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        var receivedBy = context.Nodes<CallNode>().Where(c => c.ReceiverCall is not null).ToLookup(c => c.ReceiverCall!);
        foreach (var call in context.Nodes<CallNode>())
        {
            if (call is { IsMethodCall: true, Arguments.Count: 0, ReceiverSpan: { } from } && Copies.Contains(call.Name) && !call.IsTestCode()
                && ClearedAfterCopy(context.Tree.Source, tokens, call, context.TextOf(from).Trim()) is null
                && MovableCopy(context, tokens, call, receivedBy) is { } movable)
            {
                var tail = TextSpan.FromBounds(from.End, call.Span.End);
                context.Report(
                    call,
                    movable.Message,
                    movable.Fix,
                    call.IsHot(context) ? Confidence.Medium : Confidence.Low, // one copy per call matters only where the code repeats
                    "Saves an allocation and a copy of the value per execution.",
                    edits: movable.Fix.StartsWith("drop", StringComparison.Ordinal) && context.TextOf(tail).Trim() == "." + call.Name + "()" ? [Replacement.Delete(tail)] : null);
                continue;
            }

            if (call is { Name: "clone" or "to_owned" or "to_vec", IsMethodCall: true, Arguments.Count: 0, ReceiverSpan: { } copied }
                && !call.IsTestCode() && ClearedAfterCopy(context.Tree.Source, tokens, call, context.TextOf(copied).Trim()) is { } clear)
            {
                ReportCopyThenClear(context, call, context.TextOf(copied).Trim(), clear);
                continue;
            }

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

    private static void ReportCopyThenClear(RuleContext context, CallNode call, string receiver, int clearLine)
    {
        var place = receiver.TrimStart('*');
        context.Report(
            call,
            $"`{RustCode.Short(context.TextOf(call.Span))}` copies every element of `{place}`, which is cleared (line {clearLine}) without being read in between: the copy allocates for contents that are thrown away",
            $"move the contents out instead: `std::mem::take(&mut *{place})` for a lock guard or `&mut` reference, `std::mem::take(&mut {place})` for an owned collection; it leaves `{place}` empty as `clear()` did (with no capacity kept), so drop the `clear()`",
            Confidence.Medium,
            "Saves one allocation of the whole collection and a copy (a clone per element for `String`s and other owned items) every time this runs.",
            occurrences: (int)context.Options.AssumeN,
            occurrencesAssumed: true,
            occurrenceAssumption: $"`{place}` holds {Cost.CostText.Count(context.Options.AssumeN)} items",
            costGrowsWithData: true);
    }

    /// <summary>
    /// The line of a `P.clear();` statement (or `(*P).clear()`) that follows the statement holding <paramref name="copy"/> in
    /// the same block, when `P` (a name or field path, possibly dereferenced) is not mentioned in between; otherwise null.
    /// </summary>
    private static int? ClearedAfterCopy(SourceText source, RustTokens tokens, CallNode copy, string receiver)
    {
        var place = receiver.TrimStart('*', ' ');
        if (!RustCode.IsPlace(place))
        {
            return null;
        }

        var root = RustCode.RootName(place);
        var first = tokens.IndexAt(copy.Span.Start);
        var block = tokens.EnclosingOpen(first);
        while (block >= 0 && tokens.Kind(block) != RustTokenKind.OpenBrace)
        {
            block = tokens.EnclosingOpen(block);
        }

        var blockEnd = block < 0 ? -1 : tokens.Match(block);
        if (blockEnd <= first)
        {
            return null;
        }

        // The end of the statement that holds the copy: the next `;` directly in the block.
        var i = tokens.IndexAt(copy.Span.End);
        while (i < blockEnd && !(tokens.Kind(i) == RustTokenKind.Semicolon && tokens.EnclosingOpen(i) == block))
        {
            i++;
        }

        var segments = place.Split('.');
        for (i++; i < blockEnd; i++)
        {
            var isRoot = root == "self" ? tokens.Kind(i) == RustTokenKind.SelfValue : tokens.IsIdentifier(i, root);
            if (!isRoot || tokens.Kind(i - 1) is RustTokenKind.Dot or RustTokenKind.ColonColon)
            {
                continue;
            }

            // The first mention of the root after the copy must be the statement `P.clear();` (or `*P`) directly in the block.
            var start = tokens.Kind(i - 1) == RustTokenKind.Star ? i - 1 : i;
            var statementStart = tokens.Kind(start - 1) is RustTokenKind.Semicolon or RustTokenKind.OpenBrace or RustTokenKind.CloseBrace;
            var j = i + 1;
            for (var s = 1; s < segments.Length; s++, j += 2)
            {
                if (tokens.Kind(j) != RustTokenKind.Dot || tokens.Text(j + 1) != segments[s])
                {
                    return null;
                }
            }

            return statementStart && tokens.EnclosingOpen(i) == block && tokens.Kind(j) == RustTokenKind.Dot && tokens.IsIdentifier(j + 1, "clear")
                && tokens.Kind(j + 2) == RustTokenKind.OpenParen && tokens.Kind(j + 3) == RustTokenKind.CloseParen && tokens.Kind(j + 4) == RustTokenKind.Semicolon
                ? source.GetLinePosition(tokens[i].Start).Line
                : null;
        }

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
