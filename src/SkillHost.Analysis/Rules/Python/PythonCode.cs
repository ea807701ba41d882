using System.Runtime.CompilerServices;
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
    // and answer the per-file and per-loop questions every rule asks (test file? fixed-size loop?) once too.
    private static readonly ConditionalWeakTable<SyntaxTree, FileFacts> FactsCache = [];

    private static FileFacts Facts(SyntaxTree tree) => FactsCache.GetValue(tree, static t => new FileFacts(t));

    public static PythonTokenList Tokens(SyntaxTree tree) => Facts(tree).Tokens;

    /// <summary>Drops the tokens and facts of a file whose review is done (see <see cref="ChecklistReview"/>).</summary>
    internal static void Forget(SyntaxTree tree) => FactsCache.Remove(tree);

    /// <summary>What the rules ask of a whole file, computed when it is first asked and never changed after (so shared across threads safely).</summary>
    private sealed class FileFacts
    {
        public FileFacts(SyntaxTree tree)
        {
            Tokens = tree.TakeTokens<PythonTokenList>() ?? PythonLexer.Tokenize(tree.Source, includeTrivia: false);
            IsTestFile = ComputeIsTestFile(tree);
            foreach (var loop in NodesByType.Of<LoopNode>(tree))
            {
                if (ComputeIsFixedSizeLoop(loop, Tokens))
                {
                    FixedSizeLoops.Add(loop);
                }
            }
        }

        public PythonTokenList Tokens { get; }

        public bool IsTestFile { get; }

        public HashSet<LoopNode> FixedSizeLoops { get; } = new(ReferenceEqualityComparer.Instance);
    }

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

    private static bool ComputeIsFixedSizeLoop(LoopNode loop, PythonTokenList tokens)
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

        // range(k) with a small literal bound.
        if (end - start == 4 && IsName(loop.Tree, tokens[start], "range") && tokens[start + 2].Kind == K.Number
            && int.TryParse(loop.Tree.Source.Text.AsSpan(tokens[start + 2].Start, tokens[start + 2].Length), out var count))
        {
            return count <= 32;
        }

        return false;
    }

    private static bool HasTopLevelComma(PythonTokenList tokens, int start, int end)
    {
        var depth = 0;
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
                case K.Comma when depth == 0:
                    return true;
                default:
                    break;
            }
        }

        return false;
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
    public static bool IsInLambda(SyntaxNode node)
    {
        for (var ancestor = node.Parent; ancestor is not null and not FunctionNode; ancestor = ancestor.Parent)
        {
            if (ancestor is ClosureNode)
            {
                return true;
            }
        }

        return false;
    }

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
