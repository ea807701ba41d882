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
    private readonly Dictionary<string, FunctionNode> _pyMethods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _working = new(StringComparer.Ordinal);
    private readonly HashSet<string> _io = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rustInlined = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rustOutOfLine = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rustLeaves = new(StringComparer.Ordinal);

    // Resolved calls made inside loops (CallTargets keys) with the first such call's place; free Rust fns defined more than once are ambiguous.
    private readonly Dictionary<string, CallNode> _loopCallers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguousRustFns = new(StringComparer.Ordinal);

    // Resolved calls made by constructors (CallTargets keys) with the first such call.
    private readonly Dictionary<string, CallNode> _constructorCallers = new(StringComparer.Ordinal);

    public static ProjectIndex Build(IEnumerable<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var list = trees as IReadOnlyList<SyntaxTree> ?? [.. trees];

        // Per file in parallel (the first walk of a tree's nodes is most of the cost), merged in file order
        // so the first #[pyfunction] of a name still wins.
        var perTree = new (HashSet<string> Called, List<(string, FunctionNode)>? Py, HashSet<string> Working, HashSet<string> Io, List<RustFunctionFacts>? Rust)[list.Count];
        var modules = new CallTargets.ModuleIndex(list.Where(t => t.Language == SourceLanguage.Python).Select(t => CallTargets.ModulePath(t.Source.Path)));
        var resolved = new List<(string Key, CallNode Call, bool InLoop)>[list.Count];
        Parallel.For(0, list.Count, i =>
        {
            perTree[i] = Gather(list[i]);
            resolved[i] = ResolvedLoopCalls(list[i], modules);
        });
        var index = new ProjectIndex();
        var freeFns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in list.Where(t => t.Language == SourceLanguage.Rust))
        {
            foreach (var function in NodesByType.Of<FunctionNode>(tree))
            {
                var key = CallTargets.KeyOf(function);
                if (key.StartsWith("rs:fn:", StringComparison.Ordinal))
                {
                    freeFns[key] = freeFns.GetValueOrDefault(key) + 1;
                }
            }
        }

        index._ambiguousRustFns.UnionWith(freeFns.Where(p => p.Value > 1).Select(p => p.Key));
        foreach (var calls in resolved)
        {
            foreach (var (key, call, inLoop) in calls)
            {
                (inLoop ? index._loopCallers : index._constructorCallers).TryAdd(key, call);
            }
        }

        foreach (var (called, py, working, io, rust) in perTree)
        {
            index._io.UnionWith(io);
            foreach (var facts in rust ?? [])
            {
                (facts.Inlined ? index._rustInlined : index._rustOutOfLine).Add(facts.Name);
            }

            index._calledInLoops.UnionWith(called);
            index._working.UnionWith(working);

            if (py is not null)
            {
                foreach (var (name, function) in py)
                {
                    (IsPyMethod(function) ? index._pyMethods : index._pyFunctions).TryAdd(name, function);
                }
            }
        }

        index.FindRustLeaves([.. perTree.SelectMany(t => t.Rust ?? [])]);
        return index;
    }

    /// <summary>
    /// A small Rust function (no loop, at most three calls) whose calls all vanish when inlined (to `#[inline]` or generic
    /// functions, standard methods that are inline, or other such leaves) is a leaf once the compiler's own inliner has run:
    /// rustc then inlines it across crates without `#[inline]`. Worked out to a fixed point over the reviewed code, by name;
    /// a call to its own name counts as vanishing, since in a small function without a loop that is nearly always
    /// delegation to another type's method of the same name (`self.0.is_file()`), not recursion.
    /// </summary>
    private void FindRustLeaves(List<RustFunctionFacts> functions)
    {
        var candidates = functions.GroupBy(f => f.Name, StringComparer.Ordinal)
            .Where(g => g.All(f => f.SmallCalls is not null))
            .ToDictionary(g => g.Key, g => g.SelectMany(f => f.SmallCalls!).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, calls) in candidates)
            {
                if (!_rustLeaves.Contains(name) && calls.All(c => c == name || IsInlinedRust(c) || InlinedStdMethods.Contains(c) || _rustLeaves.Contains(c)))
                {
                    _rustLeaves.Add(name);
                    changed = true;
                }
            }
        }
    }

    /// <summary>
    /// Standard methods that are `#[inline]` or generic themselves: a call to them leaves no call behind after inlining.
    /// </summary>
    public static IReadOnlySet<string> InlinedStdMethods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "len", "is_empty", "iter", "iter_mut", "into_iter", "chars", "bytes", "map", "flat_map", "filter", "unwrap_or", "unwrap_or_default",
        "as_ref", "as_mut", "as_ptr", "as_mut_ptr", "as_str", "as_bytes", "as_slice", "as_path", "as_os_str", "is_some", "is_none", "is_ok", "is_err",
        "ok", "err", "get", "first", "last", "deref", "borrow", "clone", "copied", "cloned", "min", "max", "wrapping_add", "wrapping_sub",
    };

    /// <summary>True when a call to this Rust function leaves no call behind once inlined: `#[inline]`, generic, or a leaf (see <see cref="FindRustLeaves"/>).</summary>
    public bool VanishesWhenInlined(string functionName) =>
        IsInlinedRust(functionName) || _rustLeaves.Contains(functionName) || InlinedStdMethods.Contains(functionName);

    // Calls inside loops that resolve to a definition (CallTargets), in document order.
    // The resolved calls made inside loops, and those made by constructors (outside loops): see CostlierWork.ConstructorOf.
    private static List<(string Key, CallNode Call, bool InLoop)> ResolvedLoopCalls(SyntaxTree tree, CallTargets.ModuleIndex modules)
    {
        var found = new List<(string, CallNode, bool)>();

        // A loop in a test, a benchmark or an example says nothing about how often production code runs.
        if (SourceRoles.Of(tree.Source.Path) != SourceRole.Production)
        {
            return found;
        }

        var rust = tree.Language == SourceLanguage.Rust;
        foreach (var call in NodesByType.Of<CallNode>(tree))
        {
            var inLoop = call.IsInLoop();
            if ((inLoop || CostlierWork.ConstructorOf(call) is not null) && !(rust && Rust.RustCode.IsTestCode(call))
                && CallTargets.Resolve(call, modules) is { } key)
            {
                found.Add((key, call, inLoop));
            }
        }

        return found;
    }

    /// <summary>
    /// Where the reviewed code calls <paramref name="function"/> itself from inside a loop — the call resolved to this
    /// definition through imports, <c>self</c> or the type (see <see cref="CallTargets"/>), not matched by name — or null.
    /// </summary>
    public CallNode? LoopCallerOf(FunctionNode function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var key = CallTargets.KeyOf(function);
        return !_ambiguousRustFns.Contains(key) && _loopCallers.TryGetValue(key, out var call) ? call : null;
    }

    /// <summary>
    /// A call to <paramref name="function"/> made by a constructor (<see cref="CostlierWork.ConstructorOf"/>), resolved as
    /// <see cref="LoopCallerOf"/> resolves, or null: the function runs as part of building an object.
    /// </summary>
    public CallNode? ConstructorCallerOf(FunctionNode function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var key = CallTargets.KeyOf(function);
        return !_ambiguousRustFns.Contains(key) && _constructorCallers.TryGetValue(key, out var call) ? call : null;
    }

    /// <summary>Where a call stands, for a reader: <c>path:line</c>.</summary>
    public static string Place(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return $"{node.Tree.Source.Path ?? "<input>"}:{node.Start.Line}";
    }

    private sealed record RustFunctionFacts(string Name, bool Inlined, List<string>? SmallCalls);

    private static (HashSet<string>, List<(string, FunctionNode)>?, HashSet<string>, HashSet<string>, List<RustFunctionFacts>?) Gather(SyntaxTree tree)
    {
        List<RustFunctionFacts>? rust = null;
        var called = new HashSet<string>(StringComparer.Ordinal);
        List<(string, FunctionNode)>? py = null;
        var python = tree.Language == SourceLanguage.Python;

        // Functions that loop or do I/O themselves (see DoesWork, DoesIo).
        var working = new HashSet<string>(StringComparer.Ordinal);
        var io = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loop in NodesByType.Of<LoopNode>(tree))
        {
            if (loop.EnclosingFunction() is { } function)
            {
                working.Add(function.Name);
            }
        }

        foreach (var call in NodesByType.Of<CallNode>(tree))
        {
            if (!called.Contains(call.Name) && call.IsInLoop())
            {
                called.Add(call.Name);
            }

            if ((python ? Python.PythonCode.IsIoCall(call) : Rust.RustCode.IsIoCall(call)) && call.EnclosingFunction() is { } function)
            {
                working.Add(function.Name);
                io.Add(function.Name);
            }
        }

        if (tree.Language == SourceLanguage.Rust)
        {
            rust = [];
            foreach (var function in NodesByType.Of<FunctionNode>(tree))
            {
                // Inlinable into any caller: `#[inline]` (not `#[inline(never)]`), or generic (instantiated in the calling crate).
                var calls = function.HasBody ? function.Descendants<CallNode>().Where(c => c.Name.Length > 0 && !char.IsUpper(c.Name[0])).Select(c => c.Name).ToList() : null;
                var small = calls is { Count: <= 3 } && !function.Descendants<LoopNode>().Any();
                rust.Add(new RustFunctionFacts(function.Name, function.Attributes.Any(a => a.Name is "inline" && !(a.Arguments ?? "").Contains("never", StringComparison.Ordinal)) || IsGenericSignature(tree, function), small ? calls : null));
                if (function.HasAttribute("pyfunction") || IsPyMethod(function))
                {
                    (py ??= []).Add((PythonName(function), function));
                }
            }
        }

        return (called, py, working, io, rust);
    }

    /// <summary>
    /// True when some reviewed code calls a function of this (simple) name inside a loop. Names that are nearly always
    /// a standard container or string method (`len`, `new`, `get`, `append`…) never count: `v.len()` in a loop says
    /// nothing about a project's own `fn len`.
    /// </summary>
    public bool IsCalledInLoop(string functionName) => _calledInLoops.Contains(functionName) && !StandardMethodNames.Contains(functionName);

    /// <summary>True when every Rust function of this name in the reviewed code is `#[inline]` or generic: a call to it disappears into its caller.</summary>
    public bool IsInlinedRust(string functionName) => _rustInlined.Contains(functionName) && !_rustOutOfLine.Contains(functionName);

    // Methods of the standard containers and strings of both languages: a project function that shares the name (a
    // `def append` that loops, a `fn len`) says nothing about `items.append(x)` or `v.len()`, which such a call nearly always is.
    /// <summary>True for a method name of the standard containers and strings of either language (`get`, `append`, `len`…).</summary>
    internal static bool IsStandardMethodName(string name) => StandardMethodNames.Contains(name);

    private static readonly HashSet<string> StandardMethodNames = new(StringComparer.Ordinal)
    {
        "len", "new", "is_empty", "clear", "get", "get_mut", "push", "pop", "insert", "remove", "contains", "iter", "iter_mut", "map",
        "next", "clone", "to_string", "to_owned", "from", "into", "unwrap", "expect", "as_ref", "as_str", "as_slice", "lock", "read",
        "write", "flush", "fmt", "eq", "cmp", "hash", "default", "with_capacity", "extend", "append", "add", "update", "copy", "index",
        "count", "sort", "reverse", "join", "split", "rsplit", "strip", "lstrip", "rstrip", "format", "name", "id", "code", "keys", "values",
        "items", "popleft", "appendleft", "discard", "setdefault", "popitem", "startswith", "endswith", "replace", "lower", "upper",
        "encode", "decode", "find", "rfind", "partition", "rpartition", "splitlines", "isdigit", "isalpha",
    };

    // `fn name<…>` or an `impl Trait` parameter (a hidden generic).
    private static bool IsGenericSignature(SyntaxTree tree, FunctionNode function)
    {
        if (function.NameSpan.IsEmpty)
        {
            return false;
        }

        var text = tree.Source.Text;
        var end = function.HasBody ? function.BodySpan.Start : function.Span.End;
        var head = text.AsSpan(function.NameSpan.End, Math.Max(0, end - function.NameSpan.End));
        return head.TrimStart().StartsWith("<") || head.IndexOf("impl ", StringComparison.Ordinal) >= 0;
    }

    /// <summary>The Rust <c>#[pyfunction]</c> Python sees under <paramref name="pythonName"/>, if the review includes it.</summary>
    public FunctionNode? PyFunction(string pythonName) => _pyFunctions.GetValueOrDefault(pythonName);

    public IReadOnlyCollection<string> PyFunctionNames => _pyFunctions.Keys;

    /// <summary>The method of a Rust <c>#[pymethods]</c> block Python calls as <paramref name="pythonName"/> on an instance, if the review includes it.</summary>
    public FunctionNode? PyMethod(string pythonName) => _pyMethods.GetValueOrDefault(pythonName);

    // A plain method of a `#[pymethods]` impl block (constructors, getters and setters are not called as methods).
    private static bool IsPyMethod(FunctionNode function) =>
        function.IsMethod && function.FirstAncestor<ImplNode>() is { } impl
        && impl.Attributes.Any(a => a.Name == "pymethods" || a.Name.EndsWith("::pymethods", StringComparison.Ordinal))
        && !function.Attributes.Any(a => a.Name is "new" or "getter" or "setter" or "classattr" || a.Name.EndsWith("::new", StringComparison.Ordinal));

    /// <summary>
    /// True when a function of this (simple) name in the reviewed code reads or writes files, sockets, processes or the
    /// terminal itself: a call to it costs microseconds at least, far more than an allocation or a few lookups beside it.
    /// </summary>
    public bool DoesIo(string functionName) =>
        _io.Contains(functionName) && !StandardMethodNames.Contains(functionName);

    /// <summary>True when a function of this (simple) name in the reviewed code loops or does I/O itself (see <see cref="DoesIo"/> for I/O alone).</summary>
    public bool DoesWork(string functionName) =>
        _working.Contains(functionName) && !StandardMethodNames.Contains(functionName);


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
