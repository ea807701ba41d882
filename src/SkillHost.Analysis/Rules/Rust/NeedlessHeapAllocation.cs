using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS005: a <c>Box</c> around a type that is already a heap handle, a boxed local that never leaves its function, an <c>Arc</c>/<c>Rc</c> never shared.</summary>
public sealed class NeedlessHeapAllocation : Rule
{
    /// <summary>Types that already own a heap buffer behind a small fixed-size handle.</summary>
    private static readonly HashSet<string> HeapHandles = new(StringComparer.Ordinal) { "Vec", "String", "HashMap", "HashSet", "BTreeMap", "BTreeSet", "VecDeque", "BinaryHeap", "LinkedList" };

    public static RuleDescriptor Info { get; } = new(
        "RS005",
        "rust/needless-heap",
        nameof(NeedlessHeapAllocation),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `Box<Vec<_>>`/`Box<String>`/`Box<HashMap<..>>`-style types (a box around a type that is already a heap handle: clippy's `box_collection`), a `Box<T>` parameter or `let x = Box::new(v)` for a local (clippy's `boxed_local`) that is never returned, stored, passed on or turned into a trait object, and `let x = Arc::new(v)`/`Rc::new(v)` that is never cloned or moved anywhere.",
        WhyBad: "Each box is a heap allocation plus a pointer chase on every access; a boxed `Vec` adds a second indirection to reach its elements, and an `Arc` never shared pays an allocation and atomic reference counts for nothing.",
        Example: "let mut acc = Box::new(Extent::EMPTY);\nfor &(x, y) in points {\n    acc.include(x, y);\n}\n*acc",
        UseInstead: "let mut acc = Extent::EMPTY;\nfor &(x, y) in points {\n    acc.include(x, y);\n}\nacc",
        CostOperation: "Small String allocation");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        BoxedHeapHandles(context, tokens);
        BoxedParameters(context, tokens);
        foreach (var let in context.Nodes<AssignmentNode>())
        {
            if (let is not { Operator: "let", Targets: [var name], ValueSpan: { } value } || let.Children.OfType<CallNode>().FirstOrDefault(c => c.Span == value) is not { } call)
            {
                continue;
            }

            var pointer = call.Callee switch
            {
                "Box::new" or "std::boxed::Box::new" => "Box",
                "Arc::new" or "std::sync::Arc::new" or "sync::Arc::new" => "Arc",
                "Rc::new" or "std::rc::Rc::new" or "rc::Rc::new" => "Rc",
                _ => null,
            };
            if (pointer is null || let.TypeAnnotation is { } annotation && (annotation.Contains("dyn", StringComparison.Ordinal) || annotation.Contains("impl", StringComparison.Ordinal))
                || call.Arguments is not [var argument] || argument.Shape is ExpressionShape.Closure || context.TextOf(argument.Span).TrimStart().StartsWith('[')
                || let.IsTestCode())
            {
                continue;
            }

            var uses = BindingUses.Find(context.Tree, name, let.Span.End, tokens.EnclosingBlockEnd(let.Span.Start));
            if (uses.Count == 0 || SharedOrEscapes(context, tokens, pointer, uses))
            {
                continue;
            }

            var inner = RustCode.Short(context.TextOf(argument.Span));
            var message = pointer == "Box"
                ? $"`{name}` is boxed (`Box::new({inner})`) but never leaves the function: it is only used through the box"
                : $"`{name}` is an `{pointer}` (`{pointer}::new({inner})`) that is never cloned or sent anywhere: nothing shares it";
            context.Report(
                call,
                message,
                pointer == "Box"
                    ? $"keep the value on the stack: `let {name} = {inner};` (and drop the `*` derefs)"
                    : $"use the value directly: `let {name} = {inner};`" + (inner.StartsWith("Mutex::new", StringComparison.Ordinal) || inner.StartsWith("RwLock::new", StringComparison.Ordinal) || inner.StartsWith("RefCell::new", StringComparison.Ordinal) ? " — and without sharing, the lock or cell around it can go too" : ""),
                Confidence.Medium,
                pointer == "Box" ? "Saves a heap allocation and a pointer indirection on every access." : "Saves a heap allocation and the reference-count bookkeeping.");
        }
    }

    /// <summary>
    /// clippy's <c>boxed_local</c>: a <c>Box&lt;T&gt;</c> parameter the function only uses through the box (never moves, stores
    /// or passes it on), so every caller allocates for nothing. Not for <c>Box&lt;dyn …&gt;</c> or <c>Box&lt;Self&gt;</c>, methods of
    /// a trait impl (the trait fixes the signature) or <c>extern</c> functions (called from other languages).
    /// </summary>
    private static void BoxedParameters(RuleContext context, RustTokens tokens)
    {
        foreach (var function in context.Nodes<FunctionNode>())
        {
            if (!function.HasBody || function.Parent is ImplNode { Trait: not null } || function.IsTestCode()
                || IsExtern(context, function))
            {
                continue;
            }

            foreach (var parameter in function.Parameters)
            {
                // `_name`: a signature kept on purpose (a platform or callback shape), whatever the body does.
                if (parameter is not { IsSelf: false, Type: { } type } || parameter.Name.StartsWith('_') || !type.StartsWith("Box<", StringComparison.Ordinal) || !type.EndsWith('>')
                    || type.Contains("dyn ", StringComparison.Ordinal) || type.Contains("impl ", StringComparison.Ordinal) || type.Contains("Self", StringComparison.Ordinal)
                    || IsBoxedHandle(type) || parameter.Name.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                var name = parameter.Name.StartsWith("mut ", StringComparison.Ordinal) ? parameter.Name[4..] : parameter.Name;
                var uses = BindingUses.Find(context.Tree, name, function.BodySpan.Start, function.BodySpan.End);
                var inner = type[4..^1];

                // A method we cannot see may take `self: Box<Self>`: only methods of this file's impls that borrow `self` are safe.
                if (SharedOrEscapes(context, tokens, "Box", uses) || uses.Any(u => u.Kind == UseKind.OtherMethod && !BorrowsSelf(context, inner, u.Method!)))
                {
                    continue;
                }

                context.Report(
                    function,
                    $"`{name}: {type}` is only used through the box: every caller allocates a `{RustCode.Short(inner)}` on the heap for nothing",
                    $"take the value itself: `{name}: {inner}` (or `&{inner}`), and let callers pass it without `Box::new`",
                    function.IsHot(context) ? Confidence.Medium : Confidence.Low,
                    "Saves a heap allocation per call and a pointer indirection on every access.",
                    parameter.Span);
            }
        }
    }

    private static bool BorrowsSelf(RuleContext context, string type, string method)
    {
        var name = type.Split('<')[0].Trim();
        return context.Nodes<ImplNode>().Where(i => i.SelfType.Split('<')[0].Trim() == name)
            .SelectMany(i => i.Children.OfType<FunctionNode>())
            .Any(f => f.Name == method && f.Parameters is [{ IsSelf: true } self, ..] && context.TextOf(self.Span).TrimStart().StartsWith('&'));
    }

    // Methods of `Box` itself that consume it (`b.into_vec()`, `b.assume_init()`, `b.leak()`): the box escapes.
    private static bool ConsumesBox(string? method) =>
        method is not null && (method.StartsWith("into_", StringComparison.Ordinal) || method is "assume_init" or "leak" or "downcast" or "write");

    private static bool IsExtern(RuleContext context, FunctionNode function) =>
        context.TextOf(TextSpan.FromBounds(function.Span.Start, function.NameSpan.Start)).Contains("extern", StringComparison.Ordinal);

    // `Box<Vec<T>>` and friends: reported by BoxedHeapHandles already.
    private static bool IsBoxedHandle(string type)
    {
        var path = type[4..].Split('<', '>')[0].Trim();
        return HeapHandles.Contains(path[(path.LastIndexOf(':') + 1)..]);
    }

    private static bool SharedOrEscapes(RuleContext context, RustTokens tokens, string pointer, List<BindingUse> uses)
    {
        foreach (var use in uses)
        {
            switch (use.Kind)
            {
                case UseKind.Moved or UseKind.Clone:
                    return true;
                case UseKind.OtherMethod when pointer == "Box" && ConsumesBox(use.Method):
                    return true;
                case UseKind.Borrow or UseKind.MutBorrow when pointer != "Box" || InsideCallArguments(tokens, use.Position):
                    // `Arc::clone(&x)` shares it; `f(&x)` may clone the Arc or need a `&Box<T>`.
                    return true;
                default:
                    break;
            }
        }

        _ = context;
        return false;
    }

    private static bool InsideCallArguments(RustTokens tokens, int position)
    {
        var open = tokens.EnclosingOpen(tokens.IndexAt(position));
        return open > 0 && tokens.Kind(open) == RustTokenKind.OpenParen && tokens.Kind(open - 1) == RustTokenKind.Identifier;
    }

    // `Box<Vec<T>>`, `Box<String>`, `Option<Box<HashMap<K, V>>>` anywhere in a type.
    private static void BoxedHeapHandles(RuleContext context, RustTokens tokens)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (!tokens.IsIdentifier(i, "Box") || tokens.Kind(i + 1) != RustTokenKind.Lt)
            {
                continue;
            }

            // Skip a path prefix: `std::vec::Vec`, `alloc::string::String`.
            var j = i + 2;
            while (tokens.Kind(j) == RustTokenKind.Identifier && tokens.Kind(j + 1) == RustTokenKind.ColonColon)
            {
                j += 2;
            }

            var handle = tokens.Text(j);
            if (tokens.Kind(j) != RustTokenKind.Identifier || !HeapHandles.Contains(handle) || tokens.Kind(j + 1) is not (RustTokenKind.Lt or RustTokenKind.Gt or RustTokenKind.Shr))
            {
                continue;
            }

            var node = context.Tree.FindNode(tokens[i].Start);
            if (node.IsTestCode() || node is FunctionNode function && tokens[i].Start < function.BodySpan.Start && IsExtern(context, function))
            {
                continue;
            }

            var span = TextSpan.FromBounds(tokens[i].Start, tokens[j].End);
            context.Report(
                node,
                $"`Box<{handle}{(handle == "String" ? "" : "<…>")}>` boxes a `{handle}`, which is already a small handle to a heap buffer: two allocations and two pointer hops to reach the data",
                $"use `{handle}<…>` directly" + (handle == "String" ? " (or `Box<str>` for an immutable string: one allocation, no capacity field)" : handle == "Vec" ? " (or `Box<[T]>` for a fixed-size buffer)" : ""),
                Confidence.High,
                "Saves one heap allocation per value and one indirection on every access.",
                span);
        }
    }
}
