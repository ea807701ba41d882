using System.Diagnostics;
using System.Runtime.InteropServices;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>What a <see cref="SyntaxNode"/> stands for; one value per node class.</summary>
public enum SyntaxKind
{
    Module,
    Function,
    TypeDecl,
    ImplBlock,
    Loop,
    Closure,
    Call,
    MacroCall,
    MemberAccess,
    Assignment,
    Await,
    Import,
    With,
    Conditional,
    CollectionLiteral,
    Comparison,
}

/// <summary>
/// A node of the language-neutral structural model. The model keeps what the checklist rules need
/// (functions, types, loops, calls, bindings, awaits…) rather than a full expression grammar; nodes
/// nest by source containment, so a call inside a loop body is a descendant of that loop.
/// </summary>
[DebuggerDisplay("{Kind} {Span}")]
public abstract class SyntaxNode
{
    private static readonly List<SyntaxNode> NoChildren = [];
    // A List while a builder adds children one by one (Rust); an exact-size array when a builder sets them all at once (Python).
    private IReadOnlyList<SyntaxNode>? _children;
    private SyntaxTree? _tree;
    // Caches of ancestor walks (see Resolve), indexed by Frame: the nearest function, loop or function, closure or
    // function; the root stands for "none". Chains of calls and nested brackets make trees thousands of levels deep, and
    // the rules ask these of nearly every node: each walk would cost the depth.
    private SyntaxNode? _function;
    private SyntaxNode? _loopOrFunction;
    private SyntaxNode? _closureOrFunction;

    protected SyntaxNode(TextSpan span) => Span = span;

    public abstract SyntaxKind Kind { get; }

    /// <summary>The whole construct, e.g. a function from its first decorator or attribute to its last body token.</summary>
    public TextSpan Span { get; internal set; }

    public SyntaxNode? Parent { get; internal set; }

    /// <summary>The tree this node belongs to (resolved through <see cref="Parent"/> and cached on first use).</summary>
    public SyntaxTree Tree => _tree ?? ResolveTree();

    public IReadOnlyList<SyntaxNode> Children => _children ?? NoChildren;

    /// <summary><see cref="Children"/> without the interface calls, for walks over every node of a tree.</summary>
    internal ReadOnlySpan<SyntaxNode> ChildSpan => _children switch
    {
        SyntaxNode[] array => array,
        List<SyntaxNode> list => CollectionsMarshal.AsSpan(list),
        _ => default,
    };

    /// <summary>The source text of <see cref="Span"/> (allocates; rules should prefer spans where they can).</summary>
    public string Text => Tree.Source.ToString(Span);

    public LinePosition Start => Tree.Source.GetLinePosition(Span.Start);

    internal void AddChild(SyntaxNode child)
    {
        child.Parent = this;
        if (_children is not List<SyntaxNode> list)
        {
            list = _children is null ? [] : [.. _children];
            _children = list;
        }

        list.Add(child);
    }

    /// <summary>Takes <paramref name="children"/> (in document order) as they are; the caller has already set their <see cref="Parent"/>.</summary>
    internal void AdoptChildren(SyntaxNode[] children) => _children = children;

    /// <summary>Makes this node the root of <paramref name="tree"/>; the nodes below find it through their parents on first use.</summary>
    internal void SetTree(SyntaxTree tree) => _tree = tree;

    // The first node above (or this one) that knows its tree; every node on the way learns it too, so a
    // walk from the bottom of a deep tree happens once and later lookups take one step.
    private SyntaxTree ResolveTree()
    {
        var known = this;
        while (known._tree is null && known.Parent is { } parent)
        {
            known = parent;
        }

        var tree = known._tree!;
        for (var node = this; node != known; node = node.Parent!)
        {
            node._tree = tree;
        }

        return tree;
    }

    /// <summary>The nearest ancestor that is a <see cref="FunctionNode"/>, else the root (null for the root itself); cached.</summary>
    internal SyntaxNode? FunctionOrRoot => Parent is null ? null : _function ?? Resolve(Frame.Function);

    /// <summary>The nearest ancestor that is a <see cref="LoopNode"/> or <see cref="FunctionNode"/>, else the root (null for the root itself); cached.</summary>
    internal SyntaxNode? LoopOrFunctionOrRoot => Parent is null ? null : _loopOrFunction ?? Resolve(Frame.LoopOrFunction);

    /// <summary>The nearest ancestor that is a <see cref="ClosureNode"/> or <see cref="FunctionNode"/>, else the root (null for the root itself); cached.</summary>
    internal SyntaxNode? ClosureOrFunctionOrRoot => Parent is null ? null : _closureOrFunction ?? Resolve(Frame.ClosureOrFunction);

    private enum Frame
    {
        Function,
        LoopOrFunction,
        ClosureOrFunction,
    }

    private static bool Is(SyntaxNode node, Frame frame) => node is FunctionNode || frame switch
    {
        Frame.LoopOrFunction => node is LoopNode,
        Frame.ClosureOrFunction => node is ClosureNode,
        _ => false,
    };

    private ref SyntaxNode? Cache(Frame frame)
    {
        switch (frame)
        {
            case Frame.LoopOrFunction:
                return ref _loopOrFunction;
            case Frame.ClosureOrFunction:
                return ref _closureOrFunction;
            default:
                return ref _function;
        }
    }

    // Walks up to the first ancestor that answers (it is a frame sought, already knows its answer, or is the root) and
    // gives every node on the way the answer, so each node is walked past once per tree and frame. Asked only once a tree
    // is built: builders never query, and nodes are not re-parented afterwards.
    private SyntaxNode Resolve(Frame frame)
    {
        var node = Parent!;
        SyntaxNode answer;
        while (true)
        {
            if (Is(node, frame))
            {
                answer = node;
                break;
            }

            if (node.Cache(frame) is { } known)
            {
                answer = known;
                break;
            }

            if (node.Parent is null)
            {
                answer = node;
                break;
            }

            node = node.Parent;
        }

        for (var below = this; below != node; below = below.Parent!)
        {
            below.Cache(frame) = answer;
        }

        return answer;
    }

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }

    /// <summary>Every node below this one, in document order (pre-order).</summary>
    public IEnumerable<SyntaxNode> Descendants()
    {
        // An explicit stack: trees from pathological input can be deep, and iterators must not recurse.
        var stack = new Stack<(SyntaxNode Node, int Index)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, index) = stack.Pop();
            if (index < node.Children.Count)
            {
                stack.Push((node, index + 1));
                var child = node.Children[index];
                yield return child;
                stack.Push((child, 0));
            }
        }
    }

    public IEnumerable<T> Descendants<T>() where T : SyntaxNode => Descendants().OfType<T>();

    public T? FirstAncestor<T>() where T : SyntaxNode
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            if (node is T match)
            {
                return match;
            }
        }

        return null;
    }
}
