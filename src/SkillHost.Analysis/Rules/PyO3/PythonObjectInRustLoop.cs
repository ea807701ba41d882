using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>PYO002: Python objects created on every pass of a Rust loop, explicitly or by the argument conversion of a Python container method.</summary>
public sealed class PythonObjectInRustLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        Id: "PYO002",
        Slug: "pyo3/pyobject-in-loop",
        Name: nameof(PythonObjectInRustLoop),
        Language: SourceLanguage.Rust,
        WhatItDoes: "Finds Python objects created inside Rust loops and iterator closures: constructors (`PyList::new`, `PyDict::new`, `PyString::new`, `PyTuple::new`, `PyBytes::new`, `PyInt`/`PyFloat`, `Py::new`), conversions (`.into_py(py)`, `.to_object(py)`, `.into_pyobject(py)`, `.into_bound_py_any(py)`, `IntoPy::into_py`) and Python container calls such as `dict.set_item(key, value)` or `dict.get_item(key)` whose Rust arguments are converted to new Python objects. A `PyString::new` whose text is the same on every call (a literal, a constant, or a field of an item of a collection the object owns, `for p in self.parameters`) is reported even when it is part of the result: `intern!` or a `Py<PyString>` built with the object replaces it. Outside loops, a `PyString::new` of a literal or constant is reported on every call (ranked medium when the same file already interns that text). Objects that are the loop's product are left alone, except (with low confidence) one rebuilt from a value derived from the loop's own Python item, such as a dict key turned into text and back into a new `str`.",
        WhyBad: "Each Python object is a heap allocation plus reference counting, done while holding the GIL; for intermediate values that Python never sees, that is pure overhead on every item, and it keeps the loop from running detached.",
        Example: """
            use pyo3::prelude::*;
            use pyo3::types::PyDict;

            #[pyfunction]
            fn word_counts<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDict>> {
                let counts = PyDict::new(py);
                for token in text.split_whitespace() {
                    let seen: u64 = counts.get_item(token)?.map_or(Ok(0), |v| v.extract())?;
                    counts.set_item(token, seen + 1)?;   // a new str and int per token
                }
                Ok(counts)
            }
            """,
        UseInstead: """
            use std::collections::HashMap;
            use pyo3::prelude::*;

            // Keep intermediate values in Rust and convert once at the end (constant keys: `intern!(py, "…")`).
            #[pyfunction]
            fn word_counts(text: &str) -> HashMap<&str, u64> {
                let mut counts: HashMap<&str, u64> = HashMap::new();
                for token in text.split_whitespace() {
                    *counts.entry(token).or_insert(0) += 1;
                }
                counts   // PyO3 converts the map once, on return
            }
            """,
        CostOperation: "Small String allocation",
        TechniqueSection: "Keep Python objects out of hot Rust loops");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var valuesByFunction = new Dictionary<FunctionNode, PythonValues>();
        foreach (var call in context.Nodes<CallNode>())
        {
            var loop = call.EnclosingLoops().FirstOrDefault();
            if (loop is null)
            {
                ReportConstantPerCall(context, call);
                continue;
            }

            if (PyO3Api.IsTestCode(call))
            {
                continue;
            }

            var function = call.EnclosingFunction();
            if (function is not null && !valuesByFunction.ContainsKey(function))
            {
                valuesByFunction[function] = PythonValues.Of(function);
            }

            var values = function is null ? PythonValues.Of(null) : valuesByFunction[function];
            if (PyO3Api.CreatesObject(call))
            {
                ReportCreation(context, call, loop, values);
            }
            else if (PyO3Api.IsConvertingMethod(call, out var isLookup, out var needsPythonReceiver))
            {
                ReportImplicitConversion(context, call, loop, values, isLookup, needsPythonReceiver);
            }
        }
    }

    private static void ReportCreation(RuleContext context, CallNode call, LoopNode loop, PythonValues values)
    {
        // `value.into_py(py)` on something that already is a Python object only bumps a reference count.
        if (call.IsMethodCall && call.ReceiverSpan is { } receiver && values.IsAlreadyPython(context.TextOf(receiver)))
        {
            return;
        }

        // One finding per object: a conversion nested in a constructor is part of the outer object.
        var outer = Consumer(call, loop);
        if (call.Ancestors().TakeWhile(a => a != loop).OfType<CallNode>().Any(PyO3Api.CreatesObject))
        {
            return;
        }

        if (SameStringEveryCall(context, call) is { } source)
        {
            ReportSameString(context, call, loop, source);
            return;
        }

        var lookup = outer is not null && PyO3Api.IsConvertingMethod(outer, out var isLookup, out _) && isLookup;
        if (!lookup && IsOutput(context, call, loop, outer))
        {
            if (RoundTripOf(context, call, loop, values) is { } roundTrip)
            {
                context.Report(
                    call,
                    $"`{PyO3Api.Shorten(context.TextOf(call.Span))}` builds a new Python object on every iteration of {PyO3Api.DescribeLoop(loop)} from a value derived from `{roundTrip}`, which already is a Python object",
                    $"when the derived value is `{roundTrip}` itself (an exact `str` key whose text is borrowed, a value passed through unchanged), reuse it — `{roundTrip}.clone()` only bumps a reference count — and convert only the values that change",
                    // Whether the conversion returns the same value depends on the function in between: a pattern, not a proof.
                    Confidence.Low,
                    "Each iteration allocates and copies a Python object equal to one it already holds.",
                    call.Span);
            }

            return;
        }

        var code = PyO3Api.Shorten(context.TextOf(call.Span));
        context.Report(
            call,
            $"`{code}` creates a Python object on every iteration of {PyO3Api.DescribeLoop(loop)}" + (lookup ? " only to look it up" : ", and it is not part of the result"),
            lookup
                ? "look the key up in a Rust map (or convert the key once before the loop); keep intermediate values in Rust"
                : "keep the per-item value in Rust (`Vec`, `HashMap`, a struct) and create Python objects only for what the function returns, once, after the loop",
            // Whether the object ends up in the result is often decided outside the loop (a map built from it, returned):
            // without that evidence a creation is reported at low confidence.
            lookup ? Confidence.High : Confidence.Low,
            "Each iteration allocates and reference-counts a Python object under the GIL.",
            call.Span);
    }

    /// <summary>
    /// The Python-valued loop variable a conversion round-trips: `f(&key, …).into_py_any(py)` or `PyString::new(py, &f(&key))`
    /// in a loop over a Python container, where `key` is the container's item; null otherwise.
    /// </summary>
    private static string? RoundTripOf(RuleContext context, CallNode call, LoopNode loop, PythonValues values)
    {
        if (loop.Target is not { } target || loop.IterableSpan is not { } iterable || !values.RootIsPython(context.TextOf(iterable)))
        {
            return null;
        }

        TextSpan? converted = call.IsMethodCall ? call.ReceiverSpan : call.Callee.EndsWith("PyString::new", StringComparison.Ordinal) && call.Arguments.Count == 2 ? call.Arguments[1].Span : null;
        if (converted is not { } span)
        {
            return null;
        }

        var items = RustCode.PatternNames(target).Where(values.Contains).ToHashSet(StringComparer.Ordinal);
        return call.Descendants<CallNode>()
            .Where(c => span.Contains(c.Span) && !PyO3Api.CreatesObject(c))
            .SelectMany(c => c.Arguments.Select(a => context.TextOf(a.Span).Trim().TrimStart('&').Trim()))
            .FirstOrDefault(items.Contains);
    }

    /// <summary>
    /// A Python string whose text is the same on every call: a literal or constant (<c>PyString::new(py, ROOT_FIELD)</c>), or a
    /// field of an item of a collection the object owns (<c>for p in self.parameters.iter()</c> … <c>PyString::new(py, p.name.as_str())</c>),
    /// fixed when the object was built. Null otherwise, and in a constructor, where building it is the right place.
    /// </summary>
    private static string? SameStringEveryCall(RuleContext context, CallNode call)
    {
        if (call is not { IsMethodCall: false, Arguments.Count: 2 } || !call.Callee.EndsWith("PyString::new", StringComparison.Ordinal)
            || CostlierWork.ConstructorOf(call) is not null || call.EnclosingFunction() is not { } function)
        {
            return null;
        }

        var argument = call.Arguments[1];
        var text = context.TextOf(argument.Span).Trim().TrimStart('&').Trim();
        foreach (var suffix in (string[])[".as_str()", ".as_ref()"])
        {
            text = text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
        }

        if (argument.Shape == ExpressionShape.StringLiteral)
        {
            return "constant";
        }

        var root = RustCode.RootName(text);
        if (root.Length > 1 && root == text && root.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return "constant";
        }

        // `parameter.name`: a field of the loop's item (not the item itself, which could be computed), the loop over `self.…`.
        if (text == root || !function.Parameters.Any(p => p.IsSelf))
        {
            return null;
        }

        var owner = call.Ancestors().OfType<LoopNode>().FirstOrDefault(l => RustCode.LoopVariables(l).Contains(root));
        if (owner?.IterableSpan is not { } iterable)
        {
            return null;
        }

        // `self.parameters.iter().enumerate()` → `self.parameters`: the fields walked, not the adapters on them.
        var walked = context.TextOf(iterable).Trim().TrimStart('&').Trim();
        var end = 0;
        while (end < walked.Length && (char.IsAsciiLetterOrDigit(walked[end]) || walked[end] is '_' or '.'))
        {
            end++;
        }

        var collection = walked[..end];
        collection = end < walked.Length && walked[end] == '(' && collection.LastIndexOf('.') is > 0 and var dot ? collection[..dot] : collection.TrimEnd('.');
        return collection.StartsWith("self.", StringComparison.Ordinal) ? $"`{text}`, a field of each item of `{collection}`" : null;
    }

    /// <summary>
    /// <c>PyString::new(py, ROOT_FIELD)</c> outside any loop: a new Python string on every call, where <c>intern!</c> builds it once.
    /// One allocation per call matters only on a path that runs per call from Python, which the code seldom shows; when the
    /// same file already interns the same text, the code's own idiom says the string is worth interning, and it ranks medium.
    /// </summary>
    private static void ReportConstantPerCall(RuleContext context, CallNode call)
    {
        if (SameStringEveryCall(context, call) is not "constant" || call.EnclosingFunction() is not { } function
            || call.Ancestors().TakeWhile(a => a != function).Any(RustCode.IsErrorPath) || PyO3Api.IsTestCode(call))
        {
            return;
        }

        var text = context.TextOf(call.Arguments[1].Span).Trim().TrimStart('&');
        var interned = context.Nodes<MacroCallNode>().FirstOrDefault(m => m.Name == "intern"
            && context.TextOf(m.ArgumentsSpan).Trim().Trim('(', ')').Split(',').Skip(1).FirstOrDefault()?.Trim() == text);
        context.Report(
            call,
            $"`{PyO3Api.Shorten(context.TextOf(call.Span))}` builds a new Python string on every call of `{function.Name}`"
                + (interned is null ? string.Empty : $", while line {interned.Start.Line} of this file interns the same text"),
            $"use `intern!(py, {text})`: the string is created once and then only reference-counted",
            interned is null ? Confidence.Low : Confidence.Medium,
            "One Python string allocation, copy and free less per call.",
            call.Span);
    }

    private static void ReportSameString(RuleContext context, CallNode call, LoopNode loop, string source)
    {
        var code = PyO3Api.Shorten(context.TextOf(call.Span));
        var constant = source == "constant";
        context.Report(
            call,
            constant
                ? $"`{code}` builds the same Python string on every iteration of {PyO3Api.DescribeLoop(loop)}"
                : $"`{code}` builds a new Python string on every iteration of {PyO3Api.DescribeLoop(loop)} from {source}, which is fixed once the object is built: the same strings again on every call",
            constant
                ? $"use `intern!(py, {context.TextOf(call.Arguments[1].Span).Trim().TrimStart('&')})`: the string is created once and then only reference-counted"
                : "build each `Py<PyString>` once when the object is built (a `name_py: Py<PyString>` field beside the Rust name) and use `name_py.bind(py).clone()` per pass: a reference-count increment instead of an allocation, a UTF-8 copy and a hash",
            Confidence.Medium,
            "Each iteration allocates a Python string under the GIL that an object built once would replace.",
            call.Span);
    }

    /// <summary>
    /// True when the created object is (part of) what the loop builds for Python: stored into a
    /// Python container, collected by the iterator chain, or bound to a name that is stored later in
    /// the loop. Those objects are the product, not intermediate values.
    /// </summary>
    private static bool IsOutput(RuleContext context, CallNode call, LoopNode loop, CallNode? outer)
    {
        if (outer is not null && PyO3Api.IsConvertingMethod(outer, out _, out _))
        {
            return true;
        }

        if (loop.LoopKind == LoopKind.IteratorClosure && loop.Adapter is "map" or "filter_map" or "flat_map" && outer is null)
        {
            return true;
        }

        // `names.push(PyString::new(py, s).unbind())`: kept in a collection the function builds.
        if (outer is { IsMethodCall: true, Name: "push" or "extend" or "insert" or "push_back" } && outer.Arguments.Any(a => a.Span.Contains(call.Span)))
        {
            return true;
        }

        if (Chained(call).Parent is AssignmentNode assignment && assignment.Targets.Count == 1)
        {
            var name = assignment.Targets[0];
            return loop.Descendants<CallNode>().Any(c => c != call && c.Span.Start > call.Span.Start && c.IsMethodCall
                && (PyO3Api.IsConvertingMethod(c, out var isLookup, out _) && !isLookup || c.Name is "push" or "extend" or "insert")
                && c.Arguments.Any(a => context.TextOf(a.Span).Trim().TrimStart('&') == name));
        }

        return false;
    }

    private static void ReportImplicitConversion(RuleContext context, CallNode call, LoopNode loop, PythonValues values, bool isLookup, bool needsPythonReceiver)
    {
        if (call.ReceiverSpan is not { } receiver)
        {
            return;
        }

        var receiverText = context.TextOf(receiver);
        var receiverIsPython = values.RootIsPython(receiverText) || receiverText.EndsWith(".bind(py)", StringComparison.Ordinal);
        // Only a receiver the function shows to be a Python object (a parameter typed `Bound<PyDict>`, a Python constructor's
        // binding, a loop over one): a project's own `get_item` or `set_item` on a Rust type converts nothing.
        if (!receiverIsPython)
        {
            return;
        }

        // An argument that itself creates the object is reported on its own; one finding per object.
        if (call.Descendants<CallNode>().Any(PyO3Api.CreatesObject))
        {
            return;
        }

        var converted = call.Arguments.Where(a => !values.IsAlreadyPython(context.TextOf(a.Span)) && !IsIndex(context, loop, a) && IsShownRustValue(context, call, a)).ToList();
        var literals = converted.Where(a => a.Shape == ExpressionShape.StringLiteral).ToList();

        // Storing per-item values is how a result gets built; what is avoidable there is a constant
        // key created again on every pass, or a Python container used as a scratch accumulator.
        var accumulator = !isLookup && IsReadInLoop(context, loop, receiverText);
        if (converted.Count == 0 || (!isLookup && !accumulator && literals.Count == 0))
        {
            return;
        }

        var code = PyO3Api.Shorten($"{receiverText}.{call.Name}({string.Join(", ", call.Arguments.Select(a => context.TextOf(a.Span).Trim()))})");
        var shown = isLookup || accumulator ? converted : literals;
        var what = string.Join(", ", shown.Select(a => $"`{PyO3Api.Shorten(context.TextOf(a.Span).Trim(), 30)}`"));
        var reason = isLookup ? " only to look them up" : accumulator ? $", using the Python object `{receiverText}` as a scratch accumulator" : " although it is the same every time";
        context.Report(
            call,
            $"`{code}` converts {what} into new Python object{(shown.Count > 1 ? "s" : "")} on every iteration of {PyO3Api.DescribeLoop(loop)}{reason}",
            !isLookup && !accumulator
                ? $"create the constant key once — `intern!(py, {context.TextOf(literals[0].Span).Trim()})` — outside the loop"
                : isLookup
                    ? "keep the lookup table in a Rust `HashMap` while looping and convert once at the end"
                    : "accumulate in a Rust `HashMap`/`Vec` inside the loop and convert the whole result once after it (detached for the loop)",
            isLookup || accumulator ? Confidence.High : Confidence.Medium,
            "Each iteration allocates and reference-counts Python objects for its arguments under the GIL.",
            call.Span,
            shown.Count);
    }

    /// <summary>
    /// An integer index (`tuple.get_item(0)`, the counter of an `.enumerate()` loop): PyO3's tuple and list `get_item` take a
    /// `usize` and create nothing.
    /// </summary>
    private static bool IsIndex(RuleContext context, LoopNode loop, Argument argument)
    {
        if (argument.Shape == ExpressionShape.NumberLiteral)
        {
            return true;
        }

        var name = context.TextOf(argument.Span).Trim();
        return loop.Ancestors().Prepend(loop).OfType<LoopNode>().Any(l => l is { Target: { } target, IterableSpan: { } iterable }
            && context.TextOf(iterable).TrimEnd().EndsWith(".enumerate()", StringComparison.Ordinal)
            && target.TrimStart('(').Split(',')[0].Trim() == name);
    }

    /// <summary>
    /// An argument the code shows to be a Rust value that PyO3 must convert: a string literal, a `format!`, a `to_string()`,
    /// or a parameter declared `&str`/`String`. Anything else (a struct field, a key from some iterator) may already be a
    /// Python object, and then nothing is created: the rule stays silent rather than guess.
    /// </summary>
    private static bool IsShownRustValue(RuleContext context, CallNode call, Argument argument)
    {
        if (argument.Shape is ExpressionShape.StringLiteral)
        {
            return true;
        }

        var text = context.TextOf(argument.Span).Trim().TrimStart('&').Trim();
        if (text.StartsWith("format!", StringComparison.Ordinal) || text.EndsWith(".to_string()", StringComparison.Ordinal) || text.EndsWith(".to_owned()", StringComparison.Ordinal)
            || text.EndsWith(".as_str()", StringComparison.Ordinal))
        {
            return true;
        }

        if (call.EnclosingFunction() is not { } function)
        {
            return false;
        }

        if (function.Parameters.Any(p => p.Name == text && p.Type is { } type && IsRustString(type)))
        {
            return true;
        }

        // A loop variable over a Rust value the function declares (`for token in text.split_whitespace()`, `text: &str`).
        return call.Ancestors().OfType<LoopNode>().Any(l => l is { Target: { } target, IterableSpan: { } iterable }
            && target.Trim('(', ')', ' ').Split(',').Any(t => t.Trim().TrimStart('&') == text)
            && function.Parameters.Any(p => p.Type is { } type && !PythonValues.IsPythonType(type) && !p.IsSelf
                && RustCode.RootName(context.TextOf(iterable).TrimStart('&', ' ')) == p.Name));
    }

    // `&str`, `&'a str`, `String`, `&String`.
    private static bool IsRustString(string type)
    {
        var t = type.Replace(" ", "", StringComparison.Ordinal).TrimStart('&');
        if (t.StartsWith('\''))
        {
            var end = 1;
            while (end < t.Length && (char.IsAsciiLetterOrDigit(t[end]) || t[end] == '_'))
            {
                end++;
            }

            t = t[end..];
        }

        return t is "str" or "String";
    }

    private static SyntaxNode Chained(CallNode call)
    {
        SyntaxNode current = call;
        while (current.Parent is CallNode chained && chained.ReceiverCall == current)
        {
            current = chained;
        }

        return current;
    }

    /// <summary>The call that receives the object as an argument, past methods chained on it (`PyString::new(py, s).into_any()`).</summary>
    private static CallNode? Consumer(CallNode call, LoopNode loop)
    {
        return Chained(call).Ancestors().TakeWhile(a => a != loop).OfType<CallNode>().FirstOrDefault();
    }

    private static bool IsReadInLoop(RuleContext context, LoopNode loop, string receiver) =>
        loop.Descendants<CallNode>().Any(c => c.IsMethodCall && c.Name is "get_item" or "contains" && c.ReceiverSpan is { } r && context.TextOf(r) == receiver);
}
