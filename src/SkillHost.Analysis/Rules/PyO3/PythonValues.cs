using System.Text.RegularExpressions;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>
/// The names in one Rust function that hold Python objects: parameters typed <c>Bound&lt;…&gt;</c>,
/// <c>Py&lt;…&gt;</c>, <c>PyObject</c> or <c>&amp;PyDict</c>; bindings of Python constructors and
/// conversions; loop variables over such objects. A syntactic guess — good enough to tell
/// <c>dict.set_item(k, v)</c> on a Python dict from <c>map.insert(k, v)</c> on a Rust one.
/// </summary>
internal sealed partial class PythonValues
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    private PythonValues()
    {
    }

    public static PythonValues Of(FunctionNode? function)
    {
        var values = new PythonValues();
        if (function is null)
        {
            return values;
        }

        foreach (var parameter in function.Parameters)
        {
            if (!parameter.IsSelf && parameter.Type is { } type && IsPythonType(type))
            {
                values._names.Add(parameter.Name);
            }
        }

        // `match value.downcast::<PyDict>() { Ok(dict) => … }` and `if let Ok(dict) = value.downcast::<PyDict>()`: the arm's name is the same object.
        if (function.HasBody)
        {
            foreach (Match match in DowncastBinding().Matches(function.Tree.Source.ToString(function.BodySpan)))
            {
                values._names.Add(match.Groups["name"].Value);
            }
        }

        foreach (var node in function.Descendants())
        {
            switch (node)
            {
                case AssignmentNode assignment when assignment.ValueSpan is { } value && IsPythonValue(assignment, node.Tree.Source.ToString(value), values):
                    foreach (var target in assignment.Targets)
                    {
                        values._names.Add(target);
                    }

                    break;
                case LoopNode { Target: { } target, IterableSpan: { } iterable } when values.RootIsPython(node.Tree.Source.ToString(iterable)):
                    foreach (var name in SplitTarget(target))
                    {
                        values._names.Add(name);
                    }

                    break;
                default:
                    break;
            }
        }

        return values;
    }

    public bool Contains(string name) => _names.Contains(name);

    /// <summary>True when the expression's leading name (after <c>&amp;</c>) holds a Python object.</summary>
    public bool RootIsPython(string expression)
    {
        var root = RootName().Match(expression.TrimStart('&', ' ', '('));
        return root.Success && _names.Contains(root.Value);
    }

    /// <summary>
    /// True when an argument passed to a Python API is already a Python object, so nothing is converted:
    /// a Python-valued name (borrowed, cloned or viewed), <c>py.None()</c>, an <c>intern!</c> string.
    /// </summary>
    public bool IsAlreadyPython(string argument)
    {
        var text = argument.Trim().TrimStart('&').Trim();
        if (text.StartsWith("intern!", StringComparison.Ordinal) || text.StartsWith("pyo3::intern!", StringComparison.Ordinal)
            || text is "py.None()" or "py.True()" or "py.False()" or "py.NotImplemented()" or "py.Ellipsis()")
        {
            return true;
        }

        // Only Python handles have these methods, whatever the receiver is.
        if (text.EndsWith(".clone_ref(py)", StringComparison.Ordinal) || text.EndsWith(".into_any()", StringComparison.Ordinal)
            || text.EndsWith(".unbind()", StringComparison.Ordinal) || text.EndsWith(".as_any()", StringComparison.Ordinal))
        {
            return true;
        }

        var match = PythonView().Match(text);
        return match.Success && _names.Contains(match.Groups[1].Value);
    }

    /// <summary><c>Bound&lt;'py, PyDict&gt;</c>, <c>Py&lt;PyAny&gt;</c>, <c>PyObject</c>, <c>&amp;PyList</c>; not PyO3's Rust-side views (<c>PyRef</c>, <c>PyBackedBytes</c>, <c>PyReadonlyArray</c>…).</summary>
    public static bool IsPythonType(string type)
    {
        var t = type.Replace(" ", "", StringComparison.Ordinal).TrimStart('&');
        if (t.StartsWith("mut", StringComparison.Ordinal) && t.Length > 3 && !char.IsLetterOrDigit(t[3]))
        {
            t = t[3..];
        }

        if (t.StartsWith('\''))
        {
            var end = t.IndexOfAny([',', '>', ' ']);
            t = end < 0 ? t : t[(end + 1)..];
        }

        return t.StartsWith("Bound<", StringComparison.Ordinal) || t.StartsWith("Borrowed<", StringComparison.Ordinal)
            || t.StartsWith("Py<", StringComparison.Ordinal) || t == "PyObject"
            || PyNativeType().IsMatch(t);
    }

    private static bool IsPythonValue(AssignmentNode assignment, string value, PythonValues known)
    {
        if (assignment.TypeAnnotation is { } annotation && IsPythonType(annotation))
        {
            return true;
        }

        var expression = value.Trim();
        if (expression.StartsWith("intern!", StringComparison.Ordinal) || expression.StartsWith("pyo3::intern!", StringComparison.Ordinal)
            || expression.StartsWith("py.None()", StringComparison.Ordinal))
        {
            return true;
        }

        if (expression.Contains(".bind(", StringComparison.Ordinal) || expression.Contains(".downcast", StringComparison.Ordinal)
            || expression.Contains(".into_bound(", StringComparison.Ordinal) || expression.Contains(".cast", StringComparison.Ordinal))
        {
            return true;
        }

        var creator = assignment.Descendants<CallNode>().FirstOrDefault(c => c.Span.Start == assignment.ValueSpan!.Value.Start);
        return creator is not null && (PyO3Api.CreatesObject(creator) || (creator.IsMethodCall && creator.Name is "get_item" or "getattr" or "call1" or "call" or "call_method1" or "call_method" or "call0" && known.RootIsPython(expression)));
    }

    private static IEnumerable<string> SplitTarget(string target) =>
        target.Split([',', '(', ')', '[', ']', ' ', '&'], StringSplitOptions.RemoveEmptyEntries).Where(p => p is not "mut" and not "ref" && p != "_");

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex RootName();

    [GeneratedRegex(@"\bmatch\s+[^{};]*?\.(?:downcast|cast)(?:_exact)?(?:::<[^>]*>)?\(\)\s*\{\s*Ok\((?<name>[a-z_][A-Za-z0-9_]*)\)|\blet\s+Ok\((?<name>[a-z_][A-Za-z0-9_]*)\)\s*=\s*[^;{}]*?\.(?:downcast|cast)(?:_exact)?(?:::<[^>]*>)?\(\)")]
    private static partial Regex DowncastBinding();

    // name, name.clone(), name.clone_ref(py), name.as_any(), name.into_any(), name.bind(py)…
    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)(?:\.(?:clone|clone_ref|as_any|into_any|as_borrowed|bind|unbind|as_ref)\([^()]*\))*$")]
    private static partial Regex PythonView();

    // PyDict, PyAny, PyList<…>… but not PyResult, PyErr, PyRef, PyBacked*, PyReadonly*, Py…Error.
    [GeneratedRegex(@"^Py(?!Result|Err|Ref|Backed|Readonly|Readwrite|Buffer|[A-Za-z]*Error\b)[A-Z][A-Za-z]*(?:<.*>)?$")]
    private static partial Regex PyNativeType();
}
