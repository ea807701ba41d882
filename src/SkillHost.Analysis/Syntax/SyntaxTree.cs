using System.Buffers;
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

    // What the rules know about this file beyond the tree (see Model); null until first asked and after ReleaseModel.
    private Rules.FileModel? _model;

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

    /// <summary>What the `Cargo.toml` governing a Rust file says about its crate (read when the file came from disk), or null.</summary>
    public Projects.CrateFacts? Crate { get; internal set; }

    public ModuleNode Root { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Time already spent on this file (its parse, when a review loaded it): what a per-file budget has left is the rest.</summary>
    internal TimeSpan Spent { get; set; }

    /// <summary>Every node except the root, in document order.</summary>
    public IReadOnlyList<SyntaxNode> Nodes => (_index ??= BuildIndex(Root)).All;

    /// <summary>The nodes of <paramref name="kind"/> in document order (one sealed class per kind), or null when the file has none.</summary>
    internal SyntaxNode[]? NodesOfKind(SyntaxKind kind) => (_index ??= BuildIndex(Root)).ByKind[(int)kind];

    /// <summary>
    /// Keeps the tokens the parser produced so the rules, which ask token-level questions, need not
    /// tokenize the file a second time. Taken (and so released) once by <see cref="TakeTokens{T}"/>.
    /// </summary>
    internal void KeepTokens(object tokens) => _tokens = tokens;

    /// <summary>The tokens kept by the parser, if they are a <typeparamref name="T"/>; the tree lets go of them.</summary>
    internal T? TakeTokens<T>() where T : class => Interlocked.Exchange(ref _tokens, null) as T;

    /// <summary>The file's rule-level model (tokens, bindings, per-file facts), built on first use and kept until <see cref="ReleaseModel"/>.</summary>
    public Rules.FileModel Model => _model ?? (Interlocked.CompareExchange(ref _model, new Rules.FileModel(this), null) ?? _model!);

    /// <summary>Lets go of the model and of the parser's tokens once the file's review is done (asking again builds them anew).</summary>
    internal void ReleaseModel()
    {
        _model = null;
        _tokens = null;
    }

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

    private sealed record NodeIndex(SyntaxNode[] All, SyntaxNode[]?[] ByKind);

    // Root.Descendants() without the iterator, counting each kind while the node is at hand: a walk over every
    // node of a review is bound by memory, so one walk serves the node list and the rules' groups. The list grows
    // in a pooled buffer and every array kept is allocated once at its final size (a review keeps them all).
    private static NodeIndex BuildIndex(SyntaxNode root)
    {
        var buffer = ArrayPool<SyntaxNode>.Shared.Rent(256);
        var count = 0;
        Span<int> kinds = stackalloc int[KindCount];
        kinds.Clear();
        var stack = new Stack<(SyntaxNode Node, int Index)>();
        var node = root;
        var index = 0;
        try
        {
            while (true)
            {
                var children = node.ChildSpan;
                if (index < children.Length)
                {
                    var child = children[index];
                    if (count == buffer.Length)
                    {
                        var bigger = ArrayPool<SyntaxNode>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, count).CopyTo(bigger);
                        ArrayPool<SyntaxNode>.Shared.Return(buffer, clearArray: true);
                        buffer = bigger;
                    }

                    buffer[count++] = child;
                    kinds[(int)child.Kind]++;
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
                    break;
                }
            }

            var all = buffer.AsSpan(0, count).ToArray();
            var byKind = new SyntaxNode[]?[KindCount];
            for (var k = 0; k < KindCount; k++)
            {
                byKind[k] = kinds[k] == 0 ? null : new SyntaxNode[kinds[k]];
                kinds[k] = 0;
            }

            foreach (var each in all)
            {
                var k = (int)each.Kind;
                byKind[k]![kinds[k]++] = each;
            }

            return new NodeIndex(all, byKind);
        }
        finally
        {
            // Cleared: a pooled array must not keep a tree alive.
            ArrayPool<SyntaxNode>.Shared.Return(buffer, clearArray: true);
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
