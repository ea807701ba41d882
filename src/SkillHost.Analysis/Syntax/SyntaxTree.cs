using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>The structural model of one file: its root module, every node in document order, and what went wrong.</summary>
public sealed class SyntaxTree
{
    private SyntaxNode[]? _nodes;

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
    public IReadOnlyList<SyntaxNode> Nodes => _nodes ??= [.. Root.Descendants()];

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
