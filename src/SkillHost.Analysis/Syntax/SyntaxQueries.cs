namespace SkillHost.Analysis.Syntax;

/// <summary>The questions checklist rules ask of the structural model.</summary>
public static class SyntaxQueries
{
    /// <summary>The nearest enclosing function (a closure does not count), or null at module level.</summary>
    public static FunctionNode? EnclosingFunction(this SyntaxNode node) => node.FunctionOrRoot as FunctionNode;

    /// <summary>The nearest enclosing class/struct/enum/trait, or null.</summary>
    public static TypeDeclNode? EnclosingType(this SyntaxNode node) => node.FirstAncestor<TypeDeclNode>();

    /// <summary>
    /// The loops, innermost first, in which <paramref name="node"/> runs once per iteration, up to the
    /// enclosing function. A call in a loop's iterable runs once and is not counted.
    /// </summary>
    public static IEnumerable<LoopNode> EnclosingLoops(this SyntaxNode node)
    {
        for (var loop = node.NextEnclosingLoop(node); loop is not null; loop = node.NextEnclosingLoop(loop))
        {
            yield return loop;
        }
    }

    /// <summary>
    /// The first loop above <paramref name="from"/> (within the function) that repeats <paramref name="node"/>, or null:
    /// <see cref="EnclosingLoops"/> one step at a time, for callers on hot paths that must not allocate an iterator.
    /// </summary>
    internal static LoopNode? NextEnclosingLoop(this SyntaxNode node, SyntaxNode from)
    {
        // Only loops and functions are visited: the calls, brackets and blocks between them are skipped through the cache.
        for (var ancestor = from.LoopOrFunctionOrRoot; ancestor is LoopNode loop; ancestor = loop.LoopOrFunctionOrRoot)
        {
            if (loop.RunsPerIteration(node))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>How many loops (within its function) repeat <paramref name="node"/>.</summary>
    public static int LoopDepth(this SyntaxNode node) => node.EnclosingLoops().Count();

    public static bool IsInLoop(this SyntaxNode node) => node.NextEnclosingLoop(node) is not null;

    /// <summary>Inside an async function, async closure or Rust async block (the nearest such boundary decides).</summary>
    public static bool IsInAsyncContext(this SyntaxNode node)
    {
        var frame = node.ClosureOrFunctionOrRoot;
        for (; frame is ClosureNode closure; frame = closure.ClosureOrFunctionOrRoot)
        {
            if (closure.IsAsync)
            {
                return true;
            }
        }

        return frame is FunctionNode { IsAsync: true };
    }

    /// <summary>Inside a lambda or closure (within its function): its body runs when it is called, not where it stands.</summary>
    public static bool IsInClosure(this SyntaxNode node) => node.ClosureOrFunctionOrRoot is ClosureNode;

    /// <summary>Nodes of type <typeparamref name="T"/> that run once per iteration of <paramref name="loop"/> (nested loops included).</summary>
    public static IEnumerable<T> PerIteration<T>(this LoopNode loop) where T : SyntaxNode =>
        loop.Descendants<T>().Where(loop.RunsPerIteration);

    /// <summary>All nodes of type <typeparamref name="T"/> in the tree that run inside at least one loop.</summary>
    public static IEnumerable<T> InLoops<T>(this SyntaxTree tree) where T : SyntaxNode =>
        tree.All<T>().Where(n => n.IsInLoop());

    /// <summary>
    /// Where <paramref name="name"/> is bound as seen from <paramref name="at"/>: assignments, loop
    /// targets and imports in the enclosing function, then the module; parameters of the enclosing
    /// function. Nearest scope first, each scope in document order.
    /// </summary>
    public static IEnumerable<Binding> FindBindings(this SyntaxNode at, string name)
    {
        ArgumentNullException.ThrowIfNull(at);
        var tree = at.Tree;
        SyntaxNode? scope = at.EnclosingFunction();
        while (true)
        {
            var scopeNode = scope ?? tree.Root;
            if (scope is FunctionNode function)
            {
                foreach (var parameter in function.Parameters.Where(p => p.Name == name))
                {
                    yield return new Binding(name, BindingKind.Parameter, function, parameter, null);
                }
            }

            foreach (var node in scopeNode.Descendants())
            {
                if (node.EnclosingFunction() != scope)
                {
                    continue;
                }

                switch (node)
                {
                    case AssignmentNode assignment when assignment.Targets.Contains(name):
                        yield return new Binding(name, BindingKind.Assignment, node, null, assignment);
                        break;
                    case LoopNode { Target: { } target } when TargetBinds(target, name):
                        yield return new Binding(name, BindingKind.LoopTarget, node, null, null);
                        break;
                    case ImportNode import when import.Names.Any(n => n.BoundName == name):
                        yield return new Binding(name, BindingKind.Import, node, null, null);
                        break;
                    case FunctionNode { Name: var fn } when fn == name && node.Parent == scopeNode:
                        yield return new Binding(name, BindingKind.Definition, node, null, null);
                        break;
                    case TypeDeclNode { Name: var type } when type == name:
                        yield return new Binding(name, BindingKind.Definition, node, null, null);
                        break;
                    default:
                        break;
                }
            }

            if (scope is null)
            {
                yield break;
            }

            scope = scope.EnclosingFunction();
        }
    }

    private static bool TargetBinds(string target, string name)
    {
        foreach (var part in target.Split([',', '(', ')', '[', ']', ' ', '&'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == name || part == "mut" + name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How a name got bound.</summary>
public enum BindingKind
{
    Assignment,
    Parameter,
    LoopTarget,
    Import,
    Definition,
}

/// <summary>One place a name is bound: the node, and the parameter or assignment when it is one.</summary>
public sealed record Binding(string Name, BindingKind BindingKind, SyntaxNode Node, Parameter? Parameter, AssignmentNode? Assignment);
