using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// Builds the structural model from the significant tokens (no comments or NL) in one forward pass.
/// Statements are found with INDENT/DEDENT and an explicit block stack; expressions are scanned flat,
/// creating a node wherever a construct starts (calls, comprehensions, lambdas…). Nodes are collected
/// with their spans and nested at the end by source containment, so nothing here recurses: deep
/// nesting cannot overflow the stack, and the work stays linear in the number of tokens.
/// </summary>
internal sealed partial class PythonStructureBuilder
{
    private const byte HasFor = 1;
    private const byte HasComma = 2;
    private const byte HasColon = 4;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly PythonToken[] _tok;
    private readonly int _n;
    private readonly List<Diagnostic> _diagnostics;
    private CancellationToken _cancellation;

    /// <summary>For each bracket token, the index of its partner (closers point back), or -1.</summary>
    private readonly int[] _match;

    /// <summary>For each opening bracket: what appears directly inside it (HasFor, HasComma, HasColon).</summary>
    private readonly byte[] _flags;

    [ThreadStatic]
    private static PendingNode[]? t_nodeBuffer;

    // Reused across files on a thread (cleared after each build) so a big file does not grow a new one each time.
    private PendingNode[] _nodes = t_nodeBuffer ??= new PendingNode[1024];
    private int _nodeCount;
    private int _sequence;
    private readonly List<Argument> _scratchArguments = [];
    private readonly NameTable _names = NameTable.ForCurrentThread();

    /// <summary>Remembered ends of lambda bodies and walrus values (end + 1 per step; 0 = unknown), rented on first use.</summary>
    private int[]? _expressionEnds;

    private PythonStructureBuilder(SourceText source, PythonToken[] tokens, int count, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Text;
        _tok = tokens;
        _n = count;
        _diagnostics = diagnostics;
        _match = ArrayPool<int>.Shared.Rent(count);
        _flags = ArrayPool<byte>.Shared.Rent(count);
    }

    [StructLayout(LayoutKind.Auto)]
    private struct PendingNode
    {
        public SyntaxNode Node;
        public int Sequence;

        // The node's span, copied: Assemble's passes read it for every node without touching the node.
        public int Start;
        public int End;
    }

    public static ModuleNode Build(SourceText source, PythonToken[] tokens, int count, List<Diagnostic> diagnostics, CancellationToken cancellationToken = default)
    {
        var builder = new PythonStructureBuilder(source, tokens, count, diagnostics) { _cancellation = cancellationToken };
        try
        {
            builder.MatchBrackets();
            builder.BuildStatements();
            cancellationToken.ThrowIfCancellationRequested();
            return builder.Assemble();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(builder._match);
            ArrayPool<byte>.Shared.Return(builder._flags);
            if (builder._expressionEnds is { } ends)
            {
                ArrayPool<int>.Shared.Return(ends);
            }
        }
    }

    private static bool IsOpener(PythonTokenKind kind) => TokenClasses.IsOpener(kind);

    private static bool IsCloser(PythonTokenKind kind) => TokenClasses.IsCloser(kind);

    private static PythonTokenKind OpenerOf(PythonTokenKind closer) => closer switch
    {
        K.RightParen => K.LeftParen,
        K.RightBracket => K.LeftBracket,
        K.RightBrace => K.LeftBrace,
        K.FStringEnd => K.FStringStart,
        K.TStringEnd => K.TStringStart,
        _ => K.ReplacementFieldStart,
    };

    /// <summary>Pairs brackets (f-string start/end and replacement fields count) with one explicit stack.</summary>
    private void MatchBrackets()
    {
        var n = _n;
        var tokens = _tok.AsSpan(0, n);
        var match = _match.AsSpan(0, n);
        var flags = _flags.AsSpan(0, n);
        match.Fill(-1);
        flags.Clear();
        var stack = ArrayPool<int>.Shared.Rent(64);
        var stackKinds = ArrayPool<byte>.Shared.Rent(64);
        var depth = 0;
        try
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                var kind = tokens[i].Kind;
                var classes = TokenClasses.Of(kind);
                if ((classes & TokenClasses.Opener) != 0)
                {
                    if (depth == stack.Length)
                    {
                        var bigger = ArrayPool<int>.Shared.Rent(stack.Length * 2);
                        stack.AsSpan().CopyTo(bigger);
                        ArrayPool<int>.Shared.Return(stack);
                        stack = bigger;
                        var biggerKinds = ArrayPool<byte>.Shared.Rent(stack.Length);
                        stackKinds.AsSpan(0, depth).CopyTo(biggerKinds);
                        ArrayPool<byte>.Shared.Return(stackKinds);
                        stackKinds = biggerKinds;
                    }

                    stackKinds[depth] = (byte)kind;
                    stack[depth++] = i;
                }
                else if ((classes & TokenClasses.Closer) != 0)
                {
                    var opener = (byte)OpenerOf(kind);
                    var at = depth - 1;
                    // Like the lexer: a mismatched closer closes up to its partner if one is open.
                    while (at >= 0 && stackKinds[at] != opener)
                    {
                        at--;
                    }

                    if (at >= 0)
                    {
                        match[stack[at]] = i;
                        match[i] = stack[at];
                        depth = at;
                    }
                }
                else if (depth > 0)
                {
                    switch (kind)
                    {
                        case K.ForKeyword:
                            flags[stack[depth - 1]] |= HasFor;
                            break;
                        case K.Comma:
                            flags[stack[depth - 1]] |= HasComma;
                            break;
                        case K.Colon:
                            flags[stack[depth - 1]] |= HasColon;
                            break;
                        case K.Newline or K.EndOfFile:
                            // The lexer ends logical lines only outside brackets: whatever is open here never closes.
                            depth = 0;
                            break;
                        default:
                            break;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stack);
            ArrayPool<byte>.Shared.Return(stackKinds);
        }
    }

    /// <summary>The index after the bracket group opened at <paramref name="open"/>; an unclosed bracket is stepped into.</summary>
    private int After(int open, int hi)
    {
        var close = _match[open];
        return close > open && close < hi ? close + 1 : open + 1;
    }

    /// <summary>The index of the closer of <paramref name="open"/>, or <paramref name="hi"/> when it does not close before it.</summary>
    private int ContentEnd(int open, int hi)
    {
        var close = _match[open];
        return close > open && close < hi ? close : hi;
    }

    /// <summary>The next token index at the same bracket level.</summary>
    private int Next(int i, int hi) => IsOpener(_tok[i].Kind) ? After(i, hi) : i + 1;

    private TextSpan SpanOf(int first, int endExclusive) =>
        endExclusive > first ? TextSpan.FromBounds(_tok[first].Start, _tok[endExclusive - 1].End) : new TextSpan(first < _n ? _tok[first].Start : _text.Length, 0);

    /// <summary>The source text of tokens [first, endExclusive); short texts (types, targets, defaults) are interned.</summary>
    private string TextOf(int first, int endExclusive)
    {
        if (endExclusive <= first)
        {
            return "";
        }

        var span = SpanOf(first, endExclusive);
        return span.Length <= 32 ? _names.Intern(_text.AsSpan(span.Start, span.Length)) : _source.ToString(span);
    }

    private string NameOf(int index) => _names.Intern(_text.AsSpan(_tok[index].Start, _tok[index].Length));

    /// <summary>Tokens <paramref name="first"/>..<paramref name="last"/> (names and dots) as written without whitespace, interned.</summary>
    private string ChainText(int first, int last, string? prefix = null)
    {
        var contiguous = true;
        for (var i = first; i < last; i++)
        {
            if (_tok[i].End != _tok[i + 1].Start)
            {
                contiguous = false;
                break;
            }
        }

        if (contiguous && prefix is null)
        {
            return _names.Intern(_text.AsSpan(_tok[first].Start, _tok[last].End - _tok[first].Start));
        }

        var length = prefix?.Length ?? 0;
        for (var i = first; i <= last; i++)
        {
            length += _tok[i].Length;
        }

        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        if (prefix is not null)
        {
            prefix.AsSpan().CopyTo(buffer);
            at = prefix.Length;
        }

        for (var i = first; i <= last; i++)
        {
            _text.AsSpan(_tok[i].Start, _tok[i].Length).CopyTo(buffer[at..]);
            at += _tok[i].Length;
        }

        return _names.Intern(buffer);
    }

    // Nodes are collected in document order (start ascending, outer before inner) so that Assemble
    // rarely has to sort: constructs whose node is known only after their contents (blocks,
    // assignments, call chains, lambdas) reserve their place first and fill it later.
    private void AddNode(SyntaxNode? node)
    {
        if (_nodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
            t_nodeBuffer = _nodes;
        }

        _nodes[_nodeCount++] = node is null
            ? new PendingNode { Sequence = _sequence++ }
            : new PendingNode { Node = node, Sequence = _sequence++, Start = node.Span.Start, End = node.Span.End };
    }

    private int Reserve()
    {
        AddNode(null);
        return _nodeCount - 1;
    }

    private void Fill(int slot, SyntaxNode node)
    {
        ref var pending = ref _nodes[slot];
        pending.Node = node;
        pending.Start = node.Span.Start;
        pending.End = node.Span.End;
    }

    /// <summary>Adds a node that contains some nodes already added (a comparison and its left operand) before them.</summary>
    private void AddBefore(SyntaxNode node)
    {
        var span = node.Span;
        var at = _nodeCount;
        while (at > 0 && _nodes[at - 1].Node is { } previous
            && (previous.Span.Start > span.Start || (previous.Span.Start == span.Start && previous.Span.End <= span.End)))
        {
            at--;
        }

        AddNode(node);
        if (at < _nodeCount - 1)
        {
            var added = _nodes[_nodeCount - 1];
            Array.Copy(_nodes, at, _nodes, at + 1, _nodeCount - 1 - at);
            _nodes[at] = added;
        }
    }

    private void Report(string code, string message, TextSpan span) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, span));

    /// <summary>Nests the collected nodes by containment in one stack pass, sorting first only if the collection order slipped.</summary>
    private ModuleNode Assemble()
    {
        var root = new ModuleNode(new TextSpan(0, _text.Length));
        var nodes = _nodes;
        var count = 0;
        var sorted = true;
        int previousStart = -1, previousEnd = -1;
        for (var i = 0; i < _nodeCount; i++)
        {
            // Compact away places reserved for constructs that turned out broken.
            if (nodes[i].Node is null)
            {
                continue;
            }

            int start = nodes[i].Start, end = nodes[i].End;
            sorted &= start > previousStart || (start == previousStart && end <= previousEnd);
            previousStart = start;
            previousEnd = end;
            nodes[count++] = nodes[i];
        }

        if (!sorted)
        {
            SortNodes(count);
        }

        // Parents by containment with one index stack (the root, index count, is never popped), then
        // every child list as one exact-size array: no per-node list growth.
        var parents = ArrayPool<int>.Shared.Rent(count);
        var childCounts = ArrayPool<int>.Shared.Rent(count + 1);
        var stack = ArrayPool<int>.Shared.Rent(count + 1);
        var children = ArrayPool<SyntaxNode[]?>.Shared.Rent(count + 1);
        try
        {
            Array.Clear(childCounts, 0, count + 1);
            var depth = 0;
            for (var i = 0; i < count; i++)
            {
                int start = nodes[i].Start, end = nodes[i].End;
                while (depth > 0 && !(start >= nodes[stack[depth - 1]].Start && end <= nodes[stack[depth - 1]].End))
                {
                    depth--;
                }

                var parent = depth > 0 ? stack[depth - 1] : count;
                parents[i] = parent;
                childCounts[parent]++;
                stack[depth++] = i;
            }

            // childCounts now counts down as each parent's array fills; each child learns its parent here,
            // so the arrays are handed over without another pass.
            // Stores through refs: the indices are in range by construction, and a plain array store of an
            // abstract element type would pay the covariance check for every node.
            ref var childrenRef = ref MemoryMarshal.GetArrayDataReference(children);
            for (var i = 0; i < count; i++)
            {
                var parent = parents[i];
                ref var slot = ref Unsafe.Add(ref childrenRef, parent);
                var array = slot ??= new SyntaxNode[childCounts[parent]];
                var node = nodes[i].Node;
                node.Parent = parent == count ? root : nodes[parent].Node;
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), array.Length - childCounts[parent]--) = node;
            }

            for (var i = 0; i < count; i++)
            {
                if (children[i] is { } array)
                {
                    nodes[i].Node.AdoptChildren(array);
                }
            }

            if (children[count] is { } top)
            {
                root.AdoptChildren(top);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(parents);
            ArrayPool<int>.Shared.Return(childCounts);
            ArrayPool<int>.Shared.Return(stack);
            Array.Clear(children, 0, count + 1);
            ArrayPool<SyntaxNode[]?>.Shared.Return(children);
        }

        Array.Clear(nodes, 0, _nodeCount);
        return root;
    }

    /// <summary>Start ascending, end descending, then creation order (the clauses of one comprehension share a span).</summary>
    private void SortNodes(int count)
    {
        var keys = ArrayPool<long>.Shared.Rent(count);
        var order = ArrayPool<int>.Shared.Rent(count);
        var copy = ArrayPool<PendingNode>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var span = _nodes[i].Node.Span;
                keys[i] = ((long)span.Start << 32) | (uint)(int.MaxValue - span.End);
                order[i] = i;
                copy[i] = _nodes[i];
            }

            Array.Sort(keys, order, 0, count);
            for (var i = 1; i < count; i++)
            {
                for (var j = i; j > 0 && keys[j] == keys[j - 1] && copy[order[j]].Sequence < copy[order[j - 1]].Sequence; j--)
                {
                    (order[j], order[j - 1]) = (order[j - 1], order[j]);
                }
            }

            for (var i = 0; i < count; i++)
            {
                _nodes[i] = copy[order[i]];
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<PendingNode>.Shared.Return(copy, clearArray: true);
        }
    }
}
