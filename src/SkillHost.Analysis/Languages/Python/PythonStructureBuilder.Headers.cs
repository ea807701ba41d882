using System.Runtime.InteropServices;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Compound statement headers: decorators, def, class, for, while, if/elif, with.</summary>
internal sealed partial class PythonStructureBuilder
{
    private void Decorator(int s, int e)
    {
        if (_decorators.Count == 0)
        {
            _decoratorStart = _tok[s].Start;
        }

        var first = s + 1;
        var last = first;
        if (first < e && _tok[first].Kind == K.Name)
        {
            while (last + 2 < e && _tok[last + 1].Kind == K.Dot && _tok[last + 2].Kind == K.Name)
            {
                last += 2;
            }
        }

        string name;
        string? arguments = null;
        if (first < e && _tok[first].Kind == K.Name && (last + 1 == e || _tok[last + 1].Kind == K.LeftParen))
        {
            name = ChainText(first, last);
            if (last + 1 < e)
            {
                var close = ContentEnd(last + 1, e);
                arguments = _source.ToString(TextSpan.FromBounds(_tok[last + 1].End, close < e ? _tok[close].Start : _tok[e - 1].End)).Trim();
            }
        }
        else
        {
            // PEP 614 allows any expression; keep it as written.
            name = TextOf(first, e);
        }

        _decorators.Add(new AttributeInfo(name, arguments, SpanOf(s, e)));
    }

    private AttributeInfo[] TakeDecorators(int headerStart, out int start)
    {
        if (_decorators.Count == 0)
        {
            start = _tok[headerStart].Start;
            return [];
        }

        start = _decoratorStart;
        AttributeInfo[] result = [.. _decorators];
        _decorators.Clear();
        return result;
    }

    private int FunctionHeader(int s, int def, int e, bool isAsync)
    {
        var nameIndex = def + 1;
        if (nameIndex >= e || _tok[nameIndex].Kind != K.Name)
        {
            _decorators.Clear();
            return SimpleStatement(s, e);
        }

        var scope = EnclosingScope();
        var entry = NewBlock(BlockKind.Function, 0);
        entry.Name = NameOf(nameIndex);
        entry.NameSpan = _tok[nameIndex].Span;
        entry.IsAsync = isAsync;
        entry.IsMethod = scope is { Kind: BlockKind.Class };
        entry.Attributes = TakeDecorators(s, out entry.Start);

        var p = nameIndex + 1;
        if (p < e && _tok[p].Kind == K.LeftBracket)
        {
            p = After(p, e); // PEP 695 type parameters
        }

        if (p < e && _tok[p].Kind == K.LeftParen)
        {
            var close = ContentEnd(p, e);
            entry.Parameters = Parameters(p + 1, close, entry.IsMethod);
            p = close < e ? close + 1 : e;
        }

        var colon = HeaderColon(p, e);
        if (p < e && _tok[p].Kind == K.RightArrow)
        {
            entry.ReturnType = TextOf(p + 1, colon < 0 ? e : colon);
        }

        if (colon < 0)
        {
            // No body: still a function (broken code); it ends with its line.
            entry.HeaderEnd = _tok[e - 1].End;
            entry.BodyStart = entry.HeaderEnd;
            entry.Inline = true;
            entry.BodyDepth = _depth + 1;
            PushBlock(entry);
            return e;
        }

        return OpenBlock(entry, colon, e);
    }

    private int ClassHeader(int s, int e)
    {
        var nameIndex = s + 1;
        if (nameIndex >= e || _tok[nameIndex].Kind != K.Name)
        {
            _decorators.Clear();
            return SimpleStatement(s, e);
        }

        var entry = NewBlock(BlockKind.Class, 0);
        entry.Name = NameOf(nameIndex);
        entry.NameSpan = _tok[nameIndex].Span;
        entry.Attributes = TakeDecorators(s, out entry.Start);
        var p = nameIndex + 1;
        if (p < e && _tok[p].Kind == K.LeftBracket)
        {
            p = After(p, e);
        }

        if (p < e && _tok[p].Kind == K.LeftParen)
        {
            var close = ContentEnd(p, e);
            var bases = new List<string>();
            for (var a = p + 1; a < close;)
            {
                var b = a;
                while (b < close && _tok[b].Kind != K.Comma)
                {
                    b = Next(b, close);
                }

                if (b > a)
                {
                    bases.Add(TextOf(a, b));
                }

                a = b + 1;
            }

            entry.Bases = bases;
            ScanRange(p + 1, close);
            p = close < e ? close + 1 : e;
        }

        var colon = HeaderColon(p, e);
        // Without a colon the class is broken: its place stays empty (the bases are already scanned).
        return colon < 0 ? e : OpenBlock(entry, colon, e);
    }

    private int ForHeader(int s, int forIndex, int e, bool isAsync)
    {
        var colon = HeaderColon(forIndex + 1, e);
        if (colon < 0)
        {
            return SimpleStatement(s, e);
        }

        var inIndex = forIndex + 1;
        while (inIndex < colon && _tok[inIndex].Kind != K.InKeyword)
        {
            inIndex = Next(inIndex, colon);
        }

        var entry = NewBlock(BlockKind.Loop, _tok[s].Start);
        entry.LoopKind = LoopKind.For;
        entry.IsAsync = isAsync;
        entry.Target = inIndex > forIndex + 1 ? TextOf(forIndex + 1, inIndex) : null;
        entry.IterableSpan = inIndex + 1 < colon ? SpanOf(inIndex + 1, colon) : null;
        ScanRange(Math.Min(inIndex + 1, colon), colon);
        return OpenBlock(entry, colon, e);
    }

    private int ConditionHeader(int s, int e)
    {
        var colon = HeaderColon(s + 1, e);
        if (colon < 0)
        {
            return SimpleStatement(s, e);
        }

        var isWhile = _tok[s].Kind == K.WhileKeyword;
        var entry = NewBlock(isWhile ? BlockKind.Loop : BlockKind.Conditional, _tok[s].Start);
        entry.LoopKind = LoopKind.While;
        entry.ConditionSpan = SpanOf(s + 1, colon);
        ScanRange(s + 1, colon);
        return OpenBlock(entry, colon, e);
    }

    private int WithHeader(int s, int withIndex, int e, bool isAsync)
    {
        var colon = HeaderColon(withIndex + 1, e);
        if (colon < 0)
        {
            return SimpleStatement(s, e);
        }

        var lo = withIndex + 1;
        var hi = colon;
        // Parenthesized context managers (3.9+): `with (open(a) as f, open(b) as g):`.
        if (lo < hi && _tok[lo].Kind == K.LeftParen && _match[lo] == hi - 1 && ContainsTopLevel(lo + 1, hi - 1, K.AsKeyword))
        {
            lo++;
            hi--;
        }

        var entry = NewBlock(BlockKind.With, _tok[s].Start);
        var items = new List<WithItem>();
        for (var a = lo; a < hi;)
        {
            var b = a;
            var asIndex = -1;
            while (b < hi && _tok[b].Kind != K.Comma)
            {
                if (_tok[b].Kind == K.AsKeyword && asIndex < 0)
                {
                    asIndex = b;
                }

                b = Next(b, hi);
            }

            if (b > a)
            {
                var exprEnd = asIndex < 0 ? b : asIndex;
                items.Add(new WithItem(SpanOf(a, exprEnd), asIndex < 0 ? null : TextOf(asIndex + 1, b)));
                ScanRange(a, exprEnd);
            }

            a = b + 1;
        }

        entry.IsAsync = isAsync;
        entry.WithItems = items;
        return OpenBlock(entry, colon, e);
    }

    private bool ContainsTopLevel(int lo, int hi, PythonTokenKind kind)
    {
        for (var j = lo; j < hi; j = Next(j, hi))
        {
            if (_tok[j].Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parameters of a def or lambda between <paramref name="lo"/> and <paramref name="hi"/>; defaults are scanned for calls.</summary>
    private Parameter[] Parameters(int lo, int hi, bool isMethod)
    {
        if (hi <= lo)
        {
            return [];
        }

        // One scratch list for all: a default may hold a lambda whose parameters come on top (from mark on).
        var result = _scratchParameters;
        var mark = result.Count;
        var keywordOnly = false;
        for (var a = lo; a < hi;)
        {
            var b = a;
            var colon = -1;
            var equal = -1;
            while (b < hi && _tok[b].Kind != K.Comma)
            {
                if (_tok[b].Kind == K.Colon && colon < 0 && equal < 0)
                {
                    colon = b;
                }
                else if (_tok[b].Kind == K.Equal && equal < 0)
                {
                    equal = b;
                }

                b = Next(b, hi);
            }

            if (b > a)
            {
                var first = _tok[a].Kind;
                if (first == K.Slash)
                {
                    for (var i = mark; i < result.Count; i++)
                    {
                        if (result[i].ParameterKind == ParameterKind.Normal)
                        {
                            result[i] = result[i] with { ParameterKind = ParameterKind.PositionalOnly };
                        }
                    }
                }
                else if (first == K.Star && b == a + 1)
                {
                    keywordOnly = true;
                }
                else
                {
                    var kind = first switch
                    {
                        K.Star => ParameterKind.VarArgs,
                        K.DoubleStar => ParameterKind.KwArgs,
                        _ => keywordOnly ? ParameterKind.KeywordOnly : ParameterKind.Normal,
                    };
                    keywordOnly |= kind == ParameterKind.VarArgs;
                    var nameStart = kind is ParameterKind.VarArgs or ParameterKind.KwArgs ? a + 1 : a;
                    var nameEnd = colon >= 0 ? colon : equal >= 0 ? equal : b;
                    var name = nameEnd == nameStart + 1 && _tok[nameStart].Kind == K.Name ? NameOf(nameStart) : TextOf(nameStart, nameEnd);
                    var type = colon >= 0 ? TextOf(colon + 1, equal >= 0 ? equal : b) : null;
                    var value = equal >= 0 ? TextOf(equal + 1, b) : null;
                    var isSelf = isMethod && result.Count == mark && name is "self" or "cls";
                    result.Add(new Parameter(name, type, value, isSelf, kind, SpanOf(a, b)));
                    if (equal >= 0)
                    {
                        ScanRange(equal + 1, b);
                    }
                }
            }

            a = b + 1;
        }

        Parameter[] parameters = result.Count == mark ? [] : CollectionsMarshal.AsSpan(result)[mark..].ToArray();
        result.RemoveRange(mark, result.Count - mark);
        return parameters;
    }

    private readonly List<Parameter> _scratchParameters = [];
}
