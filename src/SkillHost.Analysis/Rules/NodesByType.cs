using System.Collections;
using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// <see cref="SyntaxTree.All{T}"/> answered from one pass per tree: every node filed under its exact
/// type, in document order. The rules ask for the calls, loops, assignments… of a file some twenty-five
/// times between them; each walk of every node with a type test cost more than the rest of most rules.
/// Same nodes, same order.
/// </summary>
internal sealed class NodesByType
{
    private static readonly ConditionalWeakTable<SyntaxTree, NodesByType> Cache = [];
    private static readonly int KindCount = (int)Enum.GetValues<SyntaxKind>().Max() + 1;

    private readonly Dictionary<Type, List<SyntaxNode>> _groups = [];

    private NodesByType(SyntaxTree tree)
    {
        // Filed by Kind (an array index, not a hash lookup per node): each SyntaxKind is one sealed node class,
        // so a kind's group holds nodes of exactly one type, the type of its first node.
        var byKind = new List<SyntaxNode>?[KindCount];
        foreach (var node in tree.Nodes)
        {
            (byKind[(int)node.Kind] ??= []).Add(node);
        }

        foreach (var group in byKind)
        {
            if (group is not null)
            {
                _groups.Add(group[0].GetType(), group);
            }
        }
    }

    /// <summary>Every node of type <typeparamref name="T"/> in <paramref name="tree"/>, in document order.</summary>
    public static IReadOnlyList<T> Of<T>(SyntaxTree tree) where T : SyntaxNode
    {
        ArgumentNullException.ThrowIfNull(tree);

        // Node classes are sealed, so a node's exact type says whether it is a T; any other T takes the long way.
        if (!typeof(T).IsSealed)
        {
            return [.. tree.All<T>()];
        }

        return Cache.GetValue(tree, static t => new NodesByType(t))._groups.TryGetValue(typeof(T), out var group) ? new Group<T>(group) : [];
    }

    /// <summary>Drops the index of a file whose review is done (see <see cref="ChecklistReview"/>).</summary>
    internal static void Forget(SyntaxTree tree) => Cache.Remove(tree);

    // Every node of the list has exact type T (filed by GetType()), so reading it as T needs no cast check.
    private sealed class Group<T>(List<SyntaxNode> nodes) : IReadOnlyList<T> where T : SyntaxNode
    {
        public int Count => nodes.Count;

        public T this[int index] => Unsafe.As<T>(nodes[index]);

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var node in nodes)
            {
                yield return Unsafe.As<T>(node);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
