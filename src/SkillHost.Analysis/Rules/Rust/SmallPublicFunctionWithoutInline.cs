using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS008: a small, non-generic public function of a library crate that calls other code and has no <c>#[inline]</c>.</summary>
public sealed class SmallPublicFunctionWithoutInline : Rule
{
    private const int MaxStatements = 5;

    private static readonly HashSet<string> BlockingNames = new(StringComparer.Ordinal) { "sleep", "sleep_ms", "sleep_until", "park", "park_timeout", "park_timeout_ms", "exit", "abort", "resume_unwind", "wait", "join" };

    private static readonly HashSet<string> ColdMacros = new(StringComparer.Ordinal) { "panic", "unimplemented", "todo", "unreachable" };

    public static RuleDescriptor Info { get; } = new(
        "RS008",
        "rust/missing-inline",
        nameof(SmallPublicFunctionWithoutInline),
        SourceLanguage.Rust,
        WhatItDoes: "Flags a `pub fn` of a library crate (a `lib.rs`, or a tree without `fn main`) that takes parameters, is not generic, has at most five statements, calls another function that stays a call after inlining (not an `#[inline]` or generic function of the reviewed code, an inline standard method, or a small leaf) and carries no `#[inline]` or `#[doc(hidden)]` — outside tests, binaries, private platform modules (`sys`, `imp`), builders, I/O wrappers and functions returning a fresh buffer. Low confidence unless the reviewed code calls it in a loop.",
        WhyBad: "Without `#[inline]` (or LTO) a non-generic function that calls other code is not inlined into other crates: a caller in a hot loop pays a real call, and loses the optimisations inlining would unlock. Small functions without calls are inlined across crates by recent compilers anyway, so they are not flagged.",
        Example: "pub fn luminance(px: Rgb) -> u8 {\n    weighted_sum(px.r, px.g, px.b)\n}",
        UseInstead: "#[inline]\npub fn luminance(px: Rgb) -> u8 {\n    weighted_sum(px.r, px.g, px.b)\n}",
        CostOperation: "Rust function call (not inlined)");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A crate built only as a C-ABI library (a Python extension module) has no Rust callers, and one released with fat LTO
        // is inlined across crates by the linker: `#[inline]` changes nothing in either (Cargo.toml, via the file's crate facts).
        if (!RustCode.IsLibraryFile(context.Tree) || context.Tree.Crate is { } crate && (crate.NoRustCallers || crate.FatLto))
        {
            return;
        }

        var tokens = RustTokens.Of(context.Tree);
        var genericImpls = new Dictionary<ImplNode, bool>();
        foreach (var function in context.Nodes<FunctionNode>())
        {
            if (function is not { Visibility: Visibility.Public, HasBody: true, IsAsync: false } || function.Name == "main"
                || function.Attributes.Any(a => a.Name is "inline" or "cold" or "no_mangle" or "export_name" or "naked" or "track_caller")
                || IsGeneric(tokens, function) || function.FirstAncestor<ImplNode>() is { } impl && (impl.Trait is not null || IsGenericImpl(context, impl, genericImpls))
                || function.IsTestCode() || function.Attributes.Any(a => a.Name == "doc" && (a.Arguments ?? "").Contains("hidden", StringComparison.Ordinal)))
            {
                continue;
            }

            // A syscall or I/O wrapper (`unsafe` FFI inside, `io::Result` out) costs microseconds: the call it would save is noise.
            // Builder setters (`-> &mut Self`) run while setting up, and blocking or unwinding calls are never call-overhead bound.
            if (function.ReturnType is { } returns && (returns.Contains("io::Result", StringComparison.Ordinal) || returns.Replace(" ", "", StringComparison.Ordinal) is "&mutSelf" || returns.Trim() == "!")
                || HasUnsafeBlock(tokens, function) || BlockingNames.Contains(function.Name)
                || function.Attributes.Any(a => a.Name.StartsWith("rustc_", StringComparison.Ordinal)) || IsInternalModule(context.Tree)
                || function.Parameters.Count == 0 || ReturnsOwnedBuffer(function.ReturnType))
            {
                continue;
            }

            // Calls that disappear when the compiler inlines them (an `#[inline]` or generic function of the reviewed code, a
            // standard method that is itself inline, a small leaf) leave a leaf function, which recent compilers inline across crates.
            var calls = function.Descendants<CallNode>().Where(c => !IsConstructor(c) && !context.Project.VanishesWhenInlined(c.Name)).ToList();
            if (calls.Count == 0 || calls.All(c => BlockingNames.Contains(c.Name)) || function.Descendants<MacroCallNode>().Any(m => ColdMacros.Contains(m.Name))
                || function.Descendants<LoopNode>().Any() || function.Descendants<ClosureNode>().Any() || Statements(tokens, function) > MaxStatements)
            {
                continue;
            }

            var callee = calls[0].Name;

            // The attribute matters to callers in other crates only: a loop in the same crate inlines the call without it.
            var calledInLoop = context.Project.IsCalledInLoop(function.Name)
                && !(context.Project.LoopCallerOf(function) is { } caller && Projects.CrateFacts.SameCrate(caller.Tree, context.Tree));
            // Reported on the call inside so the evidence sees the function's callers; the span stays on the name.
            context.Report(
                calls[0],
                $"`pub fn {function.Name}` is small and calls `{callee}`, but has no `#[inline]`: callers in other crates cannot inline it (without LTO)",
                $"add `#[inline]` above `pub fn {function.Name}` if other crates call it on hot paths — check with a benchmark; leave it off for large or rarely called functions",
                calledInLoop ? Confidence.Medium : Confidence.Low,
                "Saves a call per use from other crates and lets the optimiser work across the call.",
                function.NameSpan.IsEmpty ? function.Span : function.NameSpan,
                // The attribute is offered as an edit only where the reviewed code calls the function in a loop: elsewhere
                // the advice is to benchmark first, and a patch would add it everywhere unasked.
                edits: calledInLoop ? InlineAttribute(context, function) : null);
        }
    }

    /// <summary>`#[inline]` on a line of its own above the signature, indented as it is; none unless the signature starts its line.</summary>
    private static Replacement[]? InlineAttribute(RuleContext context, FunctionNode function)
    {
        if (function.NameSpan.IsEmpty || function.NameSpan.Start == 0)
        {
            return null;
        }

        var text = context.Tree.Source.Text;
        var lineStart = text.LastIndexOf('\n', function.NameSpan.Start - 1) + 1;
        var head = text.AsSpan(lineStart, function.NameSpan.Start - lineStart);
        var indent = head.Length - head.TrimStart(" \t").Length;
        if (!head.TrimStart(" \t").StartsWith("pub", StringComparison.Ordinal) || !head.TrimEnd().EndsWith("fn", StringComparison.Ordinal))
        {
            return null;
        }

        return [Replacement.Insert(lineStart, string.Concat(head[..indent], "#[inline]", context.Tree.Source.LineBreak))];
    }

    // Parameterless free functions (`home_dir()`, `args()`) are one-shot global queries, and a function that returns a fresh
    // String/PathBuf/Vec pays an allocation that dwarfs the call.
    private static bool ReturnsOwnedBuffer(string? returns) =>
        returns is not null && (returns.Contains("String", StringComparison.Ordinal) || returns.Contains("PathBuf", StringComparison.Ordinal)
            || returns.Contains("Vec<", StringComparison.Ordinal) || returns.Contains("Box<", StringComparison.Ordinal));

    // `sys`, `pal`, `imp`: the conventional names of a crate's private platform layer, whose `pub` items other crates cannot reach.
    private static bool IsInternalModule(SyntaxTree tree)
    {
        var segments = (tree.Source.Path ?? "").Replace('\\', '/').Split('/');
        return segments.Take(segments.Length - 1).Any(s => s is "sys" or "pal" or "imp" or "internal" or "private");
    }

    private static bool HasUnsafeBlock(RustTokens tokens, FunctionNode function)
    {
        for (var i = tokens.IndexAt(function.BodySpan.Start); i < tokens.Count && tokens[i].Start < function.BodySpan.End; i++)
        {
            if (tokens.Kind(i) == RustTokenKind.Unsafe)
            {
                return true;
            }
        }

        return false;
    }

    // `Some(x)`, `Ok(())`, `Wrapper(x)`, `Self { … }`: constructors, not calls.
    private static bool IsConstructor(CallNode call) => call.Name.Length > 0 && char.IsUpper(call.Name[0]);

    private static bool IsGeneric(RustTokens tokens, FunctionNode function)
    {
        var i = tokens.IndexAt(function.NameSpan.End);
        if (tokens.Kind(i) == RustTokenKind.Lt)
        {
            return true;
        }

        // `impl Trait` parameters are generics in disguise.
        for (; i < tokens.Count && tokens[i].Start < function.BodySpan.Start; i++)
        {
            if (tokens.Kind(i) == RustTokenKind.Impl || tokens.Kind(i) == RustTokenKind.Extern)
            {
                return true;
            }
        }

        return false;
    }

    // Once per impl block (its methods all ask), and over the text in place: copying a large impl per method was quadratic.
    private static bool IsGenericImpl(RuleContext context, ImplNode impl, Dictionary<ImplNode, bool> known)
    {
        if (!known.TryGetValue(impl, out var generic))
        {
            var text = context.Tree.Source.Text.AsSpan(impl.Span.Start, impl.Span.Length);
            generic = impl.SelfType.Contains('<', StringComparison.Ordinal) || text.TrimStart().StartsWith("impl<", StringComparison.Ordinal)
                || impl.Attributes.Count > 0 && text.Contains("impl<", StringComparison.Ordinal);
            known[impl] = generic;
        }

        return generic;
    }

    // Top-level statements of the body: semicolons directly inside its braces, each block-bodied statement (`if … {}`,
    // `match … {}`, an `else` chain counted once), plus a trailing expression.
    private static int Statements(RustTokens tokens, FunctionNode function)
    {
        // The body span may or may not include its braces.
        var open = tokens.IndexAt(function.BodySpan.Start);
        if (tokens.Kind(open) != RustTokenKind.OpenBrace)
        {
            open = tokens.Kind(open - 1) == RustTokenKind.OpenBrace ? open - 1 : tokens.EnclosingOpen(open);
        }

        var close = tokens.Match(open);
        if (close < 0)
        {
            return int.MaxValue;
        }

        var statements = 0;
        var trailing = false;
        for (var i = open + 1; i < close; i++)
        {
            if (tokens.EnclosingOpen(i) != open)
            {
                continue;
            }

            if (tokens.Kind(i) == RustTokenKind.Semicolon)
            {
                statements++;
                trailing = false;
            }
            else if (tokens.Kind(i) == RustTokenKind.OpenBrace && tokens.Match(i) is var end && end > i)
            {
                // A block ends a statement unless `else`, `;`, a method call or an operator carries it on.
                var next = end + 1 < close ? tokens.Kind(end + 1) : RustTokenKind.CloseBrace;
                if (next is RustTokenKind.Else or RustTokenKind.Semicolon or RustTokenKind.Dot)
                {
                    trailing = true;
                }
                else
                {
                    statements++;
                    trailing = false;
                }

                i = end;
            }
            else
            {
                trailing = true;
            }
        }

        return statements + (trailing ? 1 : 0);
    }
}
