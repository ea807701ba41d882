using System.Collections.Frozen;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>
/// What the PyO3 rules know about the PyO3 API: GIL entry and exit points under both the pre-0.26 and
/// the 0.26+ names, calls that create Python objects, and which functions Python can call.
/// </summary>
internal static class PyO3Api
{
    /// <summary>True for the GIL token type <c>Python&lt;'py&gt;</c> (or a bare <c>Python</c>): a function taking it runs with the GIL held.</summary>
    public static bool IsPythonToken(string type) => type.Replace(" ", "", StringComparison.Ordinal).StartsWith("Python<", StringComparison.Ordinal) || type.Trim() == "Python";

    /// <summary>Python types whose constructors allocate a new Python object.</summary>
    private static readonly FrozenSet<string> ObjectTypes = FrozenSet.Create(
        StringComparer.Ordinal,
        "PyList", "PyDict", "PyString", "PyTuple", "PyBytes", "PyByteArray", "PyInt", "PyLong", "PyFloat", "PySet", "PyFrozenSet", "PyComplex", "PySlice", "Py", "Bound");

    // `intern` is deliberately absent: an interned string is created once and then reused.
    private static readonly FrozenSet<string> Constructors = FrozenSet.Create(
        StringComparer.Ordinal,
        "new", "new_bound", "empty", "empty_bound", "from_sequence", "from_sequence_bound", "new_with", "new_bound_with");

    /// <summary>Conversions of a Rust value into a new Python object (methods or trait paths).</summary>
    private static readonly FrozenSet<string> Conversions = FrozenSet.Create(
        StringComparer.Ordinal,
        "into_py", "to_object", "into_pyobject", "into_pyobject_or_pyerr", "into_bound_py_any", "into_py_any", "into_py_dict", "into_py_dict_bound");

    /// <summary>
    /// Methods of Python containers and objects that convert Rust arguments into Python objects
    /// before the call, with whether the converted value is thrown away right after (a lookup).
    /// </summary>
    private static readonly FrozenDictionary<string, bool> ConvertingMethods = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["get_item"] = true,
        ["contains"] = true,
        ["del_item"] = true,
        ["getattr"] = true,
        ["hasattr"] = true,
        ["set_item"] = false,
        ["append"] = false,
        ["insert"] = false,
        ["add"] = false,
        ["setattr"] = false,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Method names that only PyO3 containers have, so the receiver needs no further proof.</summary>
    private static readonly FrozenSet<string> PyO3OnlyMethods = FrozenSet.Create(StringComparer.Ordinal, "get_item", "set_item", "del_item");

    /// <summary><c>Python::with_gil(…)</c> (before 0.26) or <c>Python::attach(…)</c> (0.26+).</summary>
    public static bool IsGilAcquire(CallNode call) =>
        call.Name is "with_gil" or "attach"
        && (call.Callee == "Python::" + call.Name || call.Callee.EndsWith("::Python::" + call.Name, StringComparison.Ordinal))
        && call.Arguments.Count == 1;

    /// <summary><c>py.allow_threads(…)</c> (before 0.26), <c>py.detach(…)</c> / <c>Python::detach(…)</c> (0.26+): takes a closure or a function.</summary>
    public static bool IsGilRelease(CallNode call) =>
        call.Name is "allow_threads" or "detach"
        && call.Arguments.Count >= 1
        && call.Arguments[^1].Shape is ExpressionShape.Closure or ExpressionShape.Name or ExpressionShape.MemberAccess;

    /// <summary><c>PyList::new(py, …)</c>, <c>PyDict::new(py)</c>, <c>Py::new(py, value)</c>…: a call that allocates a Python object.</summary>
    public static bool IsObjectConstructor(CallNode call)
    {
        if (call.IsMethodCall || !Constructors.Contains(call.Name))
        {
            return false;
        }

        var segments = call.Callee.Split("::");
        return segments.Length >= 2 && ObjectTypes.Contains(segments[^2]) && call.Arguments.Count >= 1;
    }

    /// <summary><c>x.into_py(py)</c>, <c>x.to_object(py)</c>, <c>x.into_pyobject(py)</c>, <c>IntoPy::into_py(x, py)</c>…</summary>
    public static bool IsConversion(CallNode call) => Conversions.Contains(call.Name) && call.Arguments.Count >= 1;

    /// <summary>A call that creates a Python object from a Rust value: a constructor or a conversion.</summary>
    public static bool CreatesObject(CallNode call) => IsObjectConstructor(call) || IsConversion(call);

    /// <summary>True for a method that converts its Rust arguments to Python objects; <paramref name="isLookup"/> when the converted value dies right away.</summary>
    public static bool IsConvertingMethod(CallNode call, out bool isLookup, out bool needsPythonReceiver)
    {
        isLookup = false;
        needsPythonReceiver = true;
        if (!call.IsMethodCall || !ConvertingMethods.TryGetValue(call.Name, out isLookup))
        {
            return false;
        }

        needsPythonReceiver = !PyO3OnlyMethods.Contains(call.Name);
        return call.Arguments.Count >= 1;
    }

    /// <summary>A function Python calls directly: a <c>#[pyfunction]</c>, or a method of a <c>#[pymethods]</c> impl.</summary>
    public static bool IsExposedToPython(FunctionNode function) =>
        function.HasAttribute("pyfunction")
        || (function.IsMethod && function.Parent is ImplNode impl && impl.Attributes.Any(a => a.Name == "pymethods" || a.Name.EndsWith("::pymethods", StringComparison.Ordinal)));

    /// <summary>The kind of exposed function, for messages: "#[pyfunction] name" or "#[pymethods] Type::name".</summary>
    public static string Describe(FunctionNode function) =>
        function.Parent is ImplNode impl ? $"`#[pymethods]` method `{impl.SelfType}::{function.Name}`" : $"`#[pyfunction]` `{function.Name}`";

    /// <summary>Unit tests and <c>#[cfg(test)]</c> modules: the skill asks only for asymptotic care there.</summary>
    public static bool IsTestCode(SyntaxNode node) => Rust.RustCode.IsTestCode(node);

    /// <summary>Shortens code for a message: one line, at most <paramref name="max"/> characters.</summary>
    public static string Shorten(string text, int max = 50)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return oneLine.Length > max ? oneLine[..(max - 1)] + "…" : oneLine;
    }

    /// <summary>How a loop reads in a message: "`for token in text.split_whitespace()`", "the closure of `.map(…)`".</summary>
    public static string DescribeLoop(LoopNode loop) => loop.LoopKind switch
    {
        LoopKind.For when loop.Target is not null && loop.IterableSpan is { } it => $"`for {loop.Target} in {Shorten(loop.Tree.Source.ToString(it), 40)}`",
        LoopKind.IteratorClosure => $"the closure of `.{loop.Adapter}(…)`",
        LoopKind.Comprehension => $"the comprehension `for {loop.Target} in …`",
        LoopKind.While => "a `while` loop",
        LoopKind.Loop => "a `loop`",
        _ => "a loop",
    };
}
