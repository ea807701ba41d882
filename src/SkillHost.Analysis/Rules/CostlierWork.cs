using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// Control-flow facts about the pass a finding repeats in: the work that pass already does and that dwarfs a constant-factor
/// saving (a file-system call, a process start, a terminal write, a network call), and the constructor a loop belongs to.
/// The skill's step 4 pulls the biggest lever first: a 50 ns allocation saved beside a 10 µs <c>stat</c> in the same pass is
/// not worth a change (calibration: ripgrep's lock per ancestor directory next to a <c>.exists()</c> per directory, a JSON
/// encoding beside a process start in watchfiles, a decode beside a terminal print in tiktoken's teaching module).
/// </summary>
internal static class CostlierWork
{
    // Zero-argument Path methods that ask the file system (`Path::exists` is a `stat`).
    private static readonly HashSet<string> RustPathQueries = new(StringComparer.Ordinal) { "exists", "try_exists", "canonicalize", "read_link" };

    private static readonly HashSet<string> RustTerminalMacros = new(StringComparer.Ordinal) { "print", "println", "eprint", "eprintln" };

    private static readonly HashSet<string> PythonFileReads = new(StringComparer.Ordinal) { "read", "readline", "readlines", "write", "writelines" };

    private static readonly HashSet<string> PythonTerminalBuiltins = new(StringComparer.Ordinal) { "print", "input", "open" };

    /// <summary>
    /// The I/O call that runs in the same pass as <paramref name="node"/> (the same iteration of its innermost loop, or the same
    /// call of its function when no loop in the function repeats it), described for a reader with its line; null when there is
    /// none. Calls on an error or exit path (they run once, not per pass) and calls inside nested functions do not count.
    /// </summary>
    public static string? IoInSamePass(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var function = node.EnclosingFunction();
        var loop = node.Ancestors().TakeWhile(a => a != function).OfType<LoopNode>().FirstOrDefault(l => l.RunsPerIteration(node));
        SyntaxNode? scope = loop ?? (SyntaxNode?)function;
        if (scope is null)
        {
            return null;
        }

        // A finding about I/O itself (a whole file read into a list) is not dwarfed by the I/O it is about.
        var python = node.Tree.Language == SourceLanguage.Python;
        if (node is CallNode own && (python ? IsPythonIo(own) || PythonFileReads.Contains(own.Name) : IsRustIo(own)))
        {
            return null;
        }

        foreach (var candidate in scope.Descendants())
        {
            if (candidate.Span.OverlapsWith(node.Span) || candidate.EnclosingFunction() != function
                || (loop is not null && (!loop.RunsPerIteration(candidate) || RunsOncePerPass(candidate, loop, python))))
            {
                continue;
            }

            var io = candidate switch
            {
                CallNode call when python => IsPythonIo(call),
                CallNode call => IsRustIo(call),
                MacroCallNode macro when !python => RustTerminalMacros.Contains(macro.Name) && macro.Path == macro.Name,
                _ => false,
            };
            if (io)
            {
                return $"`{Shorten(node.Tree.Source.ToString(candidate.Span))}` (line {candidate.Start.Line})";
            }
        }

        return null;
    }

    /// <summary>
    /// The constructor that holds <paramref name="node"/>: a Python <c>__init__</c>/<c>__new__</c>/<c>__post_init__</c>/
    /// <c>__init_subclass__</c>/<c>__set_name__</c>, or a Rust associated function without <c>self</c> named <c>new</c> or
    /// <c>build</c>, or <c>Default::default</c>; described as "`Type::build`"; null elsewhere. Its loops walk the configuration
    /// the object is built from, once per construction.
    /// </summary>
    public static string? ConstructorOf(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.EnclosingFunction() is not { IsMethod: true } function)
        {
            return null;
        }

        var python = node.Tree.Language == SourceLanguage.Python;
        var constructs = python
            ? function.Name is "__init__" or "__new__" or "__post_init__" or "__init_subclass__" or "__set_name__"
            : function.Name is "new" or "build" or "default" && !function.Parameters.Any(p => p.IsSelf);
        if (!constructs)
        {
            return null;
        }

        var owner = function.Ancestors().Select(a => a switch
        {
            ImplNode impl => CallTargets.BareType(impl.SelfType),
            TypeDeclNode type => type.Name,
            _ => null,
        }).FirstOrDefault(n => n is not null);
        return $"`{(owner is null ? function.Name : owner + (python ? "." : "::") + function.Name)}`";
    }

    private static bool RunsOncePerPass(SyntaxNode node, LoopNode loop, bool python) =>
        python ? PythonCode.LeavesLoop(node, loop) : RustCode.RunsAtMostOnce(node, loop);

    private static bool IsPythonIo(CallNode call) =>
        (!call.IsMethodCall && PythonTerminalBuiltins.Contains(call.Callee) && PythonCode.NearestBindings(call, call.Callee).Count == 0)
        || BlockingCallInAsyncFunction.Blocks(call);

    private static bool IsRustIo(CallNode call) =>
        // Channel sends, `write_all` and `flush` are left out on purpose: their receivers are as often a Vec or a channel as a file.
        Rust.RustCode.FileSystemNetworkOrTimerNames.Contains(call.Name)
        || (call.IsMethodCall && call.Arguments.Count == 0 && RustPathQueries.Contains(call.Name))
        || call.Callee.StartsWith("fs::", StringComparison.Ordinal) || call.Callee.StartsWith("std::fs::", StringComparison.Ordinal)
        || call.Callee.StartsWith("File::", StringComparison.Ordinal) || call.Callee is "Command::new" or "std::process::Command::new" or "process::Command::new";

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return flat.Length <= 60 ? flat : flat[..57] + "…";
    }
}
