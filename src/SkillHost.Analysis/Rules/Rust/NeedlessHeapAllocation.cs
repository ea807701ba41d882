using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS005: a <c>Box</c> around a type that is already a heap handle, a boxed local that never leaves its function, an <c>Arc</c>/<c>Rc</c> never shared.</summary>
public sealed class NeedlessHeapAllocation : Rule
{
    /// <summary>Types that already own a heap buffer behind a small fixed-size handle.</summary>
    private static readonly HashSet<string> HeapHandles = new(StringComparer.Ordinal) { "Vec", "String", "HashMap", "HashSet", "BTreeMap", "BTreeSet", "VecDeque", "BinaryHeap" };

    public static RuleDescriptor Info { get; } = new(
        "RS005",
        "rust/needless-heap",
        nameof(NeedlessHeapAllocation),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `Box<Vec<_>>`/`Box<String>`-style types (a box around a type that is already a heap handle), `let x = Box::new(v)` for a local that is never returned, stored, passed on or turned into a trait object, and `let x = Arc::new(v)`/`Rc::new(v)` that is never cloned or moved anywhere.",
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

    private static bool SharedOrEscapes(RuleContext context, RustTokens tokens, string pointer, List<BindingUse> uses)
    {
        foreach (var use in uses)
        {
            switch (use.Kind)
            {
                case UseKind.Moved or UseKind.Clone:
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
            if (node.IsTestCode())
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
