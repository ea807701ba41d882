using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Call, macro and argument nodes, callee names, and the coarse shape of an expression.</summary>
internal sealed partial class RustStructureBuilder
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CallNode MakeCall(in Chain chain, int k)
    {
        var layer = _layers[k];
        var callee = BuildCallee(chain, k, out var name, out var calleeStart);
        string? generics = null;
        if (layer.GenericStart >= 0)
        {
            generics = TextOf(layer.GenericStart, layer.GenericEnd);
        }
        else if (layer.Kind == LayerKind.Call && k == chain.LayerStart && chain.TurbofishStart >= 0)
        {
            generics = TextOf(chain.TurbofishStart, chain.TurbofishEnd);
        }

        var close = Close(layer.Open);
        return new CallNode(SpanOf(chain.Start, close))
        {
            Callee = callee,
            Name = name,
            CalleeSpan = SpanOf(calleeStart, layer.Name >= 0 ? layer.Name : layer.Open - 1),
            IsMethodCall = layer.Kind == LayerKind.MethodCall,
            ReceiverSpan = layer.Kind == LayerKind.MethodCall ? SpanOf(chain.Start, layer.Dot - 1) : null,
            Arguments = SplitArguments(layer.Open, close),
            GenericArguments = generics,
        };
    }

    private MacroCallNode MakeMacro(in Chain chain, int k)
    {
        var layer = _layers[k];
        var close = Close(layer.Open);
        _names.Clear();
        AppendPath(chain);
        return new MacroCallNode(SpanOf(chain.Start, close))
        {
            Path = _names.ToInterned(),
            Name = _names.Intern(TokenText(chain.LastSegment)),
            ArgumentsSpan = InnerSpan(layer.Open),
            Arguments = SplitArguments(layer.Open, close),
        };
    }

    /// <summary>
    /// "Vec::new", "self.items.push"; on a receiver that ends in a bracket, "…" and what follows it
    /// ("….collect", "….name.clone"). <paramref name="calleeStart"/> is the first token the name covers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string BuildCallee(in Chain chain, int k, out string name, out int calleeStart)
    {
        var layer = _layers[k];
        _names.Clear();
        if (layer.Kind == LayerKind.Call)
        {
            if (k == chain.LayerStart && chain.IsPath && chain.PathSegments > 0)
            {
                AppendPath(chain);
                name = _names.Intern(TokenText(chain.LastSegment));
                calleeStart = chain.Start;
                return _names.ToInterned();
            }

            name = "…";
            calleeStart = layer.Open;
            return name;
        }

        var j = k - 1;
        while (j >= chain.LayerStart && _layers[j].Kind == LayerKind.Field)
        {
            j--;
        }

        if (j < chain.LayerStart && chain.IsPath && chain.PrimaryOpen < 0)
        {
            AppendPath(chain);
            calleeStart = chain.Start;
        }
        else
        {
            _names.Append("…");
            calleeStart = _layers[j + 1].Dot;
        }

        for (var m = j + 1; m <= k; m++)
        {
            _names.Append(".");
            _names.Append(TokenText(_layers[m].Name));
        }

        name = _names.Intern(TokenText(layer.Name));
        return _names.ToInterned();
    }

    /// <summary>The path of a chain's primary without whitespace and without turbofish generics.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendPath(in Chain chain)
    {
        for (var t = chain.Start; t < chain.PathEnd;)
        {
            if (_tokens[t].Kind == RustTokenKind.ColonColon && K(t + 1) == RustTokenKind.Lt)
            {
                t = SkipAngles(t + 1, chain.PathEnd);
                continue;
            }

            // Words keep one space between them (`<T as Trait>::f`); everything else is joined.
            if (t > chain.Start && RustKeywords.IsWord(_tokens[t].Kind) && RustKeywords.IsWord(_tokens[t - 1].Kind))
            {
                _names.Append(" ");
            }

            _names.Append(TokenText(t));
            t++;
        }
    }

    /// <summary>Tokens [start, end) joined without whitespace ("self.total", "v[i]"), interned.</summary>
    private string AssembleWithoutSpaces(int start, int end)
    {
        _names.Clear();
        for (var t = start; t < end && _names.Length < 200; t++)
        {
            _names.Append(TokenText(t));
        }

        return _names.ToInterned();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Argument[] SplitArguments(int open, int close)
    {
        if (close <= open + 1)
        {
            return [];
        }

        // Classify never splits arguments itself, so one scratch list serves every call.
        var arguments = _argumentScratch;
        arguments.Clear();
        var start = open + 1;
        while (start < close)
        {
            var comma = FindTopLevel(start, close, RustTokenKind.Comma);
            if (comma > start)
            {
                arguments.Add(new Argument(SpanOf(start, comma - 1), null, Classify(start, comma, wantCallee: false).Shape));
            }

            start = comma + 1;
        }

        return [.. arguments];
    }

    /// <summary>The coarse shape of tokens [start, end), and for a call its callee when asked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (ExpressionShape Shape, string? Callee) Classify(int start, int end, bool wantCallee)
    {
        // Redundant parentheses are looked through in a loop: nesting depth must not become recursion depth.
        while (start < end && K(start) == RustTokenKind.OpenParen && Close(start) == end - 1)
        {
            if (FindTopLevel(start + 1, end - 1, RustTokenKind.Comma) < end - 1)
            {
                return (ExpressionShape.TupleLiteral, null);
            }

            start++;
            end--;
        }

        if (start >= end)
        {
            return (ExpressionShape.Other, null);
        }

        var kind = _tokens[start].Kind;
        if (end - start == 1)
        {
            return kind switch
            {
                _ when IsStringLiteral(kind) => (ExpressionShape.StringLiteral, null),
                RustTokenKind.IntegerLiteral or RustTokenKind.FloatLiteral => (ExpressionShape.NumberLiteral, null),
                _ when IsPathSegment(kind) => (ExpressionShape.Name, null),
                _ => (ExpressionShape.Other, null),
            };
        }

        if (StartsClosure(start))
        {
            return (ExpressionShape.Closure, null);
        }

        switch (kind)
        {
            case RustTokenKind.And or RustTokenKind.AndAnd:
                return (ExpressionShape.Reference, null);
            case RustTokenKind.Minus when end - start == 2 && K(start + 1) is RustTokenKind.IntegerLiteral or RustTokenKind.FloatLiteral:
                return (ExpressionShape.NumberLiteral, null);
            case RustTokenKind.OpenBracket when Close(start) == end - 1:
                return (ExpressionShape.ListLiteral, null);
            default:
                break;
        }

        var chain = WalkChain(start, end);
        var result = (ExpressionShape.Other, (string?)null);
        if (chain.End == end && !chain.IsMacroRules)
        {
            var last = chain.LayerEnd - 1;
            while (last >= chain.LayerStart && _layers[last].Kind == LayerKind.Try)
            {
                last--;
            }

            if (last < chain.LayerStart)
            {
                result.Item1 = chain.IsLiteral ? (IsStringLiteral(kind) ? ExpressionShape.StringLiteral : ExpressionShape.NumberLiteral)
                    : chain.IsPath && chain.PrimaryOpen < 0 ? (chain.PathSegments == 1 ? ExpressionShape.Name : ExpressionShape.MemberAccess)
                    : ExpressionShape.Other;
            }
            else
            {
                switch (_layers[last].Kind)
                {
                    case LayerKind.Call or LayerKind.MethodCall:
                        result = (ExpressionShape.Call, wantCallee ? BuildCallee(chain, last, out _, out _) : null);
                        break;
                    case LayerKind.Macro:
                        result.Item1 = ExpressionShape.MacroCall;
                        break;
                    case LayerKind.Await:
                        result.Item1 = ExpressionShape.Await;
                        break;
                    case LayerKind.Field when IsPureMemberAccess(chain):
                        result.Item1 = ExpressionShape.MemberAccess;
                        break;
                    default:
                        break;
                }
            }
        }

        _layerCount = chain.LayerStart;
        return result;
    }
}
