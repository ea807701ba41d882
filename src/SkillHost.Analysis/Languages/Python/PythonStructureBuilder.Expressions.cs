using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// Expressions, scanned flat: one left-to-right walk over a token range that creates a node where a
/// construct starts and walks on into its brackets. Call chains nest outward: in <c>open(p).read()</c> the
/// <c>read</c> call's span starts at <c>open</c>, so the <c>open</c> call is its descendant and its ReceiverCall.
/// </summary>
internal sealed partial class PythonStructureBuilder
{
    private readonly List<SyntaxNode> _chainNodes = [];

    private void ScanRange(int lo, int hi, bool target = false)
    {
        for (var i = lo; i < hi; i++)
        {
            switch (_tok[i].Kind)
            {
                case K.Name:
                    if (i == lo || _tok[i - 1].Kind != K.Dot)
                    {
                        ScanChain(i, lo, hi, target);
                    }

                    break;
                case K.StringLiteral or K.FStringStart or K.TStringStart:
                    if (i == lo || _tok[i - 1].Kind is not (K.StringLiteral or K.FStringEnd or K.TStringEnd))
                    {
                        ScanChain(i, lo, hi, target);
                    }

                    break;
                case K.LeftParen:
                    if (!IsTrailer(i, lo))
                    {
                        // The chain first: its calls contain the atom and so come before it.
                        ScanChain(i, lo, hi, target);
                        if ((_flags[i] & HasFor) != 0)
                        {
                            Comprehension(i, hi, ComprehensionKind.Generator);
                        }
                    }
                    else if ((_flags[i] & HasFor) != 0)
                    {
                        Comprehension(i, hi, ComprehensionKind.Generator); // a generator expression as the sole argument
                    }

                    break;
                case K.LeftBracket:
                    if (!IsTrailer(i, lo))
                    {
                        ScanChain(i, lo, hi, target);
                        if ((_flags[i] & HasFor) != 0)
                        {
                            Comprehension(i, hi, ComprehensionKind.List);
                        }
                        else
                        {
                            CollectionLiteral(i, hi, ExpressionShape.ListLiteral);
                        }
                    }

                    break;
                case K.LeftBrace:
                    ScanChain(i, lo, hi, target);
                    if ((_flags[i] & HasFor) != 0)
                    {
                        Comprehension(i, hi, (_flags[i] & HasColon) != 0 ? ComprehensionKind.Dict : ComprehensionKind.Set);
                    }
                    else
                    {
                        CollectionLiteral(i, hi, IsDictDisplay(i) ? ExpressionShape.DictLiteral : ExpressionShape.SetLiteral);
                    }

                    break;
                case K.ForKeyword:
                    i = SkipForTarget(i, hi);
                    break;
                case K.InKeyword:
                    Comparison(i, i, "in", lo, hi, onlyMemberAccess: false);
                    break;
                case K.NotKeyword when i + 1 < hi && _tok[i + 1].Kind == K.InKeyword:
                    Comparison(i, i + 1, "not in", lo, hi, onlyMemberAccess: false);
                    i++;
                    break;
                case K.EqualEqual:
                    Comparison(i, i, "==", lo, hi, onlyMemberAccess: true);
                    break;
                case K.NotEqual:
                    Comparison(i, i, "!=", lo, hi, onlyMemberAccess: true);
                    break;
                case K.ColonEqual:
                    Walrus(i, lo, hi);
                    break;
                case K.LambdaKeyword:
                    i = Lambda(i, hi);
                    break;
                case K.AwaitKeyword:
                    Await(i, hi);
                    break;
                case K.YieldKeyword:
                    MarkGenerator();
                    break;
                default:
                    break;
            }
        }
    }

    private bool IsTrailer(int i, int lo) =>
        i > lo && _tok[i - 1].Kind is K.Name or K.RightParen or K.RightBracket or K.StringLiteral or K.FStringEnd or K.TStringEnd;

    private bool IsDictDisplay(int open) =>
        _match[open] == open + 1 || (_flags[open] & HasColon) != 0 || (open + 1 < _n && _tok[open + 1].Kind == K.DoubleStar);

    private static bool IsNameLike(PythonTokenKind kind) => kind == K.Name || kind >= K.FalseKeyword;

    /// <summary>What the flat walk knows about a primary expression (atom and trailers) so far.</summary>
    private struct ChainState
    {
        public int Start;

        /// <summary>Only names and dots so far (<c>self.cache.get</c>).</summary>
        public bool Pure;
        public int Segments;
        public int LastName;

        /// <summary>The first dot after the last bracketed trailer (<c>….read</c>), or -1.</summary>
        public int TailStart;
        public int LastCallClose;
    }

    /// <summary>
    /// A primary and its trailers. Its calls share its start and the last one is outermost, so the nodes
    /// are made in one walk and then added from the back (the outermost first, as document order wants).
    /// </summary>
    private void ScanChain(int start, int lo, int hi, bool target)
    {
        var produced = _chainNodes;
        var mark = produced.Count;
        WalkChain(start, lo, hi, target, produced);
        for (var k = produced.Count - 1; k >= mark; k--)
        {
            AddNode(produced[k]);
        }

        produced.RemoveRange(mark, produced.Count - mark);
    }

    /// <summary>Walks the trailers and appends the nodes they make (calls, member accesses) to <paramref name="produced"/>, innermost first.</summary>
    private void WalkChain(int start, int lo, int hi, bool target, List<SyntaxNode> produced)
    {
        var isName = _tok[start].Kind == K.Name;
        var state = new ChainState { Start = start, Pure = isName, Segments = isName ? 1 : 0, LastName = isName ? start : -1, TailStart = -1, LastCallClose = -1 };
        var p = AtomEnd(start, hi);
        CallNode? lastCall = null;
        while (p < hi)
        {
            var kind = _tok[p].Kind;
            if (kind == K.Dot && p + 1 < hi && IsNameLike(_tok[p + 1].Kind))
            {
                if (!state.Pure && state.TailStart < 0)
                {
                    state.TailStart = p;
                }

                state.Segments++;
                state.LastName = p + 1;
                p += 2;
            }
            else if (kind == K.LeftParen)
            {
                var close = ContentEnd(p, hi);
                var info = CalleeOf(ref state, p);
                var call = new CallNode(SpanOf(start, close < hi ? close + 1 : hi))
                {
                    Callee = info.Callee,
                    Name = info.Name,
                    CalleeSpan = SpanOf(start, p),
                    IsMethodCall = info.IsMethod,
                    ReceiverSpan = info.Receiver,
                    Arguments = Arguments(p, close),
                };
                if (info.ReceiverIsCall)
                {
                    call.ReceiverCall = lastCall;
                }

                produced.Add(call);
                lastCall = call;
                state.Pure = false;
                state.TailStart = -1;
                state.LastCallClose = close;
                p = close < hi ? close + 1 : hi;
            }
            else if (kind == K.LeftBracket)
            {
                if (state.Pure && state.Segments >= 2)
                {
                    produced.Add(NewMemberAccess(start, p));
                }

                state.Pure = false;
                state.TailStart = -1;
                state.LastCallClose = -1;
                lastCall = null;

                // A subscript that never closes runs to the end of the range, like an unclosed call: stepping into it would
                // read its opening brackets as this chain's trailers, once per chain inside (quadratic on `x[[[[…`).
                p = _match[p] < 0 ? hi : After(p, hi);
            }
            else
            {
                break;
            }
        }

        if (state.Pure && state.Segments >= 2 && !(target && IsTargetPosition(start, lo)))
        {
            produced.Add(NewMemberAccess(start, p));
        }
    }

    /// <summary>In an assignment target, a chain that is itself assigned to (<c>self.x = …</c>) is not a read.</summary>
    private bool IsTargetPosition(int start, int lo) =>
        start == lo || _tok[start - 1].Kind is K.Comma or K.Star or K.LeftParen || (_tok[start - 1].Kind == K.LeftBracket && !IsTrailer(start - 1, lo));

    private int AtomEnd(int start, int hi) => _tok[start].Kind switch
    {
        K.StringLiteral or K.FStringStart or K.TStringStart => StringGroupEnd(start, hi),
        K.LeftParen or K.LeftBracket or K.LeftBrace => After(start, hi),
        _ => start + 1,
    };

    private int StringGroupEnd(int a, int hi)
    {
        while (a < hi)
        {
            var kind = _tok[a].Kind;
            if (kind == K.StringLiteral)
            {
                a++;
            }
            else if (kind is K.FStringStart or K.TStringStart)
            {
                a = After(a, hi);
            }
            else
            {
                break;
            }
        }

        return a;
    }

    private readonly record struct CalleeInfo(string Callee, string Name, bool IsMethod, TextSpan? Receiver, bool ReceiverIsCall);

    private CalleeInfo CalleeOf(ref ChainState state, int open)
    {
        if (state.Pure)
        {
            var isMethod = state.Segments >= 2;
            var callee = ChainText(state.Start, state.LastName);
            return new CalleeInfo(
                callee,
                isMethod ? NameOf(state.LastName) : callee,
                isMethod,
                isMethod ? SpanOf(state.Start, state.LastName - 1) : null,
                ReceiverIsCall: false);
        }

        if (state.LastName == open - 1 && state.TailStart >= 0)
        {
            return new CalleeInfo(
                ChainText(state.TailStart, state.LastName, "…"),
                NameOf(state.LastName),
                IsMethod: true,
                SpanOf(state.Start, state.LastName - 1),
                ReceiverIsCall: state.TailStart == state.LastName - 1 && state.LastCallClose == state.TailStart - 1);
        }

        return new CalleeInfo("…", "", IsMethod: false, null, ReceiverIsCall: false);
    }

    /// <summary>The callee of the call whose argument list opens at <paramref name="open"/>, for a chain starting at <paramref name="start"/>.</summary>
    private CalleeInfo CalleeOf(int start, int open)
    {
        var isName = _tok[start].Kind == K.Name;
        var state = new ChainState { Start = start, Pure = isName, Segments = isName ? 1 : 0, LastName = isName ? start : -1, TailStart = -1, LastCallClose = -1 };
        for (var p = AtomEnd(start, open); p < open;)
        {
            if (_tok[p].Kind == K.Dot && p + 1 < open)
            {
                if (!state.Pure && state.TailStart < 0)
                {
                    state.TailStart = p;
                }

                state.Segments++;
                state.LastName = p + 1;
                p += 2;
                continue;
            }

            if (_tok[p].Kind == K.LeftParen)
            {
                state.LastCallClose = ContentEnd(p, open);
            }

            state.Pure = false;
            state.TailStart = -1;
            p = After(p, open);
        }

        return CalleeOf(ref state, open);
    }

    private MemberAccessNode NewMemberAccess(int start, int end)
    {
        var segments = new string[(end - start + 1) / 2];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = NameOf(start + 2 * i);
        }

        return new MemberAccessNode(SpanOf(start, end)) { Segments = segments };
    }

    private Argument[] Arguments(int open, int close)
    {
        if (close <= open + 1)
        {
            return [];
        }

        if ((_flags[open] & HasFor) != 0)
        {
            return [new Argument(SpanOf(open + 1, close), null, ExpressionShape.GeneratorExpression)];
        }

        // A call that never closes runs to the end of its statement, and so does every unclosed call inside it: shaping
        // each one's arguments would rescan the same tail once per bracket (quadratic on `f(((((…`). Broken code: one
        // argument of unknown shape.
        if (_match[open] < 0)
        {
            return [new Argument(SpanOf(open + 1, close), null, ExpressionShape.Other)];
        }

        var arguments = _scratchArguments;
        arguments.Clear();
        var a = open + 1;
        var j = a;
        while (true)
        {
            if (j >= close || _tok[j].Kind == K.Comma)
            {
                if (j > a)
                {
                    arguments.Add(ArgumentOf(a, j));
                }

                if (j >= close)
                {
                    break;
                }

                a = j + 1;
                j = a;
                continue;
            }

            j = Next(j, close);
        }

        return [.. arguments];
    }

    private Argument ArgumentOf(int a, int b)
    {
        var kind = _tok[a].Kind;
        if (kind is K.Star or K.DoubleStar)
        {
            return new Argument(SpanOf(a, b), null, ShapeOf(a + 1, b, out _, out _), IsUnpacked: true);
        }

        if (kind == K.Name && a + 2 < b && _tok[a + 1].Kind == K.Equal)
        {
            return new Argument(SpanOf(a, b), NameOf(a), ShapeOf(a + 2, b, out _, out _));
        }

        return new Argument(SpanOf(a, b), null, ShapeOf(a, b, out _, out _));
    }
}
