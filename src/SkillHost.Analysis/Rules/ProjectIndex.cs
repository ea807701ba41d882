using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// Facts that cross files, gathered over everything under review before any rule runs: which
/// functions are called from loops (so their bodies are per-item code), which Rust functions are
/// exposed to Python with <c>#[pyfunction]</c>, which Python classes are defined.
/// </summary>
public sealed class ProjectIndex
{
    private readonly HashSet<string> _calledInLoops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionNode> _pyFunctions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _working = new(StringComparer.Ordinal);

    public static ProjectIndex Build(IEnumerable<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var list = trees as IReadOnlyList<SyntaxTree> ?? [.. trees];

        // Per file in parallel (the first walk of a tree's nodes is most of the cost), merged in file order
        // so the first #[pyfunction] of a name still wins.
        var perTree = new (HashSet<string> Called, List<(string, FunctionNode)>? Py, HashSet<string>? Working)[list.Count];
        Parallel.For(0, list.Count, i => perTree[i] = Gather(list[i]));
        var index = new ProjectIndex();
        foreach (var (called, py, working) in perTree)
        {
            index._calledInLoops.UnionWith(called);
            if (working is not null)
            {
                index._working.UnionWith(working);
            }

            if (py is not null)
            {
                foreach (var (name, function) in py)
                {
                    index._pyFunctions.TryAdd(name, function);
                }
            }
        }

        return index;
    }

    private static (HashSet<string>, List<(string, FunctionNode)>?, HashSet<string>?) Gather(SyntaxTree tree)
    {
        var called = new HashSet<string>(StringComparer.Ordinal);
        List<(string, FunctionNode)>? py = null;
        HashSet<string>? working = null;
        var python = tree.Language == SourceLanguage.Python;
        if (python)
        {
            // Python functions that loop or do I/O themselves (see DoesWork).
            working = new HashSet<string>(StringComparer.Ordinal);
            foreach (var loop in NodesByType.Of<LoopNode>(tree))
            {
                if (loop.EnclosingFunction() is { } function)
                {
                    working.Add(function.Name);
                }
            }
        }

        foreach (var call in NodesByType.Of<CallNode>(tree))
        {
            if (!called.Contains(call.Name) && IsInLoop(call))
            {
                called.Add(call.Name);
            }

            if (python && Python.PythonCode.IsIoCall(call) && call.EnclosingFunction() is { } function)
            {
                working!.Add(function.Name);
            }
        }

        if (tree.Language == SourceLanguage.Rust)
        {
            foreach (var function in NodesByType.Of<FunctionNode>(tree))
            {
                if (function.HasAttribute("pyfunction"))
                {
                    (py ??= []).Add((PythonName(function), function));
                }
            }
        }

        return (called, py, working);
    }

    // SyntaxQueries.IsInLoop without the iterator.
    private static bool IsInLoop(SyntaxNode node)
    {
        for (var ancestor = node.Parent; ancestor is not null and not FunctionNode; ancestor = ancestor.Parent)
        {
            if (ancestor is LoopNode loop && loop.RunsPerIteration(node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some reviewed code calls a function of this (simple) name inside a loop.</summary>
    public bool IsCalledInLoop(string functionName) => _calledInLoops.Contains(functionName);

    /// <summary>The Rust <c>#[pyfunction]</c> Python sees under <paramref name="pythonName"/>, if the review includes it.</summary>
    public FunctionNode? PyFunction(string pythonName) => _pyFunctions.GetValueOrDefault(pythonName);

    public IReadOnlyCollection<string> PyFunctionNames => _pyFunctions.Keys;

    /// <summary>
    /// True when a Python function of this (simple) name in the reviewed code loops or does I/O itself: a call to it
    /// costs microseconds at least, far more than a few attribute lookups beside it.
    /// </summary>
    public bool DoesWork(string functionName) => _working.Contains(functionName) && !BuiltinMethodNames.Contains(functionName);

    // Methods of Python's own containers and strings: a project function that shares the name (a `def append` that
    // loops) says nothing about `items.append(x)`, which is what such a call nearly always is.
    private static readonly HashSet<string> BuiltinMethodNames = new(StringComparer.Ordinal)
    {
        "append", "extend", "insert", "pop", "popleft", "appendleft", "remove", "clear", "copy", "index", "count", "sort", "reverse",
        "add", "discard", "update", "get", "setdefault", "keys", "values", "items", "popitem",
        "join", "split", "rsplit", "strip", "lstrip", "rstrip", "startswith", "endswith", "replace", "lower", "upper", "encode", "decode",
        "find", "rfind", "partition", "rpartition", "splitlines", "isdigit", "isalpha", "format",
    };

    // #[pyo3(name = "other")] renames the function on the Python side.
    private static string PythonName(FunctionNode function)
    {
        foreach (var attribute in function.Attributes)
        {
            if (attribute.Name.EndsWith("pyo3", StringComparison.Ordinal) && attribute.Arguments is { } args)
            {
                var at = args.IndexOf("name", StringComparison.Ordinal);
                var open = at < 0 ? -1 : args.IndexOf('"', at);
                var close = open < 0 ? -1 : args.IndexOf('"', open + 1);
                if (close > open + 1)
                {
                    return args[(open + 1)..close];
                }
            }
        }

        return function.Name;
    }
}
