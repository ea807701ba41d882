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

    public static ProjectIndex Build(IEnumerable<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var index = new ProjectIndex();
        foreach (var tree in trees)
        {
            foreach (var call in tree.All<CallNode>())
            {
                if (call.IsInLoop())
                {
                    index._calledInLoops.Add(call.Name);
                }
            }

            if (tree.Language != SourceLanguage.Rust)
            {
                continue;
            }

            foreach (var function in tree.All<FunctionNode>())
            {
                if (function.HasAttribute("pyfunction"))
                {
                    index._pyFunctions.TryAdd(PythonName(function), function);
                }
            }
        }

        return index;
    }

    /// <summary>True when some reviewed code calls a function of this (simple) name inside a loop.</summary>
    public bool IsCalledInLoop(string functionName) => _calledInLoops.Contains(functionName);

    /// <summary>The Rust <c>#[pyfunction]</c> Python sees under <paramref name="pythonName"/>, if the review includes it.</summary>
    public FunctionNode? PyFunction(string pythonName) => _pyFunctions.GetValueOrDefault(pythonName);

    public IReadOnlyCollection<string> PyFunctionNames => _pyFunctions.Keys;

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
