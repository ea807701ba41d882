using System.Runtime.CompilerServices;
using System.Buffers;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>
/// Builds the language-neutral structural model from Rust tokens in one forward pass. Brackets are
/// matched up front, so any group can be skipped in O(1); the model is built by scanning token
/// ranges rather than by a full expression grammar, and nesting is bounded by <see cref="MaxNesting"/>.
/// </summary>
/// <remarks>
/// Hot methods carry <c>AggressiveOptimization</c>: a review reads each file once in a short-lived
/// process, so tier-0 code would otherwise do most of the work before tiered compilation catches up.
/// </remarks>
internal sealed partial class RustStructureBuilder
{
    /// <summary>Deeper groups are skipped with one diagnostic: real code stays far below, and the stack stays safe.</summary>
    internal const int MaxNesting = 200;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics;
    // One table per thread, kept across files: type names, callees and attribute arguments repeat from file to file.
    [ThreadStatic]
    private static RustNameTable? t_names;

    private readonly RustNameTable _names;
    // A stack shared by nested chains: each chain owns [LayerStart, LayerEnd) and truncates back when done.
    private ChainLayer[] _layers = new ChainLayer[64];
    private int _layerCount;
    private readonly SearchMemo[] _searchMemo = new SearchMemo[(int)RustTokenKind.OrEq + 1];

    // Scratch lists: results are copied out as exact-size arrays, so the model holds no slack.
    private readonly List<Argument> _argumentScratch = [];
    private readonly List<Parameter> _parameterScratch = [];
    private readonly List<string> _nameScratch = [];
    private RustToken[] _tokens;
    private int[] _match;
    private int _count;
    private int _nesting;
    private long _work;
    private CancellationToken _cancellation;
    private bool _nestingReported;

    private RustStructureBuilder(SourceText source)
    {
        _source = source;
        _text = source.Text;
        _diagnostics = [];
        _names = t_names ??= new RustNameTable();
        _names.TrimIfLarge();
        Array.Fill(_searchMemo, new SearchMemo(-1, -1, -1));
        _tokens = ArrayPool<RustToken>.Shared.Rent(Math.Max(16, source.Length / 5));
        _match = [];
    }

    public static SyntaxTree Build(SourceText source) => Build(source, out _);

    /// <summary>As <see cref="Build(SourceText)"/>, checking <paramref name="cancellationToken"/> every few thousand token visits.</summary>
    public static SyntaxTree Build(SourceText source, CancellationToken cancellationToken) => Build(source, keepTokens: false, cancellationToken);

    /// <summary>As <see cref="Build(SourceText, CancellationToken)"/>; with <paramref name="keepTokens"/> the tree keeps a copy of the tokens (see <see cref="SyntaxTree.TakeTokens{T}"/>).</summary>
    public static SyntaxTree Build(SourceText source, bool keepTokens, CancellationToken cancellationToken)
    {
        var builder = new RustStructureBuilder(source) { _cancellation = cancellationToken };
        try
        {
            var tree = builder.Build();
            if (keepTokens)
            {
                tree.KeepTokens(builder._tokens.AsSpan(0, builder._count).ToArray());
            }

            return tree;
        }
        finally
        {
            builder.ReturnBuffers();
        }
    }

    /// <summary>Builds the tree and reports the work done: token visits, for tests that check time stays linear.</summary>
    public static SyntaxTree Build(SourceText source, out long work)
    {
        var builder = new RustStructureBuilder(source);
        try
        {
            var tree = builder.Build();
            work = builder._work + builder._count;
            return tree;
        }
        finally
        {
            builder.ReturnBuffers();
        }
    }

    private void ReturnBuffers()
    {
        ArrayPool<RustToken>.Shared.Return(_tokens);
        if (_match.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_match);
        }
    }

    // Every 65,536 token visits (well under a millisecond of work) the builder asks whether to stop.
    private void CountWork()
    {
        if ((++_work & 0xFFFF) == 0)
        {
            _cancellation.ThrowIfCancellationRequested();
        }
    }

    private SyntaxTree Build()
    {
        _count = RustLexer.Tokenize(_text, ref _tokens, includeComments: false, _diagnostics);
        _match = ArrayPool<int>.Shared.Rent(Math.Max(1, _count));
        MatchBrackets();

        var attributes = new List<AttributeInfo>();
        var i = ParseInnerAttributes(0, _count, attributes);
        var root = new ModuleNode(new TextSpan(0, _text.Length)) { Attributes = attributes };
        Scan(i, _count, root, ScanMode.Block);
        return new SyntaxTree(_source, SourceLanguage.Rust, root, _diagnostics, UsesPyO3(_text));
    }

    // The needles of LanguageDetector.UsesPyO3, searched in one vectorised pass instead of five.
    private static readonly SearchValues<string> PyO3Markers = SearchValues.Create(
        ["pyo3", "#[pyfunction", "#[pymodule", "#[pyclass", "#[pymethods"], StringComparison.Ordinal);

    /// <summary>Same answer as <see cref="LanguageDetector.UsesPyO3"/>: whether any of its markers occurs.</summary>
    private static bool UsesPyO3(string text) => text.AsSpan().ContainsAny(PyO3Markers);

    private RustTokenKind K(int i) => (uint)i < (uint)_count ? _tokens[i].Kind : RustTokenKind.EndOfFile;

    private ReadOnlySpan<char> TokenText(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

    private bool IsWordToken(int i, string word) => K(i) == RustTokenKind.Identifier && TokenText(i).SequenceEqual(word);

    /// <summary>The closing token of the group opened at <paramref name="open"/> (the token count when it never closes).</summary>
    private int Close(int open) => _match[open];

    /// <summary>The source span from the start of token <paramref name="first"/> to the end of token <paramref name="last"/> (inclusive).</summary>
    private TextSpan SpanOf(int first, int last) =>
        last < first ? new TextSpan(first < _count ? _tokens[first].Start : _text.Length, 0) : TextSpan.FromBounds(_tokens[first].Start, _tokens[Math.Min(last, _count - 1)].End);

    /// <summary>The source text of tokens [<paramref name="start"/>, <paramref name="end"/>) as written, or null when empty.</summary>
    private string? TextOf(int start, int end)
    {
        if (end <= start)
        {
            return null;
        }

        var span = SpanOf(start, end - 1);
        return span.Length <= RustNameTable.MaxInternedLength ? _names.Intern(_source.AsSpan(span)) : _source.ToString(span);
    }

    private void Report(string code, string message, TextSpan span) => RustLexer.Report(_diagnostics, code, message, span);

    /// <summary>Adds <paramref name="child"/> below <paramref name="parent"/>, clipping its span into the parent's: in broken code a group may run past the statement that holds it.</summary>
    private static void Attach(SyntaxNode parent, SyntaxNode child)
    {
        var outer = parent.Span;
        var inner = child.Span;
        if (!outer.Contains(inner))
        {
            var start = Math.Clamp(inner.Start, outer.Start, outer.End);
            child.Span = TextSpan.FromBounds(start, Math.Clamp(inner.End, start, outer.End));
        }

        parent.AddChild(child);
    }

    private bool EnterNesting(int at)
    {
        if (_nesting >= MaxNesting)
        {
            if (!_nestingReported)
            {
                _nestingReported = true;
                Report("RS-SYN-003", $"nesting deeper than {MaxNesting} levels; the inner part is skipped", SpanOf(at, at));
            }

            return false;
        }

        _nesting++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOpen(RustTokenKind kind) => kind is RustTokenKind.OpenParen or RustTokenKind.OpenBracket or RustTokenKind.OpenBrace;

    // Pairs every bracket with an explicit stack. A closer that matches an opener a little deeper closes
    // the unclosed ones in between (each reported); a closer that matches nothing is reported and ignored.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MatchBrackets()
    {
        var stack = ArrayPool<int>.Shared.Rent(Math.Max(1, _count));
        var depth = 0;
        var tokens = _tokens;
        try
        {
            for (var i = 0; i < _count; i++)
            {
                // Only openers are ever looked up, so other entries keep whatever the pooled array held.
                // The six bracket kinds are contiguous: open, close, open, close…, each closer right after its opener.
                var kind = tokens[i].Kind;
                var delta = (uint)(kind - RustTokenKind.OpenParen);
                if (delta > RustTokenKind.CloseBrace - RustTokenKind.OpenParen)
                {
                    continue;
                }

                if ((delta & 1) == 0)
                {
                    stack[depth++] = i;
                    continue;
                }

                var found = -1;
                var opener = kind - 1;
                if (depth > 0 && tokens[stack[depth - 1]].Kind == opener)
                {
                    found = depth - 1;
                }
                else
                {
                    for (var d = depth - 2; d >= 0 && d >= depth - 32; d--)
                    {
                        if (tokens[stack[d]].Kind == opener)
                        {
                            found = d;
                            break;
                        }
                    }
                }

                if (found < 0)
                {
                    Report("RS-SYN-002", "unexpected closing delimiter", _tokens[i].Span);
                    continue;
                }

                while (depth - 1 > found)
                {
                    var unclosed = stack[--depth];
                    Report("RS-SYN-001", "unclosed delimiter", _tokens[unclosed].Span);
                    _match[unclosed] = i;
                }

                var open = stack[--depth];
                _match[open] = i;
                _match[i] = open;
            }

            while (depth > 0)
            {
                var unclosed = stack[--depth];
                Report("RS-SYN-001", "unclosed delimiter", _tokens[unclosed].Span);
                _match[unclosed] = _count;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stack);
        }
    }
}
