using System.Collections.Frozen;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>PYO003: a <c>#[pyfunction]</c> / <c>#[pymethods]</c> body that loops or runs an iterator chain over its input without releasing the GIL.</summary>
public sealed class CpuWorkWhileHoldingGil : Rule
{
    public static RuleDescriptor Info { get; } = new(
        Id: "PYO003",
        Slug: "pyo3/missing-allow-threads",
        Name: nameof(CpuWorkWhileHoldingGil),
        Language: SourceLanguage.Rust,
        WhatItDoes: "Finds functions Python calls (`#[pyfunction]`, `#[pymethods]`) whose body loops or runs an iterator chain over its input, or hands a whole buffer to a Rust routine, with no Python-object work in that part and no `py.allow_threads(…)` / `py.detach(…)` (the PyO3 0.26 name) around it.",
        WhyBad: "While Rust holds the GIL no other Python thread can run, so a long pure-Rust computation stalls the whole interpreter and a thread pool of callers gets no parallelism at all.",
        Example: """
            #[pyfunction]
            fn fingerprint(data: &[u8]) -> u64 {
                fnv1a(data)
            }
            """,
        UseInstead: """
            // Release the GIL around the pure-Rust part (extract inputs first, attach again only to build the result):
            #[pyfunction]
            fn fingerprint(py: Python<'_>, data: &[u8]) -> u64 {
                py.detach(|| fnv1a(data))     // py.allow_threads before PyO3 0.26
            }
            """,
        CostOperation: null,
        TechniqueSection: "Detach around CPU-only Rust",
        NeedsRepetition: false);

    // Adapters that drive an iterator to the end: the work of the whole chain happens in them.
    private static readonly FrozenSet<string> Consumers = FrozenSet.Create(
        StringComparer.Ordinal,
        "sum", "product", "fold", "try_fold", "max", "min", "max_by", "min_by", "max_by_key", "min_by_key", "collect", "position", "any", "all", "reduce", "for_each", "try_for_each", "find", "filter_map", "partition", "unzip");

    private static readonly FrozenSet<string> IteratorSources = FrozenSet.Create(
        StringComparer.Ordinal,
        "iter", "into_iter", "iter_mut", "chars", "bytes", "char_indices", "windows", "chunks", "chunks_exact", "lines", "split", "split_whitespace", "par_iter", "par_chunks", "par_iter_mut", "into_par_iter");

    // Identifiers whose presence means the code works with Python objects and cannot run detached.
    private static readonly FrozenSet<string> PythonWork = FrozenSet.Create(
        StringComparer.Ordinal,
        "py", "Python", "extract", "into_py", "to_object", "into_pyobject", "into_bound_py_any", "into_py_any", "set_item", "get_item", "del_item",
        "call", "call0", "call1", "call_method", "call_method0", "call_method1", "getattr", "setattr", "downcast", "cast", "bind", "clone_ref", "import", "import_bound", "intern");

    // Calls that hand a value on without computing over it.
    private static readonly FrozenSet<string> NotWork = FrozenSet.Create(
        StringComparer.Ordinal,
        "Ok", "Some", "Err", "Box::new", "Arc::new", "Rc::new", "Cow::Borrowed", "Cow::Owned", "Vec::from", "String::from", "drop", "len", "is_empty", "clone", "to_vec", "to_owned", "from_utf8", "from_utf8_lossy", "str::from_utf8", "std::str::from_utf8", "String::from_utf8", "String::from_utf8_lossy");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var function in context.Nodes<FunctionNode>())
        {
            if (!function.HasBody || function.IsAsync || !PyO3Api.IsExposedToPython(function) || Skipped(function, context))
            {
                continue;
            }

            var values = PythonValues.Of(function);
            var inputs = function.Parameters.Where(p => !p.IsSelf && p.Type is { } t && !PyO3Api.IsPythonToken(t) && !PythonValues.IsPythonType(t)).ToList();
            // A chain or a hand-off is weaker evidence than a loop: when the function's own loops
            // handle Python objects, those loops are the bulk of the work and need the GIL.
            var found = LoopOverInput(function, inputs, values, context);
            if (found is null && !HasPythonLoop(function, values, context))
            {
                found = ChainOverInput(function, inputs, values, context) ?? BufferHandOff(function, inputs, values, context);
            }

            if (found is null)
            {
                continue;
            }

            // Called once per item from Python: batching comes first (pyo3/single-item-api), and a
            // detach per call adds a GIL round trip to every item.
            var perItem = context.Project.IsCalledInLoop(function.Name);
            var confidence = perItem ? Confidence.Low : found.Confidence;

            var hasPy = function.Parameters.Any(p => p.Type is { } t && PyO3Api.IsPythonToken(t));
            var py = hasPy ? function.Parameters.First(p => p.Type is { } t && PyO3Api.IsPythonToken(t)).Name : "py";
            context.Report(
                function,
                $"{PyO3Api.Describe(function)} runs pure-Rust work ({found.What}, line {found.Line}) while holding the GIL, so no other Python thread can run meanwhile"
                    + (perItem ? $"; `{function.Name}` is also called from a loop in the reviewed code — if that is Python calling it per item, batch the calls first" : ""),
                (hasPy ? "" : "add a `py: Python<'_>` parameter and ")
                    + $"release the GIL around the pure-Rust part: `{py}.detach(|| …)` (`{py}.allow_threads(|| …)` before PyO3 0.26); extract the inputs first and attach again only to build the result — worth it when the work outlasts a GIL release and re-acquire",
                confidence,
                "Other Python threads stay blocked for the whole computation; detached, they run in parallel with it.",
                function.NameSpan);
        }
    }

    // Already detached somewhere; per-item protocol methods and accessors; test code.
    private static bool Skipped(FunctionNode function, RuleContext context) =>
        function.Descendants<CallNode>().Any(PyO3Api.IsGilRelease)
        || function.Name.StartsWith("__", StringComparison.Ordinal)
        || function.HasAttribute("new") || function.HasAttribute("getter") || function.HasAttribute("setter") || function.HasAttribute("classattr")
        || PyO3Api.IsTestCode(function);

    private static Evidence? LoopOverInput(FunctionNode function, List<Parameter> inputs, PythonValues values, RuleContext context)
    {
        foreach (var loop in function.Descendants<LoopNode>())
        {
            if (loop.EnclosingFunction() != function || loop.EnclosingLoops().Any())
            {
                continue;
            }

            var source = loop.IterableSpan ?? (loop.Parent is CallNode { ReceiverSpan: { } receiver } ? receiver : (TextSpan?)null);
            if (source is not { } over || Input(context.Tree, over, inputs) is not { } input || DoesPythonWork(context.Tree, loop.Span, values))
            {
                continue;
            }

            // For an iterator closure the whole chain must stay free of Python work, not only the closure.
            if (loop.LoopKind == LoopKind.IteratorClosure && Chain(loop) is { } chain && DoesPythonWork(context.Tree, chain.Span, values))
            {
                continue;
            }

            var body = loop.IterableSpan is { } it ? TextSpan.FromBounds(it.End, loop.Span.End) : loop.Span;
            if (Weigh(input, IsTrivial(context.Tree, loop, body)) is { } confidence)
            {
                return new Evidence(PyO3Api.DescribeLoop(loop), loop.Start.Line, confidence);
            }
        }

        return null;
    }

    private static bool HasPythonLoop(FunctionNode function, PythonValues values, RuleContext context) =>
        function.Descendants<LoopNode>().Any(l => l.EnclosingFunction() == function && !l.EnclosingLoops().Any() && DoesPythonWork(context.Tree, l.Span, values));

    private static Evidence? ChainOverInput(FunctionNode function, List<Parameter> inputs, PythonValues values, RuleContext context)
    {
        foreach (var call in function.Descendants<CallNode>())
        {
            if (!call.IsMethodCall || !Consumers.Contains(call.Name) || call.ReceiverSpan is not { } receiver || call.EnclosingFunction() != function)
            {
                continue;
            }

            var hasSource = false;
            for (var link = call.ReceiverCall; link is not null; link = link.ReceiverCall)
            {
                hasSource |= IteratorSources.Contains(link.Name);
            }

            // A chain without closures does no per-element work of its own beyond the adapter.
            if (hasSource && Input(context.Tree, receiver, inputs) is { } input && !DoesPythonWork(context.Tree, call.Span, values) && Weigh(input, trivial: true) is { } confidence)
            {
                return new Evidence($"`{PyO3Api.Shorten(context.TextOf(call.Span), 40)}`", call.Start.Line, confidence);
            }
        }

        return null;
    }

    /// <summary>
    /// How sure the finding is, given what the work walks: a buffer (bytes, str, numeric array) can be
    /// large and came in without per-element cost; a list PyO3 extracted element by element already
    /// cost more under the GIL than a trivial pass over it; a pyclass's own fields are of unknown size.
    /// Null when the work is not worth a detach.
    /// </summary>
    private static Confidence? Weigh(InputKind input, bool trivial) => input switch
    {
        InputKind.Buffer => Confidence.Medium,
        InputKind.SelfField => trivial ? null : Confidence.Low,
        // Work over other inputs (Python objects converted as it goes, options, small values) rarely runs long enough to
        // release the GIL for: on real code these were wrong or not worth it (calibration/verdicts.tsv).
        _ => trivial ? null : Confidence.Low,
    };

    private static Evidence? BufferHandOff(FunctionNode function, List<Parameter> inputs, PythonValues values, RuleContext context)
    {
        var buffers = inputs.Where(p => IsBufferType(p.Type!)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (buffers.Count == 0)
        {
            return null;
        }

        foreach (var call in function.Descendants<CallNode>())
        {
            if (call.EnclosingFunction() != function || NotWork.Contains(call.Callee) || NotWork.Contains(call.Name)
                || PyO3Api.CreatesObject(call) || PyO3Api.IsConvertingMethod(call, out _, out _)
                || (call.ReceiverSpan is { } r && (values.RootIsPython(context.TextOf(r)) || context.TextOf(r).Trim() == "py")))
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                var text = context.TextOf(argument.Span).Trim().TrimStart('&').Trim();
                var root = text.Split('.', '[')[0].Trim();
                var handsWhole = text == root || text.EndsWith(".as_slice()", StringComparison.Ordinal) || text.EndsWith(".as_bytes()", StringComparison.Ordinal) || text.EndsWith("[..]", StringComparison.Ordinal);
                if (buffers.Contains(root) && handsWhole && !DoesPythonWork(context.Tree, call.Span, values))
                {
                    return new Evidence($"`{PyO3Api.Shorten(context.TextOf(call.Span), 40)}` over the whole of `{root}`", call.Start.Line, Confidence.Low);
                }
            }
        }

        return null;
    }

    private static CallNode? Chain(LoopNode closure)
    {
        CallNode? top = null;
        for (var node = closure.Parent; node is CallNode call; node = call.Parent)
        {
            top = call;
        }

        return top;
    }

    /// <summary>What the span iterates: the first parameter (or <c>self</c>) it mentions, classified; null when it mentions none.</summary>
    private static InputKind? Input(SyntaxTree tree, TextSpan span, List<Parameter> inputs)
    {
        var tokens = RustSpanTokens.Of(tree, span);
        InputKind? found = null;
        foreach (var token in tokens.Tokens)
        {
            var text = tokens.TextOf(token);
            if (inputs.FirstOrDefault(p => p.Name == text) is { } parameter)
            {
                var kind = IsBufferType(parameter.Type!) || IsText(parameter.Type!) ? InputKind.Buffer : InputKind.Other;
                found = found is null || kind == InputKind.Buffer ? kind : found;
            }
            else if (token.Kind == Languages.Rust.RustTokenKind.SelfValue)
            {
                found ??= InputKind.SelfField;
            }
        }

        return found;
    }

    // Calls other than these in the loop body mean per-element work worth releasing the GIL for.
    private static readonly FrozenSet<string> TrivialCalls = FrozenSet.Create(
        StringComparer.Ordinal, "len", "is_empty", "as_str", "as_ref", "as_bytes", "as_slice", "into_bytes", "clone", "get", "unwrap", "unwrap_or", "is_some", "is_none", "Some", "Ok", "from", "matches");

    private static bool IsTrivial(SyntaxTree tree, LoopNode loop, TextSpan body)
    {
        if (loop.Descendants<LoopNode>().Any())
        {
            return false;
        }

        var tokens = RustSpanTokens.Of(tree, body);
        for (var i = 0; i + 1 < tokens.Tokens.Count; i++)
        {
            var next = tokens.KindAt(i + 1);
            if (tokens.Tokens[i].Kind == Languages.Rust.RustTokenKind.Identifier
                && (next == Languages.Rust.RustTokenKind.OpenParen || next == Languages.Rust.RustTokenKind.Bang || next == Languages.Rust.RustTokenKind.ColonColon && tokens.KindAt(i + 2) == Languages.Rust.RustTokenKind.Lt)
                && !TrivialCalls.Contains(tokens.TextOf(tokens.Tokens[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsText(string type) => type.Replace(" ", "", StringComparison.Ordinal) is var t && (t == "String" || t.EndsWith("str", StringComparison.Ordinal) && t.StartsWith('&') || t.StartsWith("PyBackedStr", StringComparison.Ordinal));

    private static bool DoesPythonWork(SyntaxTree tree, TextSpan span, PythonValues values) =>
        RustSpanTokens.Of(tree, span).Identifiers().Any(id => PythonWork.Contains(id) || values.Contains(id) || IsPythonTypeName(id));

    // PyDict, PyList… are Python work; PyResult, PyErr, PyValueError (a lazily built error) are not.
    private static bool IsPythonTypeName(string id) =>
        id.Length > 2 && id.StartsWith("Py", StringComparison.Ordinal) && char.IsUpper(id[2])
        && !id.StartsWith("PyResult", StringComparison.Ordinal) && !id.StartsWith("PyErr", StringComparison.Ordinal)
        && !id.EndsWith("Error", StringComparison.Ordinal) && !id.EndsWith("Exception", StringComparison.Ordinal)
        && !id.StartsWith("PyBacked", StringComparison.Ordinal) && !id.StartsWith("PyReadonly", StringComparison.Ordinal);


    private static bool IsBufferType(string type)
    {
        var t = type.Replace(" ", "", StringComparison.Ordinal);
        var slice = t.IndexOf('[', StringComparison.Ordinal) is var open and >= 0 && t.StartsWith('&') ? t[(open + 1)..].TrimEnd(']') : null;
        return slice is not null && !slice.Contains(';', StringComparison.Ordinal) && IsPlainElement(slice)
            || t.StartsWith("Vec<", StringComparison.Ordinal) && t.EndsWith('>') && IsPlainElement(t[4..^1])
            || t.StartsWith("PyBackedBytes", StringComparison.Ordinal) || t.StartsWith("PyReadonlyArray", StringComparison.Ordinal)
            || t.StartsWith("PyBuffer<", StringComparison.Ordinal) || t.StartsWith("Cow<", StringComparison.Ordinal) && t.Contains('[', StringComparison.Ordinal);
    }

    // Bytes and numbers: what a buffer holds without a Python object per element.
    private static bool IsPlainElement(string element) =>
        element is "u8" or "i8" or "u16" or "i16" or "u32" or "i32" or "u64" or "i64" or "f32" or "f64" or "usize" or "isize" or "bool" or "char";

    private enum InputKind
    {
        Buffer,
        SelfField,
        Other,
    }

    private sealed record Evidence(string What, int Line, Confidence Confidence);
}
