using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>The structural model of one file: its root module, every node in document order, and what went wrong.</summary>
public sealed class SyntaxTree
{
    private static readonly int KindCount = (int)Enum.GetValues<SyntaxKind>().Max() + 1;

    // Every node in document order, and the same nodes filed by kind: built together, in one walk, on first use.
    private NodeIndex? _index;

    // The parser's tokens, handed to the rules (see KeepTokens); null once taken or when the parser kept none.
    private object? _tokens;

    public SyntaxTree(SourceText source, SourceLanguage language, ModuleNode root, IReadOnlyList<Diagnostic> diagnostics, bool isPyO3 = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(root);
        Source = source;
        Language = language;
        Root = root;
        Diagnostics = diagnostics;
        IsPyO3 = isPyO3;
        root.SetTree(this);
    }

    public SourceText Source { get; }

    public SourceLanguage Language { get; }

    /// <summary>A Rust file that uses pyo3.</summary>
    public bool IsPyO3 { get; }

    public ModuleNode Root { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Every node except the root, in document order.</summary>
    public IReadOnlyList<SyntaxNode> Nodes => (_index ??= BuildIndex(Root)).All;

    /// <summary>The nodes of <paramref name="kind"/> in document order (one sealed class per kind), or null when the file has none.</summary>
    internal List<SyntaxNode>? NodesOfKind(SyntaxKind kind) => (_index ??= BuildIndex(Root)).ByKind[(int)kind];

    /// <summary>
    /// Keeps the tokens the parser produced so the rules, which ask token-level questions, need not
    /// tokenize the file a second time. Taken (and so released) once by <see cref="TakeTokens{T}"/>.
    /// </summary>
    internal void KeepTokens(object tokens) => _tokens = tokens;

    /// <summary>The tokens kept by the parser, if they are a <typeparamref name="T"/>; the tree lets go of them.</summary>
    internal T? TakeTokens<T>() where T : class => Interlocked.Exchange(ref _tokens, null) as T;

    public IEnumerable<T> All<T>() where T : SyntaxNode
    {
        foreach (var node in Nodes)
        {
            if (node is T match)
            {
                yield return match;
            }
        }
    }

    private sealed record NodeIndex(SyntaxNode[] All, List<SyntaxNode>?[] ByKind);

    // Root.Descendants() without the iterator, filing each node by kind while it is at hand: a walk over
    // every node of a review is bound by memory, so one walk serves the node list and the rules' groups.
    private static NodeIndex BuildIndex(SyntaxNode root)
    {
        var nodes = new List<SyntaxNode>();
        var byKind = new List<SyntaxNode>?[KindCount];
        var stack = new Stack<(SyntaxNode Node, int Index)>();
        var node = root;
        var index = 0;
        while (true)
        {
            var children = node.ChildSpan;
            if (index < children.Length)
            {
                var child = children[index];
                nodes.Add(child);
                (byKind[(int)child.Kind] ??= []).Add(child);
                if (child.ChildSpan.IsEmpty)
                {
                    index++;
                    continue;
                }

                stack.Push((node, index + 1));
                (node, index) = (child, 0);
            }
            else if (stack.Count > 0)
            {
                (node, index) = stack.Pop();
            }
            else
            {
                return new NodeIndex([.. nodes], byKind);
            }
        }
    }

    /// <summary>The innermost node whose span contains <paramref name="position"/>, or the root.</summary>
    public SyntaxNode FindNode(int position)
    {
        SyntaxNode current = Root;
        while (true)
        {
            SyntaxNode? next = null;
            foreach (var child in current.Children)
            {
                if (child.Span.Contains(position))
                {
                    next = child;
                    break;
                }
            }

            if (next is null)
            {
                return current;
            }

            current = next;
        }
    }
}
