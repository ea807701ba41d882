using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary><c>match</c> expressions: the scrutinee, and per arm the guard and body (patterns are not code).</summary>
internal sealed partial class RustStructureBuilder
{
    private int ParseMatch(int keyword, int end, SyntaxNode parent)
    {
        var body = FindBlock(keyword + 1, end);
        if (body >= end)
        {
            return keyword + 1;
        }

        Scan(keyword + 1, body, parent, ScanMode.Expression);
        if (EnterNesting(body))
        {
            ScanArms(body + 1, Close(body), parent);
            _nesting--;
        }

        return Close(body) + 1;
    }

    // Each arm: [attributes] pattern [if guard] => body [,]. Patterns are not code; guards and bodies are.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanArms(int start, int close, SyntaxNode parent)
    {
        var i = start;
        while (i < close)
        {
            var arrow = i;
            var guard = -1;
            while (arrow < close && _tokens[arrow].Kind != RustTokenKind.FatArrow)
            {
                if (guard < 0 && _tokens[arrow].Kind == RustTokenKind.If)
                {
                    guard = arrow;
                }

                arrow = Step(arrow, i, close);
            }

            if (guard >= 0)
            {
                Scan(guard + 1, Math.Min(arrow, close), parent, ScanMode.Expression);
            }

            if (arrow >= close)
            {
                return;
            }

            var bodyStart = arrow + 1;
            int bodyEnd;
            if (K(bodyStart) == RustTokenKind.OpenBrace && Close(bodyStart) < close)
            {
                bodyEnd = Close(bodyStart) + 1;
                if (K(bodyEnd) is not (RustTokenKind.Comma or RustTokenKind.Dot or RustTokenKind.Question) && bodyEnd < close && IsLikelyPatternStart(bodyEnd))
                {
                    Scan(bodyStart, bodyEnd, parent, ScanMode.Block);
                    i = bodyEnd;
                    continue;
                }
            }

            // `X => if a { … } else { … }` may end without a comma, like a block.
            var blockLikeEnd = BlockLikeEnd(bodyStart, close);
            if (blockLikeEnd > bodyStart && blockLikeEnd < close && K(blockLikeEnd) is not (RustTokenKind.Comma or RustTokenKind.Dot or RustTokenKind.Question)
                && IsLikelyPatternStart(blockLikeEnd))
            {
                Scan(bodyStart, blockLikeEnd, parent, ScanMode.Block);
                i = blockLikeEnd;
                continue;
            }

            bodyEnd = FindExpressionEnd(bodyStart, close);
            Scan(bodyStart, bodyEnd, parent, ScanMode.Block);
            i = bodyEnd + 1;
        }
    }

    /// <summary>The index after an if/else chain, match, loop or unsafe block starting at <paramref name="i"/>, or -1.</summary>
    private int BlockLikeEnd(int i, int end)
    {
        switch (K(i))
        {
            case RustTokenKind.If:
                while (true)
                {
                    var block = FindBlock(i + 1, end);
                    if (block >= end)
                    {
                        return -1;
                    }

                    i = Close(block) + 1;
                    if (K(i) != RustTokenKind.Else || i >= end)
                    {
                        return i;
                    }

                    if (K(i + 1) == RustTokenKind.OpenBrace)
                    {
                        return Close(i + 1) + 1;
                    }

                    i++;
                    if (K(i) != RustTokenKind.If)
                    {
                        return -1;
                    }
                }

            case RustTokenKind.Match or RustTokenKind.While or RustTokenKind.For or RustTokenKind.Loop or RustTokenKind.Unsafe:
                var body = FindBlock(i + 1, end);
                return body < end ? Close(body) + 1 : -1;
            default:
                return -1;
        }
    }

    // After a block arm without a comma, the next arm's pattern starts: anything but a binary operator or a postfix.
    private bool IsLikelyPatternStart(int i) => K(i) is not (RustTokenKind.Plus or RustTokenKind.Minus or RustTokenKind.Star
        or RustTokenKind.Slash or RustTokenKind.Percent or RustTokenKind.EqEq or RustTokenKind.Ne or RustTokenKind.Lt
        or RustTokenKind.Gt or RustTokenKind.Le or RustTokenKind.Ge or RustTokenKind.AndAnd or RustTokenKind.OrOr
        or RustTokenKind.As or RustTokenKind.Caret or RustTokenKind.Shl or RustTokenKind.Shr or RustTokenKind.OpenBracket);
}
