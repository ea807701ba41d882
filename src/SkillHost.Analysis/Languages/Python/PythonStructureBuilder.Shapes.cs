using SkillHost.Analysis.Syntax;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>The coarse shape of an expression range, for arguments, assignment values and comparison operands.</summary>
internal sealed partial class PythonStructureBuilder
{
    /// <summary>
    /// The end of the primary (atom plus <c>.name</c>, call and subscript trailers) starting at <paramref name="a"/>;
    /// <paramref name="lastCallOpen"/> is the '(' of a final call trailer, <paramref name="onlyDots"/> a name with dot trailers only.
    /// </summary>
    private int PrimaryEnd(int a, int hi, out int lastCallOpen, out bool onlyDots)
    {
        lastCallOpen = -1;
        var kind = _tok[a].Kind;
        onlyDots = kind == K.Name;
        int p;
        if (kind is K.Name or K.Number or K.NoneKeyword or K.TrueKeyword or K.FalseKeyword or K.Ellipsis)
        {
            p = a + 1;
        }
        else if (kind is K.StringLiteral or K.FStringStart or K.TStringStart or K.LeftParen or K.LeftBracket or K.LeftBrace)
        {
            p = AtomEnd(a, hi);
        }
        else
        {
            onlyDots = false;
            return a;
        }

        while (p < hi)
        {
            var trailer = _tok[p].Kind;
            if (trailer == K.Dot && p + 1 < hi && IsNameLike(_tok[p + 1].Kind))
            {
                p += 2;
                lastCallOpen = -1;
            }
            else if (trailer == K.LeftParen)
            {
                lastCallOpen = p;
                onlyDots = false;
                p = After(p, hi);
            }
            else if (trailer == K.LeftBracket)
            {
                lastCallOpen = -1;
                onlyDots = false;
                p = After(p, hi);
            }
            else
            {
                break;
            }
        }

        return p;
    }

    /// <summary>
    /// The shape of tokens [a, b). For a call, <paramref name="callOpen"/> is the '(' of the outermost call and
    /// <paramref name="chainStart"/> where its chain starts (after redundant parentheses), else -1.
    /// </summary>
    private ExpressionShape ShapeOf(int a, int b, out int callOpen, out int chainStart)
    {
        callOpen = -1;
        chainStart = -1;
        if (a >= b)
        {
            return ExpressionShape.Other;
        }

        // (x) is x; (x,) and (x for …) are not.
        while (b - a > 2 && _tok[a].Kind == K.LeftParen && _match[a] == b - 1 && (_flags[a] & (HasFor | HasComma)) == 0)
        {
            a++;
            b--;
        }

        if (_tok[a].Kind == K.LambdaKeyword)
        {
            return ExpressionShape.Lambda;
        }

        for (var j = a; j < b; j = Next(j, b))
        {
            if (_tok[j].Kind == K.Comma)
            {
                return ExpressionShape.TupleLiteral;
            }
        }

        var kind = _tok[a].Kind;
        var whole = IsOpener(kind) && _match[a] == b - 1;
        switch (kind)
        {
            case K.AwaitKeyword:
                return ExpressionShape.Await;
            case K.Minus or K.Plus or K.Tilde:
                return b == a + 2 && _tok[a + 1].Kind == K.Number ? ExpressionShape.NumberLiteral : ExpressionShape.Other;
            case K.Number when b == a + 1:
                return ExpressionShape.NumberLiteral;
            case K.LeftParen when whole:
                return b == a + 2 || (_flags[a] & HasComma) != 0 ? ExpressionShape.TupleLiteral
                    : (_flags[a] & HasFor) != 0 ? ExpressionShape.GeneratorExpression : ExpressionShape.Other;
            case K.LeftBracket when whole:
                return (_flags[a] & HasFor) != 0 ? ExpressionShape.ListComprehension : ExpressionShape.ListLiteral;
            case K.LeftBrace when whole:
                if ((_flags[a] & HasFor) != 0)
                {
                    return (_flags[a] & HasColon) != 0 ? ExpressionShape.DictComprehension : ExpressionShape.SetComprehension;
                }

                return IsDictDisplay(a) ? ExpressionShape.DictLiteral : ExpressionShape.SetLiteral;
            case K.StringLiteral or K.FStringStart or K.TStringStart:
                {
                    var end = StringGroupEnd(a, b);
                    if (end == b)
                    {
                        return HasFString(a, b) ? ExpressionShape.FormattedString
                            : kind == K.TStringStart ? ExpressionShape.Other : ExpressionShape.StringLiteral;
                    }

                    if (_tok[end].Kind == K.Percent)
                    {
                        return ExpressionShape.StringFormatting;
                    }

                    if (_tok[end].Kind == K.Dot && end + 2 < b && _tok[end + 2].Kind == K.LeftParen
                        && _text.AsSpan(_tok[end + 1].Start, _tok[end + 1].Length) is "format")
                    {
                        return ExpressionShape.StringFormatting;
                    }

                    break;
                }

            default:
                break;
        }

        var primaryEnd = PrimaryEnd(a, b, out var lastCall, out var onlyDots);
        if (primaryEnd != b)
        {
            return ExpressionShape.Other;
        }

        if (lastCall >= 0)
        {
            callOpen = lastCall;
            chainStart = a;
            return ExpressionShape.Call;
        }

        if (onlyDots)
        {
            return b == a + 1 ? ExpressionShape.Name : ExpressionShape.MemberAccess;
        }

        return ExpressionShape.Other;
    }

    private bool HasFString(int a, int b)
    {
        for (var j = a; j < b; j = Next(j, b))
        {
            if (_tok[j].Kind == K.FStringStart)
            {
                return true;
            }
        }

        return false;
    }
}
