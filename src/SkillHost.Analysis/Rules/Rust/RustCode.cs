using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>Questions the Rust rules share: is this code hot, is it test code, is it a library, where was a name bound.</summary>
internal static class RustCode
{
    /// <summary>Calls whose closure runs on another thread or task: the loop around the call counts tasks, not iterations of the closure's body.</summary>
    private static readonly HashSet<string> SpawnLikeCalls = new(StringComparer.Ordinal) { "spawn", "spawn_blocking", "spawn_local", "scope", "spawn_scoped" };

    /// <summary>Calls that reach the file system, the network or a timer whatever their receiver.</summary>
    internal static readonly HashSet<string> FileSystemNetworkOrTimerNames = new(StringComparer.Ordinal)
    {
        "read_exact", "read_to_end", "read_to_string", "read_line", "metadata", "symlink_metadata", "read_dir", "remove_file",
        "create_dir", "create_dir_all", "connect", "accept", "sleep",
    };

    // Writes, flushes and channel operations: I/O on a file or socket, but their receivers are as often a Vec or a channel.
    private static readonly HashSet<string> MaybeIoNames = new(StringComparer.Ordinal) { "write_all", "write_fmt", "flush", "send", "recv" };

    /// <summary>True for a call that plausibly reads or writes files, sockets or the terminal (by its name or a `fs::`/`File::` path).</summary>
    public static bool IsIoCall(CallNode call) =>
        FileSystemNetworkOrTimerNames.Contains(call.Name) || MaybeIoNames.Contains(call.Name) || call.Callee.StartsWith("fs::", StringComparison.Ordinal) || call.Callee.StartsWith("File::", StringComparison.Ordinal)
        || call.Callee.StartsWith("std::fs::", StringComparison.Ordinal);

    /// <summary>
    /// The loops that repeat <paramref name="node"/>, innermost first, up to the enclosing function or to
    /// a closure handed to a spawn: code inside a spawned closure runs once per task, not once per iteration
    /// of a loop around the spawn.
    /// </summary>
    public static List<LoopNode> HotLoops(this SyntaxNode node)
    {
        var loops = new List<LoopNode>();
        for (var ancestor = node.Parent; ancestor is not null and not FunctionNode; ancestor = ancestor.Parent)
        {
            if (ancestor is ClosureNode { Parent: CallNode call } && SpawnLikeCalls.Contains(call.Name))
            {
                break;
            }

            if (ancestor is LoopNode loop && loop.RunsPerIteration(node))
            {
                loops.Add(loop);
            }
        }

        // An error value, a panic or a `return`/`break` expression runs once, on the way out: not per iteration.
        return loops.Count > 0 && RunsAtMostOnce(node, loops[0]) ? [] : loops;
    }

    /// <summary>
    /// A loop whose trip count the code fixes: over a constant or static (`FLAGS.iter()`, `&crate::x::NAMES`), an array
    /// written out (`[a, b, c]`), or a range whose bounds are literals or constants (`0..=255u8`, `0..LANES`). Such a loop
    /// repeats a known handful of times, not N: it adds no level of repetition to an estimate.
    /// </summary>
    public static bool IsFixedSizeLoop(LoopNode loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (loop.LoopKind != LoopKind.For || loop.IterableSpan is not { } span)
        {
            return false;
        }

        var text = StripAdapters(loop.Tree.Source.ToString(span));
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return true;
        }

        var range = text.Trim('(', ')');
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0)
        {
            var high = range[(dots + 2)..].TrimStart('=');
            return IsConstantBound(range[..dots]) && IsConstantBound(high);
        }

        // `ErrorType::iter()` (strum's EnumIter and the like): the variants of an enum, a count fixed at compile time.
        if (text.EndsWith("::iter()", StringComparison.Ordinal) && text[..^"::iter()".Length] is { Length: > 0 } type && char.IsAsciiLetterUpper(type[0])
            && type.All(char.IsAsciiLetterOrDigit))
        {
            return true;
        }

        return IsConstantName(text);
    }

    /// <summary>The number of elements of an array written out as the loop's iterable (<c>[a, b, c]</c>, <c>&amp;[1, 2]</c>, with <c>.iter()</c>), or null.</summary>
    public static int? WrittenOutLength(string iterable)
    {
        ArgumentNullException.ThrowIfNull(iterable);
        var text = StripAdapters(iterable);
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            return null;
        }

        var (depth, items, quote, content) = (0, 0, '\0', false);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ';' when depth == 0:
                    return null; // `[0; N]`: a repeat expression, its length another expression
                case ',' when depth == 0:
                    items++;
                    content = false;
                    continue;
                default:
                    break;
            }

            content |= !char.IsWhiteSpace(c);
        }

        return items + (content ? 1 : 0);
    }

    /// <summary>The value of a <c>const NAME: T = literal;</c> (or <c>static</c>) item of the file, for a loop bound written as that name; null otherwise.</summary>
    public static long? IntegerConstant(SyntaxTree tree, string name)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (!IsConstantName(name) || name.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        return ConstantsCache.GetValue(tree, ReadConstants).TryGetValue(name, out var value) ? value : null;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, Dictionary<string, long>> ConstantsCache = [];

    private static readonly System.Text.RegularExpressions.Regex ConstantItem = new(
        @"\b(?:const|static)\s+([A-Z][A-Z0-9_]*)\s*:\s*[a-z0-9]+\s*=\s*([0-9][0-9_]*)(?:[iu](?:8|16|32|64|128|size))?\s*;",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // One scan per file; a name defined twice (in two modules of one file) is no constant the loop can be sure of.
    private static Dictionary<string, long> ReadConstants(SyntaxTree tree)
    {
        var constants = new Dictionary<string, long>(StringComparer.Ordinal);
        var twice = new HashSet<string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in ConstantItem.Matches(tree.Source.Text))
        {
            var name = match.Groups[1].Value;
            if (HotPathAnalysis.IntegerLiteral(match.Groups[2].Value) is { } value && constants.TryAdd(name, value) is false)
            {
                twice.Add(name);
            }
        }

        foreach (var name in twice)
        {
            constants.Remove(name);
        }

        return constants;
    }

    private static string StripAdapters(string iterable)
    {
        var text = iterable.Trim();
        string[] adapters = [".iter()", ".into_iter()", ".enumerate()", ".copied()", ".cloned()", ".rev()"];
        while (adapters.FirstOrDefault(a => text.EndsWith(a, StringComparison.Ordinal)) is { } adapter)
        {
            text = text[..^adapter.Length].TrimEnd();
        }

        return text.TrimStart('&').Trim();
    }

    private static bool IsConstantBound(string text)
    {
        var bound = text.Trim();
        return bound.Length > 0 && (char.IsAsciiDigit(bound[0]) && bound.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || IsConstantName(bound));
    }

    // `NAMES`, `crate::flags::FLAGS`, `Self::TABLE`: a path whose last segment is SCREAMING_SNAKE_CASE.
    private static bool IsConstantName(string text)
    {
        var last = text[(text.LastIndexOf("::", StringComparison.Ordinal) is var i and >= 0 ? i + 2 : 0)..];
        return last.Length > 1 && char.IsAsciiLetterUpper(last[0]) && last.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_')
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');
    }

    /// <summary>
    /// Code on a path that leaves its loop or the function: an error value (`Err(…)`, a `map_err`/`ok_or_else`/`unwrap_or_else`
    /// closure), a panic-like macro (`panic!`, `unreachable!`, `bail!`, `anyhow!`, an `assert!` message), or an expression after
    /// `return` or `break`. It runs at most once per call, however many passes the loop makes, so it is no per-iteration cost.
    /// </summary>
    public static bool RunsAtMostOnce(SyntaxNode node, LoopNode loop)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(loop);
        if (node.Ancestors().TakeWhile(a => a != loop).Any(IsErrorPath))
        {
            return true;
        }

        // `return expr` / `break expr`: walk back over the statement the node sits in, leaving the parentheses and brackets
        // it is nested in (`return Some(format!(…))`) but not a block.
        var tokens = RustTokens.Of(node.Tree);
        var at = tokens.IndexAt(node.Span.Start);
        var budget = 512;
        while (budget > 0)
        {
            var open = tokens.EnclosingOpen(at);
            var j = at - 1;
            for (; j > open && budget-- > 0; j--)
            {
                if (tokens.EnclosingOpen(j) != open)
                {
                    continue;
                }

                switch (tokens.Kind(j))
                {
                    case RustTokenKind.Return or RustTokenKind.Break:
                        return true;
                    case RustTokenKind.Semicolon or RustTokenKind.FatArrow or RustTokenKind.CloseBrace:
                        return false;
                    default:
                        break;
                }
            }

            if (j != open || open < 0 || tokens.Kind(open) == RustTokenKind.OpenBrace)
            {
                return false;
            }

            at = open;
        }

        return false;
    }

    /// <summary>
    /// The loop waits on every pass (a sleep, a blocking receive, an accept, a condition variable): a polling or worker loop,
    /// whose passes are paced by the wait, so per-pass overheads (a lock, a GIL acquire) are not what limits it.
    /// </summary>
    /// <param name="except">A call whose own arguments are not counted (the acquire being judged).</param>
    public static bool WaitsEachPass(LoopNode loop, SyntaxNode? except = null)
    {
        ArgumentNullException.ThrowIfNull(loop);
        return loop.Descendants<CallNode>().Any(c => !(except is not null && except.Span.Contains(c.Span))
            && c.Name is "recv" or "recv_timeout" or "blocking_recv" or "blocking_send" or "accept" or "read_line" or "wait" or "wait_timeout" or "sleep" or "next_event" or "poll");
    }

    /// <summary>In a loop, or in a function that the reviewed code calls from a loop.</summary>
    public static bool IsHot(this SyntaxNode node, RuleContext context) =>
        node.HotLoops().Count > 0 || node.EnclosingFunction() is { } function && context.Project.IsCalledInLoop(function.Name);

    /// <summary>
    /// Test and benchmark code: a <c>#[test]</c>/<c>#[bench]</c> function, a <c>#[cfg(test)]</c> module, a
    /// <c>tests.rs</c>/<c>benches.rs</c> file. Rules skip it: it is
    /// not a production hot path, and what is slow there costs CI seconds, not users.
    /// </summary>
    public static bool IsTestCode(this SyntaxNode node)
    {
        if (IsTestFile(node.Tree.Source.Path))
        {
            return true;
        }

        foreach (var ancestor in node.Ancestors().Prepend(node))
        {
            switch (ancestor)
            {
                case FunctionNode function when function.Attributes.Any(a => a.Name is "test" or "bench" || a.Name.EndsWith("::test", StringComparison.Ordinal)):
                    return true;
                case ModuleNode module when module.Attributes.Any(IsCfgTest):
                    return true;
                case ModuleNode { Name: null } file when file.Attributes.Any(a => a.IsInner && IsCfgTest(a)):
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>A file of a library crate: <c>lib.rs</c>, or a file outside <c>src/bin</c>/examples that defines no <c>fn main</c>.</summary>
    public static bool IsLibraryFile(SyntaxTree tree)
    {
        var path = (tree.Source.Path ?? "").Replace('\\', '/');
        var fileName = Path.GetFileName(path);
        if (fileName == "lib.rs")
        {
            return true;
        }

        if (fileName is "main.rs" or "build.rs" || path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/examples/", StringComparison.Ordinal))
        {
            return false;
        }

        return !NodesByType.Of<FunctionNode>(tree).Any(f => f.Name == "main" && f.Parent is ModuleNode { Name: null });
    }

    /// <summary>The nearest <c>let</c> of <paramref name="name"/> before <paramref name="at"/> in its function, or null.</summary>
    public static AssignmentNode? FindLet(this SyntaxNode at, string name)
    {
        AssignmentNode? best = null;
        foreach (var binding in BindingIndex.Find(at, name))
        {
            if (binding.Assignment is { Operator: "let" } let && let.Span.End <= at.Span.Start && (best is null || let.Span.Start > best.Span.Start))
            {
                best = let;
            }
        }

        return best;
    }

    /// <summary>The parameter <paramref name="name"/> of the function around <paramref name="at"/>, or null.</summary>
    public static Parameter? FindParameter(this SyntaxNode at, string name) =>
        at.EnclosingFunction()?.Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>The names a loop binds per iteration: the for pattern's names, or an iterator closure's parameters.</summary>
    public static List<string> LoopVariables(LoopNode loop)
    {
        var names = new List<string>();
        if (loop.LoopKind == LoopKind.IteratorClosure)
        {
            foreach (var closure in loop.Children.OfType<ClosureNode>())
            {
                foreach (var parameter in closure.Parameters)
                {
                    names.AddRange(PatternNames(parameter.Name));
                }
            }
        }
        else if (loop.Target is { } target)
        {
            names.AddRange(PatternNames(target));
        }

        return names;
    }

    /// <summary>The identifiers a pattern binds: "(i, item)" → i, item; "&amp;&amp;x" → x; "Some(v)" → v.</summary>
    public static IEnumerable<string> PatternNames(string pattern)
    {
        var parts = pattern.Split([',', '(', ')', '[', ']', ' ', '&', '|', '{', '}', ':'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part is "mut" or "ref" or "_" or ".." || char.IsUpper(part[0]) || !char.IsLetter(part[0]) && part[0] != '_')
            {
                continue;
            }

            yield return part;
        }
    }

    /// <summary>The first identifier of an expression: "self" for "self.items", "xs" for "xs.iter()".</summary>
    public static string RootName(string expression)
    {
        var text = expression.TrimStart('&', '*', ' ').Replace("mut ", "", StringComparison.Ordinal);
        var end = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text[..end];
    }

    /// <summary>True for a plain name or a field path without calls or indexing: "x", "self.items", "parcel.recipient".</summary>
    public static bool IsPlace(string expression) =>
        expression.Length > 0 && expression.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') && !expression.StartsWith('.') && !char.IsDigit(expression[0]);

    /// <summary>One line, at most 40 characters, for messages.</summary>
    public static string Short(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return oneLine.Length > 40 ? oneLine[..37] + "…" : oneLine;
    }

    // An error value, an error-mapping closure or a panic-like macro: the code runs only when the call fails.
    internal static bool IsErrorPath(SyntaxNode node) => node is CallNode { IsMethodCall: false, Name: "Err" }
        or ClosureNode { Parent: CallNode { Name: "map_err" or "ok_or_else" or "unwrap_or_else" or "or_else" or "with_context" or "context" or "unwrap_or_else_with" } }
        or MacroCallNode { Name: "panic" or "unreachable" or "todo" or "unimplemented" or "bail" or "anyhow" or "ensure" or "assert" or "assert_eq" or "assert_ne" or "debug_assert" };

    /// <summary>
    /// The loop that calls the function around <paramref name="node"/> once per item (resolved to this very function, in
    /// production code: <see cref="ProjectIndex.LoopCallerOf"/>), when the node runs on every call: not inside a closure (a
    /// callback or deferred work; iterator closures are loops of their own) and not on an error path. Null otherwise. Rules
    /// that look for work repeated per pass treat such a function's body as a loop body.
    /// </summary>
    public static CallNode? PerItemCaller(this SyntaxNode node, ProjectIndex project)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(project);
        if (node.EnclosingFunction() is not { } function || node.IsTestCode()
            || node.Ancestors().TakeWhile(a => a != function).Any(a => a is ClosureNode or LoopNode || IsErrorPath(a)))
        {
            return null;
        }

        // Per item: a `for` or an iterator closure over data, not a retry or wait loop (`loop { … wait … }`) and not a
        // loop over a handful of constants (`for sig in &[SIGSEGV, SIGBUS]`).
        return project.LoopCallerOf(function) is { } caller && caller.EnclosingLoops().FirstOrDefault() is { LoopKind: LoopKind.For or LoopKind.IteratorClosure } loop
            && !IsFixedSizeLoop(loop) && !WaitsEachPass(loop)
            ? caller
            : null;
    }

    /// <summary>How a per-item function repeats, for a message: "every call of `f` (called once per item from a loop at path:line)".</summary>
    public static string DescribePerItem(SyntaxNode node, CallNode caller) =>
        $"every call of `{node.EnclosingFunction()!.Name}` (called once per item from a loop at {ProjectIndex.Place(caller)})";

    /// <summary>How the loop reads in a message: "`for inv in invoices`", "the closure of `.map(…)`".</summary>
    public static string Describe(LoopNode loop) => loop.LoopKind switch
    {
        LoopKind.For when loop.Target is not null && loop.IterableSpan is { } it => $"`for {loop.Target} in {Short(loop.Tree.Source.ToString(it))}`",
        LoopKind.IteratorClosure => $"the closure of `.{loop.Adapter}(…)`",
        LoopKind.While => "a `while` loop",
        LoopKind.Loop => "a `loop`",
        _ => "a loop",
    };

    private static bool IsCfgTest(AttributeInfo attribute) =>
        attribute.Name == "cfg" && attribute.Arguments is { } args && args.Replace(" ", "", StringComparison.Ordinal) is "test" or "all(test)" || attribute.Name == "cfg" && attribute.Arguments?.StartsWith("all(test,", StringComparison.Ordinal) == true;

    private static bool IsTestFile(string? path)
    {
        if (path is null)
        {
            return false;
        }

        // Only file names: a `tests/` folder also holds fixtures and helpers, and its test functions carry `#[test]` anyway.
        var fileName = Path.GetFileName(path.Replace('\\', '/'));
        return fileName is "tests.rs" or "benches.rs";
    }
}
