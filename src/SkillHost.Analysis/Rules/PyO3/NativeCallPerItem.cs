using System.Text.RegularExpressions;
using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>
/// PYO005: Python code that calls a Rust <c>#[pyfunction]</c> or <c>#[pymethods]</c> method (directly or through a
/// thin Python wrapper) once per item of a loop (or through
/// <c>map</c>/<c>filter</c>). Runs on Python files and finds the Rust definition through the
/// project index; without Rust source it falls back, with low confidence, to modules whose name
/// marks them as native extensions (<c>inventory_native</c>, <c>fastparse_rs</c>).
/// </summary>
public sealed partial class NativeCallPerItem : Rule
{
    public static RuleDescriptor Info { get; } = new(
        Id: "PYO005",
        Slug: "pyo3/single-item-api",
        Name: nameof(NativeCallPerItem),
        Language: SourceLanguage.Python,
        WhatItDoes: "Finds Python loops, comprehensions and `map`/`filter` calls that call a Rust `#[pyfunction]` once per item, passing it the item. The Rust definition is looked up among the reviewed Rust files (including `#[pyo3(name = \"…\")]` renames); a method call reaches Rust when its name is a method of a reviewed `#[pymethods]` block that no Python code in the file defines, or when it calls the class's own thin wrapper (a method whose body only returns such a call); when no Rust source is reviewed, a function imported from a module named like a native extension (`*_native`, `*_rs`, `*_rust`, `*_pyo3`) is reported with low confidence.",
        WhyBad: "Every call crosses the Python↔Rust boundary: argument conversion, GIL bookkeeping and call dispatch are paid again for each item, and for small per-item work they cost more than the work itself.",
        Example: """
            from inventory_native import sku_is_valid

            def rejected_skus(rows):
                return [row.sku for row in rows if not sku_is_valid(row.sku)]
            """,
        UseInstead: """
            # Add a batch entry point on the Rust side and call it once (in chunks for unbounded input):
            #   #[pyfunction]
            #   fn skus_are_valid(py: Python<'_>, skus: Vec<String>) -> Vec<bool> {
            #       py.detach(|| skus.iter().map(|sku| check_sku(sku)).collect())
            #   }
            from inventory_native import skus_are_valid

            def rejected_skus(rows):
                skus = [row.sku for row in rows]
                verdicts = skus_are_valid(skus)
                return [sku for sku, ok in zip(skus, verdicts) if not ok]
            """,
        CostOperation: "PyO3 GIL acquire/release",
        TechniqueSection: "Cross the boundary with batches");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return; // tests and benchmarks call one item at a time on purpose (a micro-benchmark times one call)
        }

        // Every module name Resolve can build is made of these imports' segments and the callee's own.
        var nativeImports = context.Nodes<ImportNode>().Any(i => (i.Module is { } m && m.Split('.').Any(IsNativeModuleName)) || i.Names.Any(n => n.Name.Split('.').Any(IsNativeModuleName)));

        // With no native-looking import and no reviewed #[pyfunction], Resolve accepts only a dotted callee
        // (`native.fn`): an undotted call is rejected before its loops are looked up, unless it is a
        // map/filter whose function argument is what gets resolved.
        var onlyDotted = !nativeImports && context.Project.PyFunctionNames.Count == 0;
        var text = context.Tree.Source.Text;
        foreach (var call in context.Nodes<CallNode>())
        {
            if (onlyDotted && call is not { IsMethodCall: false, Callee: "map" or "filter" }
                && !text.AsSpan(call.CalleeSpan.Start, call.CalleeSpan.Length).Contains('.'))
            {
                continue;
            }

            if (call.EnclosingFunction() is { } f && f.Name.StartsWith("test_", StringComparison.Ordinal))
            {
                continue;
            }

            if (call.EnclosingLoops().FirstOrDefault() is { } loop)
            {
                CheckCallInLoop(context, call, loop, nativeImports);
            }
            else if (call is { IsMethodCall: false, Callee: "map" or "filter" } && call.Arguments.Count >= 2 && call.Arguments[0].Shape is ExpressionShape.Name or ExpressionShape.MemberAccess)
            {
                CheckMappedFunction(context, call, nativeImports);
            }
        }
    }

    private static void CheckCallInLoop(RuleContext context, CallNode call, LoopNode loop, bool nativeImports)
    {
        if ((Resolve(context, call, context.TextOf(call.CalleeSpan), nativeImports) ?? ResolveMethod(context, call, nativeImports)) is not { } target || !PassesAnItem(context, call))
        {
            return;
        }

        var code = PyO3Api.Shorten(context.TextOf(call.Span), 50);
        context.Report(
            call,
            $"`{code}` crosses into Rust once per item of {PyO3Api.DescribeLoop(loop)}: {target.Origin}",
            Fix(target),
            target.Confidence,
            "Each iteration pays a boundary crossing (argument conversion, GIL bookkeeping, dispatch) that one batch call would pay once.",
            call.Span);
    }

    private static void CheckMappedFunction(RuleContext context, CallNode call, bool nativeImports)
    {
        var function = call.Arguments[0];
        if (Resolve(context, call, context.TextOf(function.Span).Trim(), nativeImports) is not { } target)
        {
            return;
        }

        context.Report(
            call,
            $"`{PyO3Api.Shorten(context.TextOf(call.Span), 50)}` calls the native `{target.PythonName}` once per item: {target.Origin}",
            Fix(target),
            target.Confidence,
            "Each item pays a boundary crossing (argument conversion, GIL bookkeeping, dispatch) that one batch call would pay once.",
            function.Span,
            (int)Math.Min(int.MaxValue, context.Options.AssumeN),
            occurrencesAssumed: true,
            occurrenceAssumption: $"the loop around `{target.PythonName}` makes {Cost.CostText.Count(context.Options.AssumeN)} calls");
    }

    private static string Fix(Target target) =>
        target is { Definition: { } method, IsMethod: true }
            ? $"add a batch method next to `{method.Name}` in {Location(method)} (same `#[pymethods]` block) — e.g. `fn {method.Name}_many(&self, py: Python<'_>, items: Vec<…>) -> Vec<…>`, detached around the pure-Rust loop — and call it once with all items (chunks of a few thousand for unbounded input)"
            : target.Definition is { } rust
            ? $"add a batch entry point next to `{target.PythonName}` in {Location(rust)} — e.g. `#[pyfunction] fn {target.PythonName}_many(items: Vec<…>) -> Vec<…>`, detached around the pure-Rust loop — and call it once with all items (chunks of a few thousand for unbounded input)"
            : $"if `{target.Module}` is a Rust extension, give it a batch entry point (`{target.PythonName}_many(items)`) and call it once with all items (chunks of a few thousand for unbounded input)";

    /// <summary>What the called name refers to: a reviewed Rust <c>#[pyfunction]</c>, or a function of a native-looking module.</summary>
    private static Target? Resolve(RuleContext context, CallNode call, string callee, bool nativeImports)
    {
        var parts = callee.Split('.');
        var name = parts[^1];
        if (!nativeImports && context.Project.PyFunction(name) is null && !parts[..^1].Any(IsNativeModuleName))
        {
            return null; // neither a reviewed #[pyfunction] nor any module name below can look native: skip the binding lookups
        }

        string? module;
        if (parts.Length == 1)
        {
            var bindings = BindingIndex.Find(call, name);
            if (bindings.Any(b => b.BindingKind != BindingKind.Import))
            {
                return null; // defined, assigned or passed in Python: not (only) the native function
            }

            module = bindings.Select(b => ImportedFrom((ImportNode)b.Node, name)).FirstOrDefault(m => m is not null);
        }
        else
        {
            // `native.fn(x)` / `pkg.native.fn(x)`: the receiver must be an imported module.
            var root = parts[0];
            var import = BindingIndex.Find(call, root).FirstOrDefault();
            if (import is not { BindingKind: BindingKind.Import, Node: ImportNode node })
            {
                return null;
            }

            var imported = node.Names.First(n => n.BoundName == root);
            var prefix = node.Module is null ? (imported.Alias is null ? root : imported.Name) : node.Module + "." + imported.Name;
            module = string.Join('.', [prefix, .. parts[1..^1]]);
        }

        if (context.Project.PyFunction(name) is { } definition)
        {
            // A function that already takes a collection, called per chunk, is the recommended shape.
            if (definition.Parameters.Any(p => p.Type is { } t && LooksLikeBatch(t)))
            {
                return null;
            }

            // Each item a buffer (an image, a document's bytes): the work per call grows with it and
            // the fixed crossing cost matters only when the buffers are small.
            var buffer = definition.Parameters.Any(p => p.Type is { } t && IsBuffer(t));
            var confidence = buffer ? Confidence.Low : module is null ? Confidence.Medium : Confidence.High;
            var origin = $"`{name}` is the `#[pyfunction]` at {Location(definition)}" + (buffer ? " (it takes a buffer per call; batching pays off when the buffers are small)" : "");
            return new Target(name, module, definition, confidence, origin);
        }

        if (module is not null && module.Split('.').Any(IsNativeModuleName))
        {
            return new Target(name, module, null, Confidence.Medium, $"`{name}` comes from `{module}`, which by its name is a native (Rust) extension; no Rust source is in the review to confirm it");
        }

        return null;
    }

    /// <summary>
    /// A method call that reaches Rust: <c>self.name(item)</c> where the class's own <c>name</c> only returns a native call
    /// (a thin wrapper), or <c>obj.name(item)</c> where <c>name</c> is a method of a reviewed <c>#[pymethods]</c> block
    /// and no Python code in the file defines it (but the wrapper that forwards to it, which may share its name).
    /// </summary>
    private static Target? ResolveMethod(RuleContext context, CallNode call, bool nativeImports, FunctionNode? wrapper = null)
    {
        if (!call.IsMethodCall || call.ReceiverSpan is not { } receiverSpan || call.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return null;
        }

        if (context.TextOf(receiverSpan).Trim() == "self")
        {
            if (call.EnclosingType() is not { } type || context.Nodes<FunctionNode>().FirstOrDefault(f => f.Name == call.Name && f.IsMethod && f.EnclosingType() == type) is not { } forwarder
                || ForwardedCall(context, forwarder) is not { } inner || inner.EnclosingLoops().Any())
            {
                return null;
            }

            var native = (inner.IsMethodCall ? null : Resolve(context, inner, context.TextOf(inner.CalleeSpan), nativeImports)) ?? ResolveMethod(context, inner, nativeImports, forwarder);
            return native is null ? null : native with
            {
                Confidence = native.Confidence == Confidence.Low ? Confidence.Low : Confidence.Medium,
                Origin = $"`self.{call.Name}` only returns `{PyO3Api.Shorten(context.TextOf(inner.Span), 60)}` (line {context.Tree.Source.GetLinePosition(inner.Span.Start).Line}), and " + native.Origin,
            };
        }

        if (ProjectIndex.IsStandardMethodName(call.Name) || CommonMethodNames.Contains(call.Name) || context.Project.PyMethod(call.Name) is not { } method
            || method.Parameters.Any(p => p.Type is { } t && LooksLikeBatch(t)) || context.Nodes<FunctionNode>().Any(f => f.Name == call.Name && f != wrapper))
        {
            return null;
        }

        var buffer = method.Parameters.Any(p => p.Type is { } t && IsBuffer(t));
        return new Target(call.Name, null, method, buffer ? Confidence.Low : Confidence.Medium,
            $"`{call.Name}` is the `#[pymethods]` method at {Location(method)}" + (buffer ? " (it takes a buffer per call; batching pays off when the buffers are small)" : ""), IsMethod: true);
    }

    /// <summary>The call a function's body consists of — an optional docstring, then <c>return call(…)</c> — or null.</summary>
    private static CallNode? ForwardedCall(RuleContext context, FunctionNode function)
    {
        var tokens = PythonCode.Tokens(context.Tree);
        var i = PythonCode.FirstTokenAtOrAfter(tokens, function.BodySpan.Start);
        int Skip(int at)
        {
            while (at < tokens.Count && tokens[at].End <= function.BodySpan.End && tokens[at].Kind is PythonTokenKind.Newline or PythonTokenKind.NonLogicalNewline or PythonTokenKind.Indent or PythonTokenKind.Comment)
            {
                at++;
            }

            return at;
        }

        i = Skip(i);
        if (i + 1 < tokens.Count && tokens[i].Kind == PythonTokenKind.StringLiteral && tokens[i + 1].Kind == PythonTokenKind.Newline)
        {
            i = Skip(i + 1);
        }

        if (i + 1 >= tokens.Count || tokens[i].Kind != PythonTokenKind.ReturnKeyword)
        {
            return null;
        }

        var start = tokens[i + 1].Start;
        var call = function.Descendants<CallNode>().FirstOrDefault(c => c.Span.Start == start && c.ReceiverCall is null);
        if (call is null)
        {
            return null;
        }

        // Nothing but the line's end (and the function's) may follow the returned call.
        var after = Skip(PythonCode.FirstTokenAtOrAfter(tokens, call.Span.End));
        return after >= tokens.Count || tokens[after].Start >= function.BodySpan.End || tokens[after].Kind is PythonTokenKind.Dedent or PythonTokenKind.EndOfFile ? call : null;
    }

    // Beyond the standard container and string methods (ProjectIndex.IsStandardMethodName), names that Python's files,
    // sockets, regexes and runners share: a Rust method of the same name says nothing about such a call.
    private static readonly HashSet<string> CommonMethodNames = new(StringComparer.Ordinal) { "close", "send", "call", "run", "match", "search" };

    private static string? ImportedFrom(ImportNode import, string boundName)
    {
        var imported = import.Names.FirstOrDefault(n => n.BoundName == boundName);
        return imported is null || import.Module is null ? null : import.Module;
    }

    /// <summary>True when some argument uses a name that changes per iteration: a loop variable or a name assigned in the loop.</summary>
    private static bool PassesAnItem(RuleContext context, CallNode call)
    {
        var perItem = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loop in call.EnclosingLoops())
        {
            if (loop.Target is { } target)
            {
                perItem.UnionWith(Identifier().Matches(target).Select(m => m.Value));
            }

            foreach (var assignment in loop.Descendants<AssignmentNode>().Where(loop.RunsPerIteration))
            {
                perItem.UnionWith(assignment.Targets);
            }
        }

        return call.Arguments.Any(a => Identifier().Matches(context.TextOf(a.Span)).Any(m => perItem.Contains(m.Value)));
    }

    private static bool IsNativeModuleName(string segment)
    {
        var s = segment.ToLowerInvariant();
        return s is "native" or "_native" or "rust" or "_rust" or "_rs" or "pyo3" or "_pyo3"
            || s.EndsWith("_native", StringComparison.Ordinal) || s.EndsWith("_rs", StringComparison.Ordinal)
            || s.EndsWith("_rust", StringComparison.Ordinal) || s.EndsWith("_pyo3", StringComparison.Ordinal);
    }

    private static bool IsBuffer(string type)
    {
        var t = type.Replace(" ", "", StringComparison.Ordinal);
        return t is "&[u8]" or "Vec<u8>" or "PyBackedBytes" || t.StartsWith("PyReadonlyArray", StringComparison.Ordinal) || t.StartsWith("PyBuffer<", StringComparison.Ordinal)
            || t.Contains("PyBytes", StringComparison.Ordinal) || t.Contains("PyByteArray", StringComparison.Ordinal);
    }

    private static bool LooksLikeBatch(string type)
    {
        var t = type.Replace(" ", "", StringComparison.Ordinal);
        return (t.StartsWith("Vec<", StringComparison.Ordinal) && t != "Vec<u8>") || t.StartsWith("&[", StringComparison.Ordinal) && t != "&[u8]"
            || t.Contains("PyList", StringComparison.Ordinal) || t.Contains("PySequence", StringComparison.Ordinal) || t.Contains("PyIterator", StringComparison.Ordinal)
            || t.Contains("PyReadonlyArray", StringComparison.Ordinal);
    }

    private static string Location(FunctionNode definition) =>
        $"{definition.Tree.Source.Path ?? "<rust>"}:{definition.Tree.Source.GetLinePosition(definition.NameSpan.Start).Line}";

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    private sealed record Target(string PythonName, string? Module, FunctionNode? Definition, Confidence Confidence, string Origin, bool IsMethod = false);
}
