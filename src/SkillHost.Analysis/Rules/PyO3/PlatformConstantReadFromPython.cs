using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>
/// PYO006: Rust that imports <c>sys</c> and reads a platform constant (<c>sys.byteorder</c>, <c>sys.maxsize</c>) on every
/// call, when the compiler already knows the value (<c>cfg!(target_endian = "big")</c>, <c>isize::MAX</c>).
/// </summary>
public sealed class PlatformConstantReadFromPython : Rule
{
    public static RuleDescriptor Info { get; } = new(
        Id: "PYO006",
        Slug: "pyo3/pyobject-in-loop",
        Name: nameof(PlatformConstantReadFromPython),
        Language: SourceLanguage.Rust,
        WhatItDoes: "Finds `PyModule::import(py, \"sys\")` / `py.import(\"sys\")` followed by `getattr(\"byteorder\")` or `getattr(\"maxsize\")` outside a one-time initialiser (`PyOnceLock`/`GILOnceCell::get_or_init`): a value of the platform the extension was compiled for, read back from Python at run time. Reported with medium confidence in a loop, in a `#[pyfunction]` or `#[pymethods]` method (Python calls it per item: per tensor, per request), or in a function such a method of the same file calls.",
        WhyBad: "Each call looks the module up, reads the attribute into a new Python object and usually extracts it into a new Rust `String`, about a microsecond per call for a value that cannot change: Rust's extension is built for one target, whose byte order and pointer width are compile-time constants.",
        Example: """
            #[pymethods]
            impl Reader {
                fn get(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
                    let array = self.load(py, name)?;
                    let sys = PyModule::import(py, "sys")?;
                    let byteorder: String = sys.getattr("byteorder")?.extract()?;
                    if byteorder == "big" {
                        return array.call_method0(py, "byteswap");
                    }
                    Ok(array)
                }
            }
            """,
        UseInstead: """
            #[pymethods]
            impl Reader {
                fn get(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
                    let array = self.load(py, name)?;
                    if cfg!(target_endian = "big") {
                        return array.call_method0(py, "byteswap");
                    }
                    Ok(array)
                }
            }
            """,
        CostOperation: "getattr on an object");

    // The sys attributes whose value is fixed by the compilation target, with the Rust spelling of that value.
    private static readonly Dictionary<string, string> CompileTimeValues = new(StringComparer.Ordinal)
    {
        ["byteorder"] = "`cfg!(target_endian = \"big\")` (or `\"little\"`)",
        ["maxsize"] = "`isize::MAX`",
    };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var call in context.Nodes<CallNode>())
        {
            if (call is not { IsMethodCall: true, Name: "getattr", Arguments.Count: >= 1 } || Attribute(context, call.Arguments[^1]) is not { } attribute
                || !ReadsSys(context, call) || PyO3Api.IsTestCode(call) || InsideOneTimeInit(call))
            {
                continue;
            }

            var (confidence, where) = Repetition(context, call);
            context.Report(
                call,
                $"`sys` is imported and `sys.{attribute}` read from Python {where}, though its value is fixed when the extension is compiled",
                $"use the compile-time value instead — {CompileTimeValues[attribute]} — and drop the `sys` import and the extraction",
                confidence,
                "Saves a module lookup, an attribute read and the Python object (and, when extracted, a `String`) per call: about a microsecond, for a value that never changes.",
                call.Span);
        }
    }

    // The attribute name of `getattr("byteorder")` / `getattr(intern!(py, "byteorder"))`, when it is one with a compile-time value.
    private static string? Attribute(RuleContext context, Argument argument)
    {
        var text = context.TextOf(argument.Span);
        return CompileTimeValues.Keys.FirstOrDefault(name => text.Contains($"\"{name}\"", StringComparison.Ordinal));
    }

    // `PyModule::import(py, "sys")?.getattr(…)`, or `sys.getattr(…)` where `let sys = …import(…"sys")…;`.
    private static bool ReadsSys(RuleContext context, CallNode getattr)
    {
        if (getattr.ReceiverCall is { } receiver)
        {
            return IsSysImport(context, receiver);
        }

        if (getattr.ReceiverSpan is not { } span || context.TextOf(span).Trim() is not { Length: > 0 } name || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            return false;
        }

        return getattr.FindLet(name) is { ValueSpan: { } value } let
            && let.Descendants<CallNode>().Any(c => value.Contains(c.Span) && IsSysImport(context, c));
    }

    private static bool IsSysImport(RuleContext context, CallNode call) =>
        call.Name == "import" && call.Arguments.Any(a => context.TextOf(a.Span).Contains("\"sys\"", StringComparison.Ordinal));

    // Inside `CELL.get_or_init(py, || …)`: read once per process, as it should be.
    private static bool InsideOneTimeInit(CallNode call) =>
        call.Ancestors().TakeWhile(a => a is not FunctionNode).OfType<CallNode>().Any(c => c.Name.StartsWith("get_or_init", StringComparison.Ordinal)
            || c.Name.StartsWith("get_or_try_init", StringComparison.Ordinal) || c.Name is "call_once");

    private static (Confidence, string) Repetition(RuleContext context, CallNode call)
    {
        if (call.EnclosingLoops().FirstOrDefault() is { } loop)
        {
            return (Confidence.Medium, $"on every iteration of {PyO3Api.DescribeLoop(loop)}");
        }

        if (call.EnclosingFunction() is not { } function)
        {
            return (Confidence.Low, "each time this code runs");
        }

        return PerItem(context, function, 2) is { } why ? (Confidence.Medium, $"on every call of {why}") : (Confidence.Low, $"on every call of `{function.Name}`");
    }

    // Why a function runs per item: Python calls it (a #[pyfunction] or #[pymethods] method), a loop calls it, or a function
    // that runs per item calls it (followed `depth` callers up, within the file). Null when none is known.
    private static string? PerItem(RuleContext context, FunctionNode function, int depth)
    {
        if (PyO3Api.IsExposedToPython(function))
        {
            return PyO3Api.Describe(function);
        }

        if (context.Project.LoopCallerOf(function) is { } loopCaller)
        {
            return $"`{function.Name}` (called from a loop at {ProjectIndex.Place(loopCaller)})";
        }

        if (depth == 0)
        {
            return null;
        }

        foreach (var caller in context.Nodes<CallNode>().Where(c => c.Name == function.Name && c.IsMethodCall == function.IsMethod))
        {
            if (caller.EnclosingFunction() is { } outer && outer != function && PerItem(context, outer, depth - 1) is { } why)
            {
                return $"`{function.Name}` (called at line {caller.Start.Line} by {why})";
            }
        }

        return null;
    }
}
