using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>How a token range is read: as statements and items, as an impl/trait body, or as an expression.</summary>
internal enum ScanMode
{
    Block,

    /// <summary>An impl or trait body: functions are methods.</summary>
    Members,
    Expression,
}

/// <summary>Statements and control flow: let, assignments, loops, if, match, closures.</summary>
internal sealed partial class RustStructureBuilder
{
    /// <summary>Visits tokens [start, end) and adds what it finds below <paramref name="parent"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(int start, int end, SyntaxNode parent, ScanMode mode)
    {
        if (!EnterNesting(start))
        {
            return;
        }

        var statements = mode != ScanMode.Expression;
        var atStatement = statements;
        List<AttributeInfo>? attributes = null;
        var attributesStart = -1;
        var i = start;
        while (i < end)
        {
            CountWork();
            var kind = _tokens[i].Kind;
            if (atStatement)
            {
                if (kind == RustTokenKind.Pound && K(i + 1) is RustTokenKind.OpenBracket)
                {
                    attributes ??= [];
                    attributesStart = attributes.Count == 0 ? i : attributesStart;
                    i = ParseAttribute(i, attributes);
                    continue;
                }

                var afterItem = TryParseItem(i, end, parent, attributes, attributesStart, mode == ScanMode.Members);
                attributes = null;
                if (afterItem > i)
                {
                    i = afterItem;
                    continue;
                }

                if (kind == RustTokenKind.Let)
                {
                    i = ParseLet(i, end, parent);
                    continue;
                }

                var op = FindAssignmentOperator(i, end);
                if (op >= 0)
                {
                    i = ParseAssignment(i, op, end, parent);
                    continue;
                }
            }

            atStatement = false;
            switch (kind)
            {
                case RustTokenKind.Semicolon:
                    atStatement = statements;
                    i++;
                    break;
                case RustTokenKind.Pound:
                    i = K(i + 1) == RustTokenKind.OpenBracket ? Close(i + 1) + 1
                        : K(i + 1) == RustTokenKind.Bang && K(i + 2) == RustTokenKind.OpenBracket ? Close(i + 2) + 1 : i + 1;
                    atStatement = statements;
                    break;
                case RustTokenKind.Let:
                    // `if let` / `while let` / let chains: the pattern binds, it is not code.
                    i = FindTopLevel(i + 1, end, RustTokenKind.Eq) + 1;
                    break;
                case RustTokenKind.For or RustTokenKind.While or RustTokenKind.Loop:
                    i = ParseLoop(i, i, end, parent);
                    atStatement = statements;
                    break;
                case RustTokenKind.Lifetime when K(i + 1) == RustTokenKind.Colon:
                    i = K(i + 2) is RustTokenKind.For or RustTokenKind.While or RustTokenKind.Loop ? ParseLoop(i, i + 2, end, parent) : i + 2;
                    atStatement = statements;
                    break;
                case RustTokenKind.If:
                    i = ParseIf(i, end, parent);
                    atStatement = statements;
                    break;
                case RustTokenKind.Match:
                    i = ParseMatch(i, end, parent);
                    atStatement = statements;
                    break;
                case RustTokenKind.OpenBrace:
                    ScanGroup(i, parent, ScanMode.Block);
                    i = Close(i) + 1;
                    if (K(i) == RustTokenKind.Dot && i < end)
                    {
                        i = ParseChain(i, end, parent);
                    }

                    atStatement = statements;
                    break;
                case RustTokenKind.Async or RustTokenKind.Move or RustTokenKind.Or or RustTokenKind.OrOr
                    when StartsClosure(i) && (kind is RustTokenKind.Async or RustTokenKind.Move || i == start || !EndsOperand(K(i - 1))):
                    i = ParseClosure(i, end, parent);
                    break;
                case RustTokenKind.Lt when (i == start || !EndsOperand(K(i - 1))) && K(SkipAngles(i, end)) == RustTokenKind.ColonColon:
                    i = ParseChain(i, end, parent);
                    break;
                default:
                    i = kind == RustTokenKind.Dot || IsPrimaryStart(kind) ? ParseChain(i, end, parent) : i + 1;

                    // `name! { … }` and `macro_rules! m { … }` end a statement without a semicolon.
                    atStatement = statements && K(i - 1) == RustTokenKind.CloseBrace && kind != RustTokenKind.Dot;
                    break;
            }
        }

        _nesting--;
    }

    private void ScanGroup(int open, SyntaxNode parent, ScanMode mode) => Scan(open + 1, Close(open), parent, mode);

    private static bool IsPrimaryStart(RustTokenKind kind) => IsPathSegment(kind) || IsLiteral(kind)
        || kind is RustTokenKind.ColonColon or RustTokenKind.OpenParen or RustTokenKind.OpenBracket;

    /// <summary>A top-level <c>=</c> or compound assignment in the statement starting at <paramref name="start"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindAssignmentOperator(int start, int end)
    {
        end = Math.Min(end, start + MaxHeaderSteps);
        for (var i = start; i < end; i = Step(i, start, end))
        {
            switch (_tokens[i].Kind)
            {
                case RustTokenKind.Eq or RustTokenKind.PlusEq or RustTokenKind.MinusEq or RustTokenKind.StarEq or RustTokenKind.SlashEq
                    or RustTokenKind.PercentEq or RustTokenKind.CaretEq or RustTokenKind.AndEq or RustTokenKind.OrEq
                    or RustTokenKind.ShlEq or RustTokenKind.ShrEq:
                    return i > start ? i : -1;
                case RustTokenKind.Semicolon or RustTokenKind.OpenBrace or RustTokenKind.FatArrow or RustTokenKind.Comma
                    or RustTokenKind.Let or RustTokenKind.If or RustTokenKind.Match or RustTokenKind.While or RustTokenKind.For
                    or RustTokenKind.Loop or RustTokenKind.Return or RustTokenKind.Break or RustTokenKind.Fn
                    or RustTokenKind.Or or RustTokenKind.OrOr or RustTokenKind.Move or RustTokenKind.Async or RustTokenKind.Pound
                    or RustTokenKind.Dollar or RustTokenKind.Lt or RustTokenKind.Unsafe:
                    return -1;
                default:
                    break;
            }
        }

        return -1;
    }

    private int ParseAssignment(int start, int op, int end, SyntaxNode parent)
    {
        var statementEnd = FindTopLevel(op + 1, end, RustTokenKind.Semicolon);
        var (shape, callee) = Classify(op + 1, statementEnd, wantCallee: true);
        var node = new AssignmentNode(SpanOf(start, statementEnd - 1))
        {
            Targets = [AssembleWithoutSpaces(start, op)],
            Operator = _names.Intern(TokenText(op)),
            ValueSpan = SpanOf(op + 1, statementEnd - 1),
            ValueShape = shape,
            ValueCallee = callee,
        };
        Attach(parent, node);
        Scan(start, op, node, ScanMode.Expression);
        Scan(op + 1, statementEnd, node, ScanMode.Expression);
        return statementEnd;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseLet(int let, int end, SyntaxNode parent)
    {
        var patternEnd = FindInType(let + 1, end, RustTokenKind.Colon, RustTokenKind.Eq, RustTokenKind.Semicolon);
        var typeEnd = patternEnd;
        string? type = null;
        if (K(patternEnd) == RustTokenKind.Colon)
        {
            typeEnd = FindInType(patternEnd + 1, end, RustTokenKind.Eq, RustTokenKind.Semicolon);
            type = TextOf(patternEnd + 1, typeEnd);
        }

        var statementEnd = FindTopLevel(typeEnd, end, RustTokenKind.Semicolon);
        var valueStart = K(typeEnd) == RustTokenKind.Eq ? typeEnd + 1 : -1;
        var valueEnd = statementEnd;
        var elseBlock = -1;
        if (valueStart >= 0 && K(valueStart) != RustTokenKind.If)
        {
            // `let Some(x) = opt else { … };` — a top-level else not preceded by an if belongs to the let.
            var elseAt = FindTopLevel(valueStart, statementEnd, RustTokenKind.Else);
            if (elseAt < statementEnd && FindTopLevel(valueStart, elseAt, RustTokenKind.If) == elseAt)
            {
                valueEnd = elseAt;
                elseBlock = K(elseAt + 1) == RustTokenKind.OpenBrace ? elseAt + 1 : -1;
            }
        }

        var (shape, callee) = valueStart >= 0 ? Classify(valueStart, valueEnd, wantCallee: true) : (ExpressionShape.Other, null);
        var node = new AssignmentNode(SpanOf(let, statementEnd - 1))
        {
            Targets = PatternBindings(let + 1, patternEnd, out var mutable),
            Operator = "let",
            IsMutable = mutable,
            TypeAnnotation = type,
            ValueSpan = valueStart >= 0 ? SpanOf(valueStart, valueEnd - 1) : null,
            ValueShape = shape,
            ValueCallee = callee,
        };
        Attach(parent, node);
        if (valueStart >= 0)
        {
            Scan(valueStart, valueEnd, node, ScanMode.Expression);
        }

        if (elseBlock >= 0 && elseBlock < statementEnd)
        {
            ScanGroup(elseBlock, node, ScanMode.Block);
        }

        return statementEnd;
    }

    /// <summary>The names a pattern binds: lower-case identifiers that are not paths, calls, struct names or field labels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string[] PatternBindings(int start, int end, out bool mutable)
    {
        var names = _nameScratch;
        names.Clear();
        mutable = false;
        for (var i = start; i < end; i++)
        {
            var kind = _tokens[i].Kind;
            if (kind == RustTokenKind.Mut)
            {
                mutable = true;
                continue;
            }

            if (kind is not (RustTokenKind.Identifier or RustTokenKind.RawIdentifier or RustTokenKind.SelfValue))
            {
                continue;
            }

            var next = K(i + 1);
            if (next is RustTokenKind.OpenParen or RustTokenKind.OpenBrace or RustTokenKind.ColonColon or RustTokenKind.Bang
                || (next == RustTokenKind.Colon && i + 1 < end)
                || K(i - 1) == RustTokenKind.ColonColon || char.IsUpper(TokenText(i)[0]))
            {
                continue;
            }

            names.Add(_names.Intern(TokenText(i)));
        }

        return [.. names];
    }

    private int ParseLoop(int start, int keyword, int end, SyntaxNode parent)
    {
        var kind = _tokens[keyword].Kind;
        int body;
        string? target = null;
        TextSpan? iterable = null;
        var headerStart = keyword + 1;
        var inAt = -1;
        if (kind == RustTokenKind.For)
        {
            if (K(keyword + 1) == RustTokenKind.Lt)
            {
                return keyword + 1; // `for<'a>` in a type, not a loop
            }

            inAt = FindTopLevel(keyword + 1, end, RustTokenKind.In);
            if (inAt >= end)
            {
                return keyword + 1;
            }

            target = TextOf(keyword + 1, inAt);
            headerStart = inAt + 1;
        }

        body = kind == RustTokenKind.Loop ? keyword + 1 : FindBlock(PastLetPattern(headerStart, end), end);
        if (K(body) != RustTokenKind.OpenBrace || body >= end)
        {
            return keyword + 1;
        }

        if (kind == RustTokenKind.For)
        {
            iterable = SpanOf(headerStart, body - 1);
        }

        var loop = new LoopNode(SpanOf(start, Close(body)))
        {
            LoopKind = kind switch
            {
                RustTokenKind.For => LoopKind.For,
                RustTokenKind.While => LoopKind.While,
                _ => LoopKind.Loop,
            },
            Target = target,
            IterableSpan = iterable,
        };
        Attach(parent, loop);
        Scan(headerStart, body, loop, ScanMode.Expression);
        ScanGroup(body, loop, ScanMode.Block);
        return Close(body) + 1;
    }

    /// <summary>For <c>if let Point { x, y } = p {</c>: where the block search may start, past the pattern's own braces.</summary>
    private int PastLetPattern(int start, int end) =>
        K(start) == RustTokenKind.Let ? Math.Min(FindTopLevel(start + 1, end, RustTokenKind.Eq) + 1, end) : start;

    private int ParseIf(int keyword, int end, SyntaxNode parent)
    {
        var body = FindBlock(PastLetPattern(keyword + 1, end), end);
        if (body >= end)
        {
            return keyword + 1;
        }

        var close = Close(body);
        var node = new ConditionalNode(SpanOf(keyword, close))
        {
            ConditionSpan = SpanOf(keyword + 1, body - 1),
            BodySpan = InnerSpan(body),
        };
        Attach(parent, node);
        Scan(keyword + 1, body, node, ScanMode.Expression);
        ScanGroup(body, node, ScanMode.Block);
        return close + 1;
    }

    private int ParseClosure(int start, int end, SyntaxNode parent)
    {
        var i = start;
        var isAsync = K(i) == RustTokenKind.Async;
        if (isAsync)
        {
            i++;
        }

        var isMove = K(i) == RustTokenKind.Move;
        if (isMove)
        {
            i++;
        }

        if (K(i) == RustTokenKind.OpenBrace)
        {
            // `async { }` / `async move { }`: an async closure without parameters.
            var close = Close(i);
            var block = new ClosureNode(SpanOf(start, close)) { IsAsync = true, IsMove = isMove, BodySpan = InnerSpan(i) };
            Attach(parent, block);
            ScanGroup(i, block, ScanMode.Block);
            return close + 1;
        }

        var parameters = _parameterScratch;
        parameters.Clear();
        if (K(i) == RustTokenKind.OrOr)
        {
            i++;
        }
        else
        {
            var paramsEnd = SkipClosureParameters(i, end);
            ParseParameterList(i + 1, paramsEnd - 1, parameters, closure: true);
            i = paramsEnd;
        }

        int bodyEnd;
        if (K(i) == RustTokenKind.Arrow)
        {
            var brace = FindInType(i + 1, end, RustTokenKind.OpenBrace);
            i = brace;
            bodyEnd = brace < end ? Close(brace) + 1 : end;
        }
        else
        {
            bodyEnd = FindExpressionEnd(i, end);
        }

        bodyEnd = Math.Min(bodyEnd, end);
        var node = new ClosureNode(SpanOf(start, bodyEnd - 1))
        {
            IsAsync = isAsync,
            IsMove = isMove,
            Parameters = [.. parameters],
            BodySpan = SpanOf(i, bodyEnd - 1),
        };
        Attach(parent, node);
        Scan(i, bodyEnd, node, ScanMode.Block);
        return bodyEnd;
    }

    /// <summary>Inside the brackets; for an empty <c>{}</c> the brackets themselves, so that an empty body still counts as a body.</summary>
    private TextSpan InnerSpan(int open)
    {
        var close = Close(open);
        var innerEnd = close < _count ? _tokens[close].Start : _text.Length;
        return innerEnd > _tokens[open].End || close >= _count
            ? TextSpan.FromBounds(_tokens[open].End, innerEnd)
            : TextSpan.FromBounds(_tokens[open].Start, _tokens[close].End);
    }
}
