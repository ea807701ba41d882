using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>
/// Operand chains: a primary (path, literal, group) and its postfix layers (<c>.field</c>,
/// <c>.method(…)</c>, <c>(…)</c>, <c>[…]</c>, <c>?</c>, <c>.await</c>, <c>!(…)</c>). A chain is walked
/// first and emitted second, outermost layer first, so that the outer call contains the inner ones:
/// <c>a.iter().map(f).collect()</c> gives collect ⊃ map ⊃ iter.
/// </summary>
internal sealed partial class RustStructureBuilder
{
    private enum LayerKind : byte
    {
        Field,
        MethodCall,
        Call,
        Macro,
        Await,
        Index,
        Try,
    }

    private struct ChainLayer
    {
        public LayerKind Kind;
        public int Name;
        public int Dot;
        public int Open;
        public int GenericStart;
        public int GenericEnd;
        public SyntaxNode? Node;
        public SyntaxNode? Container;
    }

    private struct Chain
    {
        public int Start;
        public int End;
        public bool IsPath;
        public int PathEnd;
        public int PathSegments;
        public int LastSegment;
        public int TurbofishStart;
        public int TurbofishEnd;
        public bool IsLiteral;
        public bool IsMacroRules;
        public int PrimaryOpen;
        public int LayerStart;
        public int LayerEnd;

        public readonly int LayerCount => LayerEnd - LayerStart;
    }

    private void AddLayer(LayerKind kind, int name, int dot, int open, int genericStart = -1, int genericEnd = -1)
    {
        if (_layerCount == _layers.Length)
        {
            Array.Resize(ref _layers, _layers.Length * 2);
        }

        _layers[_layerCount++] = new ChainLayer { Kind = kind, Name = name, Dot = dot, Open = open, GenericStart = genericStart, GenericEnd = genericEnd };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Chain WalkChain(int i, int end)
    {
        var chain = new Chain { Start = i, PathEnd = i, LastSegment = -1, TurbofishStart = -1, PrimaryOpen = -1, LayerStart = _layerCount };
        var p = i;
        var kind = K(p);
        if (kind == RustTokenKind.Lt)
        {
            // A qualified path: `<T as Trait>::method(…)`.
            p = SkipAngles(p, end);
            kind = K(p);
        }

        if (IsPathSegment(kind) || kind == RustTokenKind.ColonColon)
        {
            chain.IsPath = true;
            if (kind == RustTokenKind.ColonColon)
            {
                p++;
            }

            while (p < end && IsPathSegment(K(p)))
            {
                chain.PathSegments++;
                chain.LastSegment = p;
                p++;
                if (K(p) == RustTokenKind.ColonColon && p + 1 < end)
                {
                    if (K(p + 1) == RustTokenKind.Lt)
                    {
                        chain.TurbofishStart = p;
                        p = SkipAngles(p + 1, end);
                        chain.TurbofishEnd = p;
                        if (K(p) == RustTokenKind.ColonColon && IsPathSegment(K(p + 1)) && p + 1 < end)
                        {
                            p++;
                            continue;
                        }

                        break;
                    }

                    if (IsPathSegment(K(p + 1)))
                    {
                        p++;
                        continue;
                    }
                }

                break;
            }

            chain.PathEnd = p;
            if (chain.PathSegments == 0)
            {
                chain.End = p;
                chain.LayerEnd = _layerCount;
                return chain;
            }

            if (K(p) == RustTokenKind.Bang && chain.PathSegments == 1 && IsWordToken(chain.LastSegment, "macro_rules")
                && IsPathSegment(K(p + 1)) && IsOpen(K(p + 2)) && p + 2 < end)
            {
                // `macro_rules! name { … }`: rules are token patterns, not code.
                chain.IsMacroRules = true;
                chain.End = Close(p + 2) + 1;
                chain.LayerEnd = _layerCount;
                return chain;
            }

            if (K(p) == RustTokenKind.Bang && IsOpen(K(p + 1)) && p + 1 < end)
            {
                AddLayer(LayerKind.Macro, chain.LastSegment, -1, p + 1);
                p = Close(p + 1) + 1;
            }
            else if (K(p) == RustTokenKind.OpenParen && p < end)
            {
                AddLayer(LayerKind.Call, chain.LastSegment, -1, p);
                p = Close(p) + 1;
            }
            else if (K(p) == RustTokenKind.OpenBrace && p < end && char.IsUpper(TokenText(chain.LastSegment)[0]))
            {
                // `Point { x, y }`: a struct literal (headers of if/while/for/match never reach here with their block).
                chain.PrimaryOpen = p;
                p = Close(p) + 1;
            }
        }
        else if (IsLiteral(kind))
        {
            chain.IsLiteral = true;
            p++;
        }
        else if (kind is RustTokenKind.OpenParen or RustTokenKind.OpenBracket)
        {
            chain.PrimaryOpen = p;
            p = Close(p) + 1;
        }

        p = WalkPostfix(p, end);
        chain.End = Math.Max(p, i + 1);
        chain.LayerEnd = _layerCount;
        return chain;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WalkPostfix(int p, int end)
    {
        while (p < end)
        {
            CountWork();
            switch (_tokens[p].Kind)
            {
                case RustTokenKind.Dot:
                    var next = K(p + 1);
                    if (next == RustTokenKind.Await && p + 1 < end)
                    {
                        AddLayer(LayerKind.Await, p + 1, p, -1);
                        p += 2;
                        continue;
                    }

                    if ((IsPathSegment(next) || next == RustTokenKind.IntegerLiteral) && p + 1 < end)
                    {
                        var q = p + 2;
                        int genericStart = -1, genericEnd = -1;
                        if (K(q) == RustTokenKind.ColonColon && K(q + 1) == RustTokenKind.Lt && q + 1 < end)
                        {
                            genericStart = q;
                            q = SkipAngles(q + 1, end);
                            genericEnd = q;
                        }

                        if (K(q) == RustTokenKind.OpenParen && q < end)
                        {
                            AddLayer(LayerKind.MethodCall, p + 1, p, q, genericStart, genericEnd);
                            p = Close(q) + 1;
                            continue;
                        }

                        AddLayer(LayerKind.Field, p + 1, p, -1);
                        p = q;
                        continue;
                    }

                    return p;
                case RustTokenKind.OpenParen:
                    AddLayer(LayerKind.Call, -1, -1, p);
                    p = Close(p) + 1;
                    continue;
                case RustTokenKind.OpenBracket:
                    AddLayer(LayerKind.Index, -1, -1, p);
                    p = Close(p) + 1;
                    continue;
                case RustTokenKind.Question:
                    AddLayer(LayerKind.Try, -1, -1, -1);
                    p++;
                    continue;
                default:
                    return p;
            }
        }

        return p;
    }

    /// <summary>Walks the chain at <paramref name="i"/>, emits its nodes below <paramref name="parent"/>, and returns the index after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseChain(int i, int end, SyntaxNode parent)
    {
        var chain = WalkChain(i, end);
        if (chain.IsMacroRules)
        {
            return chain.End;
        }

        if (IsPureMemberAccess(chain) && K(chain.End) is RustTokenKind.EqEq or RustTokenKind.Ne && chain.End + 1 < end)
        {
            var right = WalkChain(chain.End + 1, end);
            if (IsPureMemberAccess(right))
            {
                var comparison = new ComparisonNode(SpanOf(chain.Start, right.End - 1))
                {
                    Operator = K(chain.End) == RustTokenKind.EqEq ? "==" : "!=",
                    LeftSpan = SpanOf(chain.Start, chain.End - 1),
                    RightSpan = SpanOf(right.Start, right.End - 1),
                    LeftShape = ExpressionShape.MemberAccess,
                    RightShape = ExpressionShape.MemberAccess,
                };
                Attach(parent, comparison);
                Attach(comparison, MakeMemberAccess(chain, chain.LayerCount));
                Attach(comparison, MakeMemberAccess(right, right.LayerCount));
                _layerCount = chain.LayerStart;
                return right.End;
            }

            _layerCount = right.LayerStart;
        }

        Emit(chain, parent);
        _layerCount = chain.LayerStart;
        return chain.End;
    }

    private bool IsPureMemberAccess(in Chain chain)
    {
        if (!chain.IsPath || chain.PathSegments != 1 || chain.TurbofishStart >= 0 || chain.LayerCount == 0 || chain.PrimaryOpen >= 0)
        {
            return false;
        }

        for (var k = chain.LayerStart; k < chain.LayerEnd; k++)
        {
            if (_layers[k].Kind != LayerKind.Field)
            {
                return false;
            }
        }

        return true;
    }

    private MemberAccessNode MakeMemberAccess(in Chain chain, int fields)
    {
        var segments = new string[fields + 1];
        segments[0] = _names.Intern(TokenText(chain.Start));
        for (var f = 0; f < fields; f++)
        {
            segments[f + 1] = _names.Intern(TokenText(_layers[chain.LayerStart + f].Name));
        }

        return new MemberAccessNode(SpanOf(chain.Start, _layers[chain.LayerStart + fields - 1].Name)) { Segments = segments };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(in Chain chain, SyntaxNode parent)
    {
        SyntaxNode container = parent;
        for (var k = chain.LayerEnd - 1; k >= chain.LayerStart; k--)
        {
            var layer = _layers[k];
            layer.Container = container;
            SyntaxNode? node = layer.Kind switch
            {
                LayerKind.Call or LayerKind.MethodCall => MakeCall(chain, k),
                LayerKind.Macro => MakeMacro(chain, k),
                LayerKind.Await => new AwaitNode(SpanOf(chain.Start, layer.Name)) { ExpressionSpan = SpanOf(chain.Start, layer.Dot - 1) },
                _ => null,
            };
            if (node is not null)
            {
                Attach(container, node);
                layer.Node = node;
                container = node;
            }

            _layers[k] = layer;
        }

        LinkReceivers(chain);

        var fields = 0;
        while (fields < chain.LayerCount && _layers[chain.LayerStart + fields].Kind == LayerKind.Field)
        {
            fields++;
        }

        if (chain.IsPath && chain.PathSegments == 1 && chain.PrimaryOpen < 0 && fields > 0
            && (fields == chain.LayerCount || _layers[chain.LayerStart + fields].Kind != LayerKind.MethodCall))
        {
            var host = fields == chain.LayerCount ? parent : HostOf(chain.LayerStart + fields);
            Attach(host, MakeMemberAccess(chain, fields));
        }

        if (chain.PrimaryOpen >= 0)
        {
            ScanGroup(chain.PrimaryOpen, chain.LayerCount == 0 ? parent : HostOf(chain.LayerStart), ScanMode.Expression);
        }

        for (var k = chain.LayerStart; k < chain.LayerEnd; k++)
        {
            var layer = _layers[k];
            switch (layer.Kind)
            {
                case LayerKind.Call or LayerKind.MethodCall:
                    ScanArguments(layer, (CallNode)layer.Node!);
                    break;
                case LayerKind.Macro:
                    // Brace-delimited macros (thread_local!, cfg_if!) usually hold items and statements.
                    ScanGroup(layer.Open, layer.Node!, _tokens[layer.Open].Kind == RustTokenKind.OpenBrace ? ScanMode.Block : ScanMode.Expression);
                    break;
                case LayerKind.Index:
                    ScanGroup(layer.Open, layer.Container!, ScanMode.Expression);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The innermost node that contains layer <paramref name="k"/>: its own node, or the one around it.</summary>
    private SyntaxNode HostOf(int k) => _layers[k].Node ?? _layers[k].Container!;

    private void LinkReceivers(in Chain chain)
    {
        for (var k = chain.LayerStart + 1; k < chain.LayerEnd; k++)
        {
            if (_layers[k].Kind != LayerKind.MethodCall)
            {
                continue;
            }

            var j = k - 1;
            while (j > chain.LayerStart && _layers[j].Kind == LayerKind.Try)
            {
                j--;
            }

            if (_layers[j].Node is CallNode receiver)
            {
                ((CallNode)_layers[k].Node!).ReceiverCall = receiver;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanArguments(in ChainLayer layer, CallNode call)
    {
        var close = Close(layer.Open);
        if (layer.Kind != LayerKind.MethodCall || !RustIteratorAdapters.IsAdapter(TokenText(layer.Name)))
        {
            Scan(layer.Open + 1, close, call, ScanMode.Expression);
            return;
        }

        // A closure passed straight to an iterator adapter runs once per item: wrap it in a loop.
        var start = layer.Open + 1;
        while (start < close)
        {
            var comma = FindTopLevel(start, close, RustTokenKind.Comma);
            if (StartsClosure(start))
            {
                var loop = new LoopNode(SpanOf(start, comma - 1)) { LoopKind = LoopKind.IteratorClosure, Adapter = call.Name };
                Attach(call, loop);
                Scan(start, comma, loop, ScanMode.Expression);
            }
            else
            {
                Scan(start, comma, call, ScanMode.Expression);
            }

            start = comma + 1;
        }
    }
}
