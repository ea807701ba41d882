using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>
/// Token-level questions the Python rules ask beyond the structural model (how a name is used, what
/// precedes an expression), answered from one token list per file that all rules share.
/// </summary>
internal static class PythonCode
{
    // The rules take the parser's tokens (tokenising again only for a tree the parser built without them),
    // and answer the per-file and per-loop questions every rule asks (test file? fixed-size loop?) once too:
    // the answers live in the file's own model (FileModel), never in a cache of this class.
    private static FileFacts Facts(SyntaxTree tree) => tree.Model.Python;

    public static PythonTokenList Tokens(SyntaxTree tree) => Facts(tree).Tokens;

    /// <summary>What the rules ask of a whole file, computed when it is first asked and never changed after (so shared across threads safely).</summary>
    internal sealed class FileFacts
    {
        public FileFacts(SyntaxTree tree)
        {
            Tokens = tree.TakeTokens<PythonTokenList>() ?? PythonLexer.Tokenize(tree.Source, includeTrivia: false);
            IsTestFile = ComputeIsTestFile(tree);
            FindMainGuards(tree, Tokens, MainGuards);
            var growthScans = new Dictionary<(SyntaxNode, string), bool>();
            foreach (var loop in NodesByType.Of<LoopNode>(tree))
            {
                if (ComputeIsFixedSizeLoop(loop, Tokens, growthScans))
                {
                    FixedSizeLoops.Add(loop);
                }
            }
        }

        public PythonTokenList Tokens { get; }

        public bool IsTestFile { get; }

        /// <summary>The bodies of module-level <c>if __name__ == "__main__":</c> blocks.</summary>
        public List<TextSpan> MainGuards { get; } = [];

        public HashSet<LoopNode> FixedSizeLoops { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>
    /// True inside a module-level <c>if __name__ == "__main__":</c> block: code that runs when the file is started as a
    /// script (a demo, a self-test, a call to <c>main()</c>), not when it is imported.
    /// </summary>
    public static bool IsUnderMainGuard(SyntaxNode node) => Facts(node.Tree).MainGuards.Any(g => g.Contains(node.Span));

    private static void FindMainGuards(SyntaxTree tree, PythonTokenList tokens, List<TextSpan> guards)
    {
        var text = tree.Source.Text;
        for (var i = 0; i + 5 < tokens.Count; i++)
        {
            // `if` at the start of a line in column 0, then `__name__ == "__main__"` (either way round) and a colon.
            if (tokens[i].Kind != K.IfKeyword || (tokens[i].Start > 0 && text[tokens[i].Start - 1] is not ('\n' or '\r'))
                || tokens[i + 2].Kind != K.EqualEqual || tokens[i + 4].Kind != K.Colon)
            {
                continue;
            }

            var left = text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length);
            var right = text.AsSpan(tokens[i + 3].Start, tokens[i + 3].Length);
            if (!((left is "__name__" && IsMainString(right)) || (right is "__name__" && IsMainString(left))))
            {
                continue;
            }

            // The block: from the colon to the dedent that closes it (or the end of the file).
            var level = 0;
            var end = tokens[^1].End;
            for (var j = i + 5; j < tokens.Count; j++)
            {
                if (tokens[j].Kind == K.Indent)
                {
                    level++;
                }
                else if (tokens[j].Kind == K.Dedent && --level <= 0)
                {
                    end = tokens[j].Start;
                    break;
                }
            }

            guards.Add(TextSpan.FromBounds(tokens[i].Start, Math.Max(end, tokens[i + 4].End)));
        }
    }

    private static bool IsMainString(ReadOnlySpan<char> token) => token is "\"__main__\"" or "'__main__'";

    private static readonly HashSet<string> IoModules = new(StringComparer.Ordinal) { "os", "shutil", "subprocess", "socket", "time", "sys", "logging", "requests", "urllib", "select" };

    private static readonly HashSet<string> IoNames = new(StringComparer.Ordinal)
    {
        "open", "print", "input", "write", "writeln", "writelines", "read", "readline", "readlines", "readinto", "send", "sendall", "recv",
        "flush", "sleep", "system", "listdir", "scandir", "stat", "exists", "isdir", "isfile", "mkdir", "makedirs", "remove", "unlink",
        "rename", "execute", "urlopen", "acquire", "release", "wait", "close", "call", "connect", "accept", "sendto", "CloseHandle", "getpass", "signal", "Thread", "Process", "debug", "info", "warning", "warn", "error", "exception", "critical", "log",
    };

    /// <summary>True for a call that plausibly reads or writes files, sockets, processes or logs (by its name or its module).</summary>
    public static bool IsIoCall(CallNode call)
    {
        if (IoNames.Contains(call.Name))
        {
            return true;
        }

        var callee = call.Callee.AsSpan();
        var dot = callee.IndexOf('.');
        return IoModuleHeads.Contains(dot < 0 ? callee : callee[..dot]);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IoModuleHeads = IoModules.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The index of the first token that starts at or after <paramref name="position"/>.</summary>
    public static int FirstTokenAtOrAfter(PythonTokenList tokens, int position)
    {
        var span = tokens.Tokens;
        int lo = 0, hi = span.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (span[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The token just before <paramref name="position"/>, or null.</summary>
    public static PythonToken? TokenBefore(SyntaxTree tree, int position)
    {
        var tokens = Tokens(tree);
        var index = FirstTokenAtOrAfter(tokens, position) - 1;
        return index >= 0 ? tokens[index] : null;
    }

    /// <summary>The token starting at <paramref name="position"/> or the next one, or null.</summary>
    public static PythonToken? TokenAtOrAfter(SyntaxTree tree, int position)
    {
        var tokens = Tokens(tree);
        var index = FirstTokenAtOrAfter(tokens, position);
        return index < tokens.Count ? tokens[index] : null;
    }

    public static bool IsName(SyntaxTree tree, PythonToken token, string name) =>
        token.Kind == K.Name && tree.Source.Text.AsSpan(token.Start, token.Length).SequenceEqual(name);

    /// <summary>The indexes of the Name tokens spelling <paramref name="name"/> inside <paramref name="span"/> (strings and comments never count).</summary>
    public static List<int> NameOccurrences(SyntaxTree tree, TextSpan span, string name)
    {
        var tokens = Tokens(tree);
        var result = new List<int>();
        for (var i = FirstTokenAtOrAfter(tokens, span.Start); i < tokens.Count && tokens[i].End <= span.End; i++)
        {
            if (IsName(tree, tokens[i], name))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>The distinct plain names read or written inside <paramref name="span"/> (attribute names after a dot excluded).</summary>
    public static HashSet<string> NamesIn(SyntaxTree tree, TextSpan span)
    {
        var tokens = Tokens(tree);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = FirstTokenAtOrAfter(tokens, span.Start); i < tokens.Count && tokens[i].End <= span.End; i++)
        {
            if (tokens[i].Kind == K.Name && (i == 0 || tokens[i - 1].Kind != K.Dot))
            {
                names.Add(tree.Source.Text.Substring(tokens[i].Start, tokens[i].Length));
            }
        }

        return names;
    }

    /// <summary>True when a token of <paramref name="kind"/> lies in <paramref name="span"/> outside nested function definitions and lambdas.</summary>
    public static bool HasKeyword(SyntaxTree tree, TextSpan span, K kind, SyntaxNode within)
    {
        var tokens = Tokens(tree);
        var nested = within.Descendants().Where(n => n is FunctionNode or ClosureNode).Select(n => n.Span).ToList();
        for (var i = FirstTokenAtOrAfter(tokens, span.Start); i < tokens.Count && tokens[i].End <= span.End; i++)
        {
            var position = tokens[i].Start;
            if (tokens[i].Kind == kind && !nested.Any(s => s.Contains(position)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A plain Python identifier or dotted chain of identifiers (<c>self.a.b</c>), as the model
    /// writes callees: no brackets, no calls, no "…" marker.
    /// </summary>
    public static bool IsDottedName(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[^1] == '.')
        {
            return false;
        }

        var previousDot = true;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }

                previousDot = true;
                continue;
            }

            if (!(char.IsLetterOrDigit(c) || c == '_') || (previousDot && char.IsDigit(c)))
            {
                return false;
            }

            previousDot = false;
        }

        return true;
    }

    /// <summary>
    /// Test code: by file name (<c>test_*.py</c>, <c>*_test.py</c>, <c>conftest.py</c>) or because the module
    /// imports a test framework (unittest, pytest, CPython's <c>test.support</c>). The skill says to judge
    /// test code by asymptotic complexity only, so constant-factor rules stay silent there.
    /// </summary>
    public static bool IsTestFile(SyntaxTree tree) => Facts(tree).IsTestFile;

    private static bool ComputeIsTestFile(SyntaxTree tree)
    {
        if (tree.Source.Path is { } path)
        {
            var file = Path.GetFileName(path);
            if (file.StartsWith("test_", StringComparison.Ordinal) || file.EndsWith("_test.py", StringComparison.Ordinal) || file == "conftest.py")
            {
                return true;
            }
        }

        foreach (var import in tree.Root.Children.OfType<ImportNode>())
        {
            var module = import.Module ?? string.Empty;
            if (module is "unittest" or "pytest" or "test" || module.StartsWith("unittest.", StringComparison.Ordinal) || module.StartsWith("test.", StringComparison.Ordinal)
                || import.Names.Any(n => n.Name is "unittest" or "pytest" || n.Name.StartsWith("test.", StringComparison.Ordinal) || n.Name.StartsWith("unittest.", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A loop whose iteration count is written in the code: over a display (<c>for x in ("a", "b")</c>,
    /// <c>for m in m1, m2</c>) or <c>range(k)</c> with a small literal k. Such loops repeat a few times, not N.
    /// </summary>
    public static bool IsFixedSizeLoop(LoopNode loop) => Facts(loop.Tree).FixedSizeLoops.Contains(loop);

    private static bool ComputeIsFixedSizeLoop(LoopNode loop, PythonTokenList tokens, Dictionary<(SyntaxNode, string), bool> growthScans)
    {
        if (loop.IterableSpan is not { } iterable || loop.LoopKind is not (LoopKind.For or LoopKind.Comprehension))
        {
            return false;
        }

        // Only the first character matters: no string of the whole iterable per loop of every file.
        var text = loop.Tree.Source.Text.AsSpan(iterable.Start, iterable.Length).Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var start = FirstTokenAtOrAfter(tokens, iterable.Start);
        var end = start;
        while (end < tokens.Count && tokens[end].End <= iterable.End)
        {
            end++;
        }

        if (end <= start)
        {
            return false;
        }

        // A bare tuple (`for m in m1, m2`) or a display with no comprehension inside.
        if (text[0] is '(' or '[' or '{' || HasTopLevelComma(tokens, start, end))
        {
            for (var i = start; i < end; i++)
            {
                if (tokens[i].Kind == K.ForKeyword)
                {
                    return false;
                }
            }

            return text[0] is '(' or '[' or '{' ? MatchingClose(tokens, start) == end - 1 || HasTopLevelComma(tokens, start, end) : true;
        }

        // range(k) or range(a, b) with small literal bounds.
        if (IsName(loop.Tree, tokens[start], "range") && (end - start == 4 || (end - start == 6 && tokens[start + 3].Kind == K.Comma))
            && tokens[start + 2].Kind == K.Number && tokens[end - 2].Kind == K.Number
            && int.TryParse(loop.Tree.Source.Text.AsSpan(tokens[start + 2].Start, tokens[start + 2].Length), out var first)
            && int.TryParse(loop.Tree.Source.Text.AsSpan(tokens[end - 2].Start, tokens[end - 2].Length), out var last))
        {
            return (end - start == 4 ? first : last - first) <= 32;
        }

        // A name bound only to a written-out display that nothing grows (`headers = ("A", "B")`), or its items/keys/values.
        if (tokens[start].Kind == K.Name && (end - start == 1
            || (end - start == 5 && tokens[start + 1].Kind == K.Dot && tokens[start + 3].Kind == K.LeftParen && tokens[start + 4].Kind == K.RightParen
                && loop.Tree.Source.Text.AsSpan(tokens[start + 2].Start, tokens[start + 2].Length) is "items" or "keys" or "values")))
        {
            return IsWrittenOutConstant(loop, tokens, loop.Tree.Source.Text.Substring(tokens[start].Start, tokens[start].Length), growthScans);
        }

        return false;
    }

    /// <summary>
    /// How many items a loop walks when the code writes them out: a display (<c>for x in ("a", "b")</c>), a bare tuple
    /// (<c>for m in m1, m2</c>), or a name bound only to a display that nothing grows (its <c>.items()</c> and the like
    /// too). Null otherwise, and for a display that unpacks (<c>*rest</c>) or holds a comprehension.
    /// </summary>
    public static int? WrittenOutLength(LoopNode loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (!IsFixedSizeLoop(loop) || loop.IterableSpan is not { } iterable)
        {
            return null;
        }

        var tokens = Tokens(loop.Tree);
        var (start, end) = TokensOf(tokens, iterable);
        if (end <= start)
        {
            return null;
        }

        if (tokens[start].Kind == K.Name)
        {
            var name = loop.Tree.Source.Text.Substring(tokens[start].Start, tokens[start].Length);
            var bindings = NearestBindings(loop, name);
            if (bindings.Count != 1 || bindings[0].Assignment is not { ValueSpan: { } value })
            {
                return null;
            }

            (start, end) = TokensOf(tokens, value);
            return end > start && tokens[start].Kind is K.LeftParen or K.LeftBracket or K.LeftBrace && MatchingClose(tokens, start) == end - 1
                ? DisplayItems(tokens, start + 1, end - 1)
                : null;
        }

        return tokens[start].Kind is K.LeftParen or K.LeftBracket or K.LeftBrace && MatchingClose(tokens, start) == end - 1
            ? DisplayItems(tokens, start + 1, end - 1)
            : DisplayItems(tokens, start, end);
    }

    /// <summary>
    /// The value of <paramref name="name"/> when the scope nearest <paramref name="at"/> binds it exactly once, to an
    /// integer literal (<c>SHARDS = 16</c>, <c>N = 1_000</c>): a count the code states. Null otherwise.
    /// </summary>
    public static long? IntegerConstant(SyntaxNode at, string name)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
        {
            return null;
        }

        var bindings = NearestBindings(at, name);
        return bindings.Count == 1 && bindings[0].Assignment is { Operator: "=", ValueSpan: { } value }
            ? HotPathAnalysis.IntegerLiteral(at.Tree.Source.ToString(value))
            : null;
    }

    private static (int Start, int End) TokensOf(PythonTokenList tokens, TextSpan span)
    {
        var start = FirstTokenAtOrAfter(tokens, span.Start);
        var end = start;
        while (end < tokens.Count && tokens[end].End <= span.End)
        {
            end++;
        }

        return (start, end);
    }

    // Items between [start, end): top-level commas + 1, a trailing comma not counting; null when something unpacks.
    private static int? DisplayItems(PythonTokenList tokens, int start, int end)
    {
        if (end <= start)
        {
            return 0;
        }

        for (var i = start; i < end; i++)
        {
            if (tokens[i].Kind is K.ForKeyword or K.Star or K.DoubleStar)
            {
                return null;
            }
        }

        var commas = CountTopLevel(tokens, start, end, K.Comma);
        return commas + (tokens[end - 1].Kind == K.Comma ? 0 : 1);
    }

    private static readonly HashSet<string> GrowingMethods = new(StringComparer.Ordinal) { "append", "extend", "insert", "add", "update", "setdefault", "__setitem__" };

    private static bool IsWrittenOutConstant(LoopNode loop, PythonTokenList tokens, string name, Dictionary<(SyntaxNode, string), bool> growthScans)
    {
        var bindings = NearestBindings(loop, name);
        if (bindings.Count == 0)
        {
            return false;
        }

        foreach (var binding in bindings)
        {
            if (binding.Assignment is not { Operator: "=", ValueSpan: { } value })
            {
                return false;
            }

            var open = FirstTokenAtOrAfter(tokens, value.Start);
            var close = open;
            while (close < tokens.Count && tokens[close].End <= value.End)
            {
                close++;
            }

            if (close <= open || tokens[open].Kind is not (K.LeftParen or K.LeftBracket or K.LeftBrace) || MatchingClose(tokens, open) != close - 1)
            {
                return false;
            }

            for (var i = open; i < close; i++)
            {
                if (tokens[i].Kind is K.ForKeyword or K.Star or K.DoubleStar)
                {
                    return false;
                }
            }
        }

        // Nothing in its scope grows it: no `name.append(…)`, `name += …`, `name[k] = …`. Scanned once per scope and name,
        // so many loops over one module-level constant cost one scan of the module, not one each.
        var scope = (SyntaxNode?)bindings[0].Node.EnclosingFunction() ?? loop.Tree.Root;
        if (!growthScans.TryGetValue((scope, name), out var unchanged))
        {
            growthScans[(scope, name)] = unchanged = NeverGrown(loop.Tree, tokens, scope, name);
        }

        return unchanged;
    }

    private static bool NeverGrown(SyntaxTree tree, PythonTokenList tokens, SyntaxNode scope, string name)
    {
        var text = tree.Source.Text;
        for (var i = FirstTokenAtOrAfter(tokens, scope.Span.Start); i + 1 < tokens.Count && tokens[i].End <= scope.Span.End; i++)
        {
            if (tokens[i].Kind != K.Name || !text.AsSpan(tokens[i].Start, tokens[i].Length).SequenceEqual(name) || (i > 0 && tokens[i - 1].Kind == K.Dot))
            {
                continue;
            }

            var next = tokens[i + 1];
            if (next.Kind is K.PlusEqual or K.VerticalBarEqual or K.StarEqual
                || (next.Kind == K.Dot && i + 2 < tokens.Count && GrowingMethods.Contains(text.Substring(tokens[i + 2].Start, tokens[i + 2].Length)))
                || (next.Kind == K.LeftBracket && MatchingClose(tokens, i + 1) is var c && c > 0 && c + 1 < tokens.Count && tokens[c + 1].Kind == K.Equal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasTopLevelComma(PythonTokenList tokens, int start, int end) => CountTopLevel(tokens, start, end, K.Comma) > 0;

    /// <summary>How many tokens of <paramref name="kind"/> lie in [start, end) outside any brackets.</summary>
    private static int CountTopLevel(PythonTokenList tokens, int start, int end, K kind)
    {
        var (depth, count) = (0, 0);
        for (var i = start; i < end; i++)
        {
            switch (tokens[i].Kind)
            {
                case K.LeftParen or K.LeftBracket or K.LeftBrace:
                    depth++;
                    break;
                case K.RightParen or K.RightBracket or K.RightBrace:
                    depth--;
                    break;
                case var k when k == kind && depth == 0:
                    count++;
                    break;
                default:
                    break;
            }
        }

        return count;
    }

    private static int MatchingClose(PythonTokenList tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case K.LeftParen or K.LeftBracket or K.LeftBrace:
                    depth++;
                    break;
                case K.RightParen or K.RightBracket or K.RightBrace:
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
                default:
                    break;
            }
        }

        return -1;
    }

    /// <summary>The token range [start, end) of the simple statement holding <paramref name="position"/> (a logical line, or its part between semicolons).</summary>
    private static (int Start, int End) StatementTokens(PythonTokenList tokens, int position)
    {
        if (tokens.Count == 0)
        {
            return (0, 0);
        }

        var at = Math.Min(FirstTokenAtOrAfter(tokens, position), tokens.Count - 1);
        var start = at;
        while (start > 0 && tokens[start - 1].Kind is not (K.Newline or K.Indent or K.Dedent or K.Semicolon))
        {
            start--;
        }

        var end = at;
        while (end < tokens.Count && tokens[end].Kind is not (K.Newline or K.Semicolon))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>True when <paramref name="name"/> is stored into or deleted from by position inside <paramref name="span"/>: <c>name[…] = …</c>, <c>name[…] += …</c>, <c>del name[…]</c>.</summary>
    public static bool IsStoredByPosition(SyntaxTree tree, TextSpan span, string name)
    {
        var tokens = Tokens(tree);
        foreach (var i in NameOccurrences(tree, span, name))
        {
            if (i + 1 >= tokens.Count || tokens[i + 1].Kind != K.LeftBracket || (i > 0 && tokens[i - 1].Kind == K.Dot))
            {
                continue;
            }

            if (i > 0 && tokens[i - 1].Kind == K.DelKeyword)
            {
                return true;
            }

            var close = MatchingClose(tokens, i + 1);
            if (close > 0 && close + 1 < tokens.Count && tokens[close + 1].Kind is K.Equal or K.PlusEqual or K.MinusEqual or K.StarEqual)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>a = b = value</c>: the value is bound to more than one target (and may escape through the others).</summary>
    public static bool IsChainedAssignment(AssignmentNode assignment)
    {
        var tokens = Tokens(assignment.Tree);
        var (start, end) = StatementTokens(tokens, assignment.Span.Start);
        return CountTopLevel(tokens, start, end, K.Equal) > 1;
    }

    private const int LeavesLoopBudget = 256;

    /// <summary>
    /// True when <paramref name="node"/> runs at most once per run of <paramref name="loop"/> (a <c>for</c> or
    /// <c>while</c> statement): its statement is a <c>return</c> or <c>raise</c>, or its block goes on to
    /// <c>break</c>, <c>return</c> or <c>raise</c> before it ends with no <c>continue</c> on the way, so the loop stops right after.
    /// </summary>
    public static bool LeavesLoop(SyntaxNode node, LoopNode loop)
    {
        if (loop.LoopKind is not (LoopKind.For or LoopKind.While) || !loop.Span.Contains(node.Span))
        {
            return false;
        }

        var tokens = Tokens(node.Tree);
        var (start, end) = StatementTokens(tokens, node.Span.Start);
        if (start >= tokens.Count || tokens[start].Start <= loop.Span.Start)
        {
            return false; // the loop's own header
        }

        if (tokens[start].Kind is K.ReturnKeyword or K.RaiseKeyword)
        {
            return true;
        }

        // The statements after it in its own block (deeper blocks skipped, a dedent below it ends the block), within a
        // budget of tokens: the exit that matters follows within a few lines, and an unbounded scan from every use in a
        // loop of thousands of statements would be quadratic. Past the budget the answer is "no" (the finding stands).
        var level = 0;
        var lineStart = false;
        var budget = Math.Min(tokens.Count, end + LeavesLoopBudget);
        for (var i = end; i < budget && tokens[i].Start < loop.Span.End; i++)
        {
            switch (tokens[i].Kind)
            {
                case K.Newline or K.Semicolon:
                    lineStart = true;
                    continue;
                case K.Indent:
                    level++;
                    continue;
                case K.Dedent:
                    if (--level < 0)
                    {
                        return false;
                    }

                    continue;
                case K.ContinueKeyword:
                    return false; // a path back to the loop's next pass before the exit
                default:
                    if (lineStart && level == 0 && tokens[i].Kind is K.BreakKeyword or K.ReturnKeyword or K.RaiseKeyword)
                    {
                        return true;
                    }

                    lineStart = false;
                    break;
            }
        }

        return false;
    }

    /// <summary>Logical lines (statements) inside a loop, its header excluded; 0 for a comprehension.</summary>
    public static int StatementCount(LoopNode loop)
    {
        if (loop.LoopKind == LoopKind.Comprehension)
        {
            return 0;
        }

        var tokens = Tokens(loop.Tree);
        var count = 0;
        for (var i = FirstTokenAtOrAfter(tokens, loop.Span.Start); i < tokens.Count && tokens[i].Start < loop.Span.End; i++)
        {
            if (tokens[i].Kind == K.Newline)
            {
                count++;
            }
        }

        // The header line ends with a NEWLINE too unless the body sits on the same line.
        return Math.Max(1, count - 1);
    }

    /// <summary>
    /// The innermost loop that repeats <paramref name="node"/>, or null — also null when every loop
    /// around it has a fixed, written-out iteration count (<see cref="IsFixedSizeLoop"/>).
    /// </summary>
    public static LoopNode? InnermostLoop(SyntaxNode node)
    {
        // EnclosingLoops() one step at a time, without the iterator: asked of most calls and names of every file.
        LoopNode? innermost = null;
        for (var loop = node.NextEnclosingLoop(node); loop is not null; loop = node.NextEnclosingLoop(loop))
        {
            innermost ??= loop;
            if (!IsFixedSizeLoop(loop))
            {
                return innermost;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="node"/> lies inside a lambda (its body runs when the lambda is called, not here).</summary>
    public static bool IsInLambda(SyntaxNode node) => node.IsInClosure();

    /// <summary>The bindings of <paramref name="name"/> in the nearest scope that binds it at all.</summary>
    public static List<Binding> NearestBindings(SyntaxNode at, string name)
    {
        var all = BindingIndex.Find(at, name);
        if (all.Count == 0)
        {
            return all;
        }

        var scope = ScopeOf(all[0]);
        return [.. all.Where(b => ScopeOf(b) == scope)];
    }

    private static SyntaxNode? ScopeOf(Binding binding) =>
        binding.BindingKind == BindingKind.Parameter ? binding.Node : binding.Node.EnclosingFunction();

    /// <summary>True when an assignment or loop target inside <paramref name="span"/> binds <paramref name="name"/> (or, for a dotted chain, any prefix of it).</summary>
    public static bool IsRebound(SyntaxNode container, TextSpan span, string chain)
    {
        var prefixes = Prefixes(chain);
        foreach (var node in container.Descendants())
        {
            if (!span.Contains(node.Span))
            {
                continue;
            }

            switch (node)
            {
                case AssignmentNode assignment when assignment.Targets.Any(t => prefixes.Contains(t.Trim())):
                    return true;
                case LoopNode { Target: { } target } when target.Split([',', '(', ')', '[', ']', ' '], StringSplitOptions.RemoveEmptyEntries).Any(prefixes.Contains):
                    return true;
                case WithNode with when with.Items.Any(i => i.Target is { } t && prefixes.Contains(t.Trim())):
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    private static HashSet<string> Prefixes(string chain)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var at = chain.IndexOf('.', StringComparison.Ordinal);
        while (at > 0)
        {
            set.Add(chain[..at]);
            at = chain.IndexOf('.', at + 1);
        }

        set.Add(chain);
        return set;
    }

    /// <summary>A short, one-line rendering of source text for messages.</summary>
    public static string Shorten(string text, int max = 60)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return oneLine.Length > max ? oneLine[..(max - 1)] + "…" : oneLine;
    }

    /// <summary>How a loop reads in a message: "`for item in items`", "a list comprehension", "a `while` loop".</summary>
    public static string DescribeLoop(LoopNode loop)
    {
        var source = loop.Tree.Source;
        return loop.LoopKind switch
        {
            LoopKind.For when loop.Target is not null && loop.IterableSpan is { } it => $"`for {loop.Target} in {Shorten(source.ToString(it), 40)}`",
            LoopKind.Comprehension => $"the {loop.Comprehension.ToString().ToLowerInvariant()} comprehension over `{(loop.IterableSpan is { } s ? Shorten(source.ToString(s), 40) : "…")}`",
            LoopKind.While => "the `while` loop",
            _ => "the loop",
        };
    }
}
