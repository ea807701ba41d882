using System.Runtime.CompilerServices;
namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Moving over token ranges at top level: groups, turbofish generics and closure parameter lists are stepped over whole.</summary>
internal sealed partial class RustStructureBuilder
{
    /// <summary>
    /// The index after the top-level unit at <paramref name="i"/>: a whole bracket group, a whole
    /// turbofish (<c>::&lt;A, B&gt;</c>), a whole closure parameter list (<c>|a, b|</c>), or one token.
    /// Commas inside those are not top-level separators.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Step(int i, int start, int end)
    {
        CountWork();
        var kind = _tokens[i].Kind;
        if (IsOpen(kind))
        {
            return Close(i) + 1;
        }

        if (kind == RustTokenKind.ColonColon && K(i + 1) == RustTokenKind.Lt)
        {
            return SkipAngles(i + 1, end);
        }

        if (kind == RustTokenKind.Or && (i == start || !EndsOperand(K(i - 1))))
        {
            return SkipClosureParameters(i, end);
        }

        return i + 1;
    }

    /// <summary>Searches in header positions (generics, types, lookahead for an assignment) give up after this many top-level tokens.</summary>
    private const int MaxHeaderSteps = 4096;

    /// <summary>The first top-level token of <paramref name="kind"/> in [start, end), or <paramref name="end"/>.</summary>
    /// <remarks>
    /// The last answer per kind is remembered: a later search from a position between the last start and
    /// its answer, in the same range, has the same answer. Without this, garbage such as thousands of
    /// <c>if</c> tokens without a brace would make every one of them search to the end: quadratic time.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindTopLevel(int start, int end, RustTokenKind kind)
    {
        ref var memo = ref _searchMemo[(int)kind];
        if (memo.End == end && start >= memo.Start && start <= memo.Result)
        {
            return Math.Max(start, memo.Result);
        }

        var i = start;
        while (i < end && _tokens[i].Kind != kind)
        {
            i = Step(i, start, end);
        }

        i = Math.Min(i, end);
        memo = new SearchMemo(start, end, i);
        return i;
    }

    /// <summary>Where an expression that may not contain a top-level comma or semicolon ends (closure bodies, match arms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindExpressionEnd(int start, int end)
    {
        ref var memo = ref _searchMemo[0];
        if (memo.End == end && start >= memo.Start && start <= memo.Result)
        {
            return Math.Max(start, memo.Result);
        }

        var i = start;
        while (i < end && _tokens[i].Kind is not (RustTokenKind.Comma or RustTokenKind.Semicolon))
        {
            i = Step(i, start, end);
        }

        i = Math.Min(i, end);
        memo = new SearchMemo(start, end, i);
        return i;
    }

    /// <summary>One remembered search: from <see cref="Start"/> in a range ending at <see cref="End"/>, the answer was <see cref="Result"/>.</summary>
    private readonly record struct SearchMemo(int Start, int End, int Result);

    /// <summary>The block that ends a header (<c>for … {</c>, <c>if … {</c>, <c>match … {</c>): the first top-level brace.</summary>
    private int FindBlock(int start, int end) => FindTopLevel(start, end, RustTokenKind.OpenBrace);

    /// <summary>From a <c>&lt;</c>, the index after its matching <c>&gt;</c> (<c>&gt;&gt;</c> closes two); stops at a semicolon or the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SkipAngles(int lt, int end)
    {
        var depth = 0;
        end = Math.Min(end, lt + MaxHeaderSteps);
        for (var i = lt; i < end;)
        {
            CountWork();
            switch (_tokens[i].Kind)
            {
                case RustTokenKind.Lt:
                    depth++;
                    break;
                case RustTokenKind.Shl:
                    depth += 2;
                    break;
                case RustTokenKind.Gt or RustTokenKind.Ge:
                    depth--;
                    break;
                case RustTokenKind.Shr or RustTokenKind.ShrEq:
                    depth -= 2;
                    break;
                case RustTokenKind.Semicolon or RustTokenKind.CloseBrace or RustTokenKind.CloseParen or RustTokenKind.CloseBracket:
                    return i;
                case RustTokenKind.OpenParen or RustTokenKind.OpenBracket or RustTokenKind.OpenBrace:
                    i = Close(i) + 1;
                    continue;
                default:
                    break;
            }

            i++;
            if (depth <= 0)
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>
    /// In a type (or a list of them), the first top-level token of one of the given kinds, with
    /// angle brackets counted so that <c>HashMap&lt;K, V&gt;</c> hides its comma.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindInType(int start, int end, RustTokenKind a, RustTokenKind b = RustTokenKind.EndOfFile, RustTokenKind c = RustTokenKind.EndOfFile)
    {
        var depth = 0;
        var steps = 0;
        for (var i = start; i < end;)
        {
            CountWork();
            if (++steps > MaxHeaderSteps)
            {
                return end;
            }

            var kind = _tokens[i].Kind;
            if (depth <= 0 && (kind == a || kind == b || kind == c))
            {
                return i;
            }

            switch (kind)
            {
                case RustTokenKind.Lt:
                    depth++;
                    break;
                case RustTokenKind.Shl:
                    depth += 2;
                    break;
                case RustTokenKind.Gt:
                    depth--;
                    break;
                case RustTokenKind.Shr:
                    depth -= 2;
                    break;
                case RustTokenKind.OpenParen or RustTokenKind.OpenBracket or RustTokenKind.OpenBrace:
                    i = Close(i) + 1;
                    continue;
                default:
                    break;
            }

            i++;
        }

        return end;
    }

    /// <summary>From the opening <c>|</c> of a closure, the index after its closing <c>|</c>.</summary>
    private int SkipClosureParameters(int open, int end)
    {
        var i = FindInType(open + 1, end, RustTokenKind.Or);
        return i < end ? i + 1 : end;
    }

    /// <summary>Whether a token can end an operand, so that a following <c>|</c> is a binary or, not a closure.</summary>
    private static bool EndsOperand(RustTokenKind kind) => kind is RustTokenKind.Identifier or RustTokenKind.RawIdentifier
        or RustTokenKind.SelfValue or RustTokenKind.SelfType or RustTokenKind.Super or RustTokenKind.Crate
        or RustTokenKind.True or RustTokenKind.False or RustTokenKind.CloseParen or RustTokenKind.CloseBracket
        or RustTokenKind.CloseBrace or RustTokenKind.Question or RustTokenKind.Await or RustTokenKind.Underscore
        or (>= RustTokenKind.IntegerLiteral and <= RustTokenKind.RawCStringLiteral);

    private static bool IsLiteral(RustTokenKind kind) => kind is >= RustTokenKind.IntegerLiteral and <= RustTokenKind.RawCStringLiteral;

    private static bool IsStringLiteral(RustTokenKind kind) => kind is >= RustTokenKind.StringLiteral and <= RustTokenKind.RawCStringLiteral;

    private static bool IsPathSegment(RustTokenKind kind) => kind is RustTokenKind.Identifier or RustTokenKind.RawIdentifier
        or RustTokenKind.SelfValue or RustTokenKind.SelfType or RustTokenKind.Super or RustTokenKind.Crate;

    /// <summary>Whether a closure starts at <paramref name="i"/>: <c>|…|</c>, <c>||</c>, <c>move |…|</c>, <c>async [move] |…|</c>, or an async block.</summary>
    private bool StartsClosure(int i) => K(i) switch
    {
        RustTokenKind.Or or RustTokenKind.OrOr => true,
        RustTokenKind.Move => K(i + 1) is RustTokenKind.Or or RustTokenKind.OrOr,
        RustTokenKind.Async => K(i + 1) is RustTokenKind.Or or RustTokenKind.OrOr or RustTokenKind.OpenBrace
            || (K(i + 1) == RustTokenKind.Move && K(i + 2) is RustTokenKind.Or or RustTokenKind.OrOr or RustTokenKind.OpenBrace),
        _ => false,
    };
}
