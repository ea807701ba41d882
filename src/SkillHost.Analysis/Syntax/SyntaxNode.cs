using System.Diagnostics;
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

    protected SyntaxNode(TextSpan span) => Span = span;

    public abstract SyntaxKind Kind { get; }

    /// <summary>The whole construct, e.g. a function from its first decorator or attribute to its last body token.</summary>
    public TextSpan Span { get; internal set; }

    public SyntaxNode? Parent { get; private set; }

    public SyntaxTree Tree { get; internal set; } = null!;

    public IReadOnlyList<SyntaxNode> Children => _children ?? NoChildren;

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

    /// <summary>Sets all children at once (in document order); the array is kept as is.</summary>
    internal void SetChildren(SyntaxNode[] children)
    {
        foreach (var child in children)
        {
            child.Parent = this;
        }

        _children = children;
    }

    /// <summary>Sets <see cref="Tree"/> on this node and every node below it (explicit stack, no iterator).</summary>
    internal void SetTree(SyntaxTree tree)
    {
        Tree = tree;
        if (_children is null)
        {
            return;
        }

        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node._children)
            {
                case SyntaxNode[] array:
                    foreach (var child in array)
                    {
                        child.Tree = tree;
                        if (child._children is not null)
                        {
                            stack.Push(child);
                        }
                    }

                    break;
                case { } list:
                    foreach (var child in list)
                    {
                        child.Tree = tree;
                        if (child._children is not null)
                        {
                            stack.Push(child);
                        }
                    }

                    break;
                default:
                    break;
            }
        }
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
