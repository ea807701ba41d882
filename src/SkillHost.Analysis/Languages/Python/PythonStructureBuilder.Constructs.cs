using System.Buffers;
using SkillHost.Analysis.Syntax;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Comprehensions, displays, lambdas, awaits, walrus and comparisons found by the flat scan.</summary>
internal sealed partial class PythonStructureBuilder
{
    /// <summary>One LoopNode per <c>for</c> clause, each spanning the whole comprehension (outer clause first).</summary>
    private void Comprehension(int open, int hi, ComprehensionKind kind)
    {
        var close = ContentEnd(open, hi);
        var span = SpanOf(open, close < hi ? close + 1 : hi);
        // Only the `for` clauses at this comprehension's own level: with brackets that are never closed, a nested group
        // cannot be skipped as a whole, and taking its clauses too gave n(n+1)/2 loops for n nested comprehensions.
        var depth = 0;
        for (var j = open + 1; j < close; j++)
        {
            var token = _tok[j].Kind;
            if (IsOpener(token))
            {
                depth++;
                continue;
            }

            if (IsCloser(token))
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (token != K.ForKeyword || depth > 0)
            {
                continue;
            }

            var isAsync = j - 1 > open && _tok[j - 1].Kind == K.AsyncKeyword;
            var inIndex = j + 1;
            while (inIndex < close && _tok[inIndex].Kind != K.InKeyword)
            {
                inIndex = Next(inIndex, close);
            }

            var iterableEnd = Math.Min(inIndex + 1, close);
            while (iterableEnd < close && _tok[iterableEnd].Kind is not (K.ForKeyword or K.IfKeyword or K.AsyncKeyword))
            {
                iterableEnd = Next(iterableEnd, close);
            }

            AddNode(new LoopNode(span)
            {
                LoopKind = LoopKind.Comprehension,
                Comprehension = kind,
                IsAsync = isAsync,
                Target = inIndex > j + 1 ? TextOf(j + 1, inIndex) : null,
                IterableSpan = iterableEnd > inIndex + 1 ? SpanOf(inIndex + 1, iterableEnd) : null,
            });

            // Go on after the clause's iterable (each token is passed once: `for for for …` stays linear), keeping the depth.
            var next = Math.Max(iterableEnd, j + 1);
            for (var k = j + 1; k < next; k++)
            {
                depth = IsOpener(_tok[k].Kind) ? depth + 1 : IsCloser(_tok[k].Kind) ? Math.Max(0, depth - 1) : depth;
            }

            j = next - 1;
        }
    }

    private void CollectionLiteral(int open, int hi, ExpressionShape shape)
    {
        var close = ContentEnd(open, hi);
        AddNode(new CollectionLiteralNode(SpanOf(open, close < hi ? close + 1 : hi)) { Shape = shape, IsEmpty = close == open + 1 });
    }

    /// <summary>A comprehension's <c>for target in</c>: the target binds, it is not read; returns the index of <c>in</c>.</summary>
    private int SkipForTarget(int i, int hi)
    {
        var j = i + 1;
        while (j < hi && _tok[j].Kind != K.InKeyword && !IsCloser(_tok[j].Kind))
        {
            j = Next(j, hi);
        }

        return j < hi && _tok[j].Kind == K.InKeyword ? j : j - 1;
    }

    private static bool IsOperand(PythonTokenKind kind) => TokenClasses.IsOperand(kind);

    /// <summary>Start of the comparison operand ending at <paramref name="j"/>: operators binding tighter than comparisons are walked over.</summary>
    private int OperandStart(int j, int lo)
    {
        while (j >= lo)
        {
            var kind = _tok[j].Kind;
            if (IsCloser(kind))
            {
                var open = _match[j];
                if (open < lo)
                {
                    break;
                }

                j = open - 1;
            }
            else if (IsOperand(kind))
            {
                j--;
            }
            else
            {
                break;
            }
        }

        return j + 1;
    }

    private int OperandEnd(int j, int hi)
    {
        while (j < hi)
        {
            var kind = _tok[j].Kind;
            if (IsOpener(kind))
            {
                j = After(j, hi);
            }
            else if (IsOperand(kind))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    private void Comparison(int opFirst, int opLast, string op, int lo, int hi, bool onlyMemberAccess)
    {
        var left = OperandStart(opFirst - 1, lo);
        var right = OperandEnd(opLast + 1, hi);
        if (left >= opFirst || right <= opLast + 1)
        {
            return;
        }

        var leftShape = ShapeOf(left, opFirst, out _, out _);
        var rightShape = ShapeOf(opLast + 1, right, out _, out _);
        if (onlyMemberAccess && (leftShape != ExpressionShape.MemberAccess || rightShape != ExpressionShape.MemberAccess))
        {
            return;
        }

        AddBefore(new ComparisonNode(SpanOf(left, right))
        {
            Operator = op,
            LeftSpan = SpanOf(left, opFirst),
            RightSpan = SpanOf(opLast + 1, right),
            LeftShape = leftShape,
            RightShape = rightShape,
        });
    }

    /// <summary>
    /// Where an expression that may contain anything but a top-level comma ends (lambda bodies, walrus
    /// values). Results are remembered per step so that nested lambdas (<c>lambda: lambda: …</c>) stay linear.
    /// </summary>
    private int ExpressionEnd(int j, int hi)
    {
        if (_expressionEnds is null)
        {
            _expressionEnds = ArrayPool<int>.Shared.Rent(_n + 1);
            Array.Clear(_expressionEnds, 0, _n + 1);
        }

        int end;
        var k = j;
        while (true)
        {
            if (k >= hi)
            {
                end = hi;
                break;
            }

            if (_expressionEnds[k] > 0)
            {
                end = Math.Min(_expressionEnds[k] - 1, hi);
                break;
            }

            var kind = _tok[k].Kind;
            if (kind is K.Comma or K.ForKeyword || IsCloser(kind) || (kind == K.AsyncKeyword && k + 1 < hi && _tok[k + 1].Kind == K.ForKeyword))
            {
                end = k;
                break;
            }

            k = Next(k, hi);
        }

        for (var step = j; step < end && _expressionEnds[step] == 0; step = Next(step, hi))
        {
            _expressionEnds[step] = end + 1;
        }

        return end;
    }

    private void Walrus(int i, int lo, int hi)
    {
        if (i - 1 < lo || _tok[i - 1].Kind != K.Name)
        {
            return;
        }

        var end = ExpressionEnd(i + 1, hi);
        var shape = ShapeOf(i + 1, end, out var callOpen, out var chainStart);
        AddNode(new AssignmentNode(SpanOf(i - 1, end))
        {
            Targets = [NameOf(i - 1)],
            Operator = ":=",
            ValueSpan = SpanOf(i + 1, end),
            ValueShape = shape,
            ValueCallee = shape == ExpressionShape.Call && callOpen > 0 ? CalleeOf(chainStart, callOpen).Callee : null,
        });
    }

    /// <summary>A lambda: its parameters end at the first top-level colon; returns that colon so the scan goes on in the body.</summary>
    private int Lambda(int i, int hi)
    {
        var colon = i + 1;
        while (colon < hi && _tok[colon].Kind != K.Colon && !IsCloser(_tok[colon].Kind))
        {
            colon = Next(colon, hi);
        }

        if (colon >= hi || _tok[colon].Kind != K.Colon)
        {
            return i;
        }

        var slot = Reserve();
        var parameters = Parameters(i + 1, colon, isMethod: false);
        var end = ExpressionEnd(colon + 1, hi);
        Fill(slot, new ClosureNode(SpanOf(i, Math.Max(end, colon + 1))) { Parameters = parameters, BodySpan = SpanOf(colon + 1, end) });
        return colon;
    }

    private void Await(int i, int hi)
    {
        if (i + 1 >= hi)
        {
            return;
        }

        var end = PrimaryEnd(i + 1, hi, out _, out _);
        if (end > i + 1)
        {
            AddNode(new AwaitNode(SpanOf(i, end)) { ExpressionSpan = SpanOf(i + 1, end) });
        }
    }
}
