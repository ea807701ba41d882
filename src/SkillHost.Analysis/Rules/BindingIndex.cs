using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// <see cref="SyntaxQueries.FindBindings"/> answered from an index built once per tree: for every scope
/// (a function, or the module), each bound name with its binding nodes in document order. The query
/// rescans the whole scope (and walks every node's ancestors) per call; the rules ask it for many names
/// per file, so they share this index instead. Same results, same order.
/// </summary>
internal sealed class BindingIndex
{
    private static readonly char[] TargetSeparators = [',', '(', ')', '[', ']', ' ', '&'];

    // Key: the scope's FunctionNode, or the tree's root for module level.
    private readonly Dictionary<SyntaxNode, Dictionary<string, List<Binding>>> _scopes = new(ReferenceEqualityComparer.Instance);

    internal BindingIndex(SyntaxTree tree)
    {
        var names = new List<string>(4);
        foreach (var node in tree.Nodes)
        {
            names.Clear();
            BindingKind kind;
            switch (node)
            {
                case AssignmentNode assignment:
                    kind = BindingKind.Assignment;
                    foreach (var target in assignment.Targets)
                    {
                        AddDistinct(names, target);
                    }

                    break;
                case LoopNode { Target: { } target }:
                    kind = BindingKind.LoopTarget;
                    foreach (var part in target.Split(TargetSeparators, StringSplitOptions.RemoveEmptyEntries))
                    {
                        AddDistinct(names, part);
                        if (part.StartsWith("mut", StringComparison.Ordinal))
                        {
                            AddDistinct(names, part[3..]);
                        }
                    }

                    break;
                case ImportNode import:
                    kind = BindingKind.Import;
                    foreach (var imported in import.Names)
                    {
                        AddDistinct(names, imported.BoundName);
                    }

                    break;
                case FunctionNode function:
                    kind = BindingKind.Definition;
                    names.Add(function.Name);
                    break;
                case TypeDeclNode type:
                    kind = BindingKind.Definition;
                    names.Add(type.Name);
                    break;
                default:
                    continue;
            }

            var enclosing = node.EnclosingFunction();
            SyntaxNode scopeNode = (SyntaxNode?)enclosing ?? tree.Root;
            if (node is FunctionNode && node.Parent != scopeNode)
            {
                continue; // FindBindings counts a function definition only as a direct child of its scope
            }

            if (!_scopes.TryGetValue(scopeNode, out var byName))
            {
                _scopes[scopeNode] = byName = new Dictionary<string, List<Binding>>(StringComparer.Ordinal);
            }

            foreach (var name in names)
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = new List<Binding>(1);
                }

                list.Add(new Binding(name, kind, node, null, node as AssignmentNode));
            }
        }
    }

    private static void AddDistinct(List<string> names, string name)
    {
        if (!names.Contains(name))
        {
            names.Add(name);
        }
    }

    public static BindingIndex For(SyntaxTree tree) => tree.Model.Bindings;

    /// <summary>Exactly what <c>at.FindBindings(name)</c> yields, in the same order.</summary>
    public static List<Binding> Find(SyntaxNode at, string name)
    {
        ArgumentNullException.ThrowIfNull(at);
        var index = For(at.Tree);
        var result = new List<Binding>();
        var scope = at.EnclosingFunction();
        while (true)
        {
            if (scope is not null)
            {
                foreach (var parameter in scope.Parameters)
                {
                    if (parameter.Name == name)
                    {
                        result.Add(new Binding(name, BindingKind.Parameter, scope, parameter, null));
                    }
                }
            }

            SyntaxNode scopeNode = (SyntaxNode?)scope ?? at.Tree.Root;
            if (index._scopes.TryGetValue(scopeNode, out var byName) && byName.TryGetValue(name, out var bindings))
            {
                result.AddRange(bindings);
            }

            if (scope is null)
            {
                return result;
            }

            scope = scope.EnclosingFunction();
        }
    }
}
