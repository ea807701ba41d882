using System.Collections;
using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// <see cref="SyntaxTree.All{T}"/> answered from the groups the tree files its nodes in while it lists them
/// (<see cref="SyntaxTree.NodesOfKind"/>): every node under its kind, in document order. The rules and the
/// classifier ask for the calls, loops, assignments… of a file some thirty times between them; each walk of
/// every node with a type test cost more than the rest of most rules. Same nodes, same order.
/// </summary>
internal static class NodesByType
{
    /// <summary>Every node of type <typeparamref name="T"/> in <paramref name="tree"/>, in document order.</summary>
    public static IReadOnlyList<T> Of<T>(SyntaxTree tree) where T : SyntaxNode
    {
        ArgumentNullException.ThrowIfNull(tree);

        // Node classes are sealed and each is one SyntaxKind, so a kind's group holds exactly the T's; any other T takes the long way.
        if (!typeof(T).IsSealed)
        {
            return [.. tree.All<T>()];
        }

        var kind = KindOf<T>.Value;
        if (kind < 0)
        {
            // The kind of a node class is learned from the first file that has one (a sealed class cannot be built without a node).
            foreach (var node in tree.Nodes)
            {
                if (node is T)
                {
                    KindOf<T>.Value = kind = (int)node.Kind;
                    break;
                }
            }

            if (kind < 0)
            {
                return [];
            }
        }

        return tree.NodesOfKind((SyntaxKind)kind) is { } group ? new Group<T>(group) : [];
    }

    private static class KindOf<T>
    {
        // -1 until learned; every thread learns the same value, so the race is harmless.
        public static int Value = -1;
    }

    // Every node of the list has exact type T (one class per kind), so reading it as T needs no cast check.
    private sealed class Group<T>(SyntaxNode[] nodes) : IReadOnlyList<T> where T : SyntaxNode
    {
        public int Count => nodes.Length;

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
