using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Functions and their parameters; structs, enums, unions, traits and impls.</summary>
internal sealed partial class RustStructureBuilder
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseFunction(int start, int fn, int end, SyntaxNode parent, List<AttributeInfo>? attributes, Visibility visibility, bool isAsync, bool isMember)
    {
        var name = fn + 1;
        if (K(name) is not (RustTokenKind.Identifier or RustTokenKind.RawIdentifier))
        {
            return fn + 1; // `fn(u8) -> u8` as a type, or a macro fragment
        }

        var j = name + 1;
        if (K(j) == RustTokenKind.Lt)
        {
            j = SkipAngles(j, end);
        }

        if (K(j) != RustTokenKind.OpenParen || j >= end)
        {
            return j;
        }

        var parameters = _parameterScratch;
        parameters.Clear();
        ParseParameterList(j + 1, Close(j), parameters, closure: false);
        j = Close(j) + 1;
        string? returnType = null;
        if (K(j) == RustTokenKind.Arrow)
        {
            var typeEnd = FindInType(j + 1, end, RustTokenKind.OpenBrace, RustTokenKind.Semicolon, RustTokenKind.Where);
            returnType = TextOf(j + 1, typeEnd);
            j = typeEnd;
        }

        if (K(j) == RustTokenKind.Where)
        {
            j = FindInType(j + 1, end, RustTokenKind.OpenBrace, RustTokenKind.Semicolon);
        }

        var hasBody = K(j) == RustTokenKind.OpenBrace && j < end;
        var last = hasBody ? Close(j) : Math.Min(j, end - 1);
        var function = new FunctionNode(SpanOf(start, last))
        {
            Name = _names.Intern(TokenText(name)),
            NameSpan = _tokens[name].Span,
            IsAsync = isAsync,
            Attributes = (IReadOnlyList<AttributeInfo>?)attributes ?? [],
            Parameters = [.. parameters],
            ReturnType = returnType,
            Visibility = visibility,
            IsMethod = isMember,
            BodySpan = hasBody ? InnerSpan(j) : default,
        };
        Attach(parent, function);
        if (!hasBody)
        {
            return K(j) == RustTokenKind.Semicolon ? j + 1 : j;
        }

        ScanGroup(j, function, ScanMode.Block);
        return Close(j) + 1;
    }

    /// <summary>Parameters of a fn (between parentheses) or a closure (between bars), split at top-level commas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseParameterList(int start, int end, List<Parameter> into, bool closure)
    {
        var p = start;
        while (p < end)
        {
            var comma = FindInType(p, end, RustTokenKind.Comma);
            while (p < comma && K(p) == RustTokenKind.Pound && K(p + 1) == RustTokenKind.OpenBracket)
            {
                p = Close(p + 1) + 1;
            }

            if (p < comma)
            {
                into.Add(ParseParameter(p, comma, closure));
            }

            p = comma + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Parameter ParseParameter(int start, int end, bool closure)
    {
        var span = SpanOf(start, end - 1);

        // self, mut self, &self, &'a mut self, self: Box<Self>
        var q = start;
        var reference = false;
        var mutable = false;
        var lifetime = -1;
        while (q < end && K(q) is RustTokenKind.And or RustTokenKind.Lifetime or RustTokenKind.Mut)
        {
            reference |= K(q) == RustTokenKind.And;
            mutable |= K(q) == RustTokenKind.Mut && reference;
            lifetime = K(q) == RustTokenKind.Lifetime ? q : lifetime;
            q++;
        }

        if (!closure && K(q) == RustTokenKind.SelfValue && (q + 1 == end || K(q + 1) == RustTokenKind.Colon))
        {
            string? type = null;
            if (q + 1 < end)
            {
                type = TextOf(q + 2, end);
            }
            else if (reference)
            {
                _names.Clear();
                _names.Append("&");
                if (lifetime >= 0)
                {
                    _names.Append(TokenText(lifetime));
                    _names.Append(" ");
                }

                _names.Append(mutable ? "mut Self" : "Self");
                type = _names.ToInterned();
            }

            return new Parameter("self", type, null, true, ParameterKind.Normal, span);
        }

        if (K(start) == RustTokenKind.DotDotDot)
        {
            return new Parameter("...", null, null, false, ParameterKind.VarArgs, span);
        }

        var colon = FindInType(start, end, RustTokenKind.Colon);
        var patternEnd = colon;
        var patternStart = start;
        while (patternStart < patternEnd - 1 && K(patternStart) is RustTokenKind.Mut or RustTokenKind.Ref)
        {
            patternStart++;
        }

        var name = patternEnd - patternStart == 1 ? _names.Intern(TokenText(patternStart)) : TextOf(start, patternEnd) ?? "";
        return new Parameter(name, colon < end ? TextOf(colon + 1, end) : null, null, false, ParameterKind.Normal, span);
    }

    private int ParseStruct(int start, int keyword, int end, SyntaxNode parent, List<AttributeInfo>? attributes, Visibility visibility, TypeDeclKind kind)
    {
        var name = keyword + 1;
        if (K(name) is not (RustTokenKind.Identifier or RustTokenKind.RawIdentifier))
        {
            return keyword + 1;
        }

        var j = name + 1;
        if (K(j) == RustTokenKind.Lt)
        {
            j = SkipAngles(j, end);
        }

        if (K(j) == RustTokenKind.Where)
        {
            j = FindInType(j + 1, end, RustTokenKind.OpenBrace, RustTokenKind.Semicolon);
        }

        var fields = new List<FieldInfo>();
        var body = default(Text.TextSpan);
        var last = j;
        if (K(j) == RustTokenKind.OpenBrace && j < end)
        {
            ParseFields(j + 1, Close(j), fields, named: true);
            body = InnerSpan(j);
            last = Close(j);
        }
        else if (K(j) == RustTokenKind.OpenParen && j < end)
        {
            ParseFields(j + 1, Close(j), fields, named: false);
            body = InnerSpan(j);
            last = FindTopLevel(Close(j) + 1, end, RustTokenKind.Semicolon);
        }

        last = Math.Min(last, end - 1);
        Attach(parent, new TypeDeclNode(SpanOf(start, last))
        {
            Name = _names.Intern(TokenText(name)),
            TypeKind = kind,
            Attributes = (IReadOnlyList<AttributeInfo>?)attributes ?? [],
            Fields = fields,
            Visibility = visibility,
            BodySpan = body,
        });
        return last + 1;
    }

    private void ParseFields(int start, int end, List<FieldInfo> into, bool named)
    {
        var p = start;
        var index = 0;
        while (p < end)
        {
            var comma = FindInType(p, end, RustTokenKind.Comma);
            while (p < comma && K(p) == RustTokenKind.Pound && K(p + 1) == RustTokenKind.OpenBracket)
            {
                p = Close(p + 1) + 1;
            }

            var fieldStart = p;
            var visibility = ParseVisibility(ref p);
            if (p < comma)
            {
                if (named)
                {
                    var colon = FindInType(p, comma, RustTokenKind.Colon);
                    var typeEnd = FindInType(colon, comma, RustTokenKind.Eq); // default field values (unstable)
                    into.Add(new FieldInfo(_names.Intern(TokenText(p)), TextOf(colon + 1, typeEnd), SpanOf(fieldStart, comma - 1), visibility));
                }
                else
                {
                    into.Add(new FieldInfo(_names.Intern(index.ToString(System.Globalization.CultureInfo.InvariantCulture)), TextOf(p, comma), SpanOf(fieldStart, comma - 1), visibility));
                    index++;
                }
            }

            p = comma + 1;
        }
    }

    private int ParseEnum(int start, int keyword, int end, SyntaxNode parent, List<AttributeInfo>? attributes, Visibility visibility) =>
        ParseBodiedType(start, keyword, end, parent, attributes, visibility, TypeDeclKind.Enum, ScanMode.Expression);

    private int ParseTrait(int start, int keyword, int end, SyntaxNode parent, List<AttributeInfo>? attributes, Visibility visibility) =>
        ParseBodiedType(start, keyword, end, parent, attributes, visibility, TypeDeclKind.Trait, ScanMode.Members);

    // Enums (variants are skipped; discriminant expressions are scanned) and traits (members are parsed).
    private int ParseBodiedType(int start, int keyword, int end, SyntaxNode parent, List<AttributeInfo>? attributes, Visibility visibility, TypeDeclKind kind, ScanMode bodyMode)
    {
        var name = keyword + 1;
        if (K(name) is not (RustTokenKind.Identifier or RustTokenKind.RawIdentifier))
        {
            return keyword + 1;
        }

        var body = FindInType(name + 1, end, RustTokenKind.OpenBrace, RustTokenKind.Semicolon);
        var hasBody = K(body) == RustTokenKind.OpenBrace && body < end;
        var last = hasBody ? Close(body) : Math.Min(body, end - 1);
        var node = new TypeDeclNode(SpanOf(start, last))
        {
            Name = _names.Intern(TokenText(name)),
            TypeKind = kind,
            Attributes = (IReadOnlyList<AttributeInfo>?)attributes ?? [],
            Visibility = visibility,
            BodySpan = hasBody ? InnerSpan(body) : default,
        };
        Attach(parent, node);
        if (hasBody && kind == TypeDeclKind.Trait)
        {
            ScanGroup(body, node, bodyMode);
        }

        return last + 1;
    }

    private int ParseImpl(int start, int keyword, int end, SyntaxNode parent, List<AttributeInfo>? attributes)
    {
        var j = keyword + 1;
        if (K(j) == RustTokenKind.Lt)
        {
            j = SkipAngles(j, end);
        }

        if (K(j) == RustTokenKind.Const)
        {
            j++;
        }

        var typeStart = j;
        var forAt = -1;
        var depth = 0;
        for (; j < end; j++)
        {
            var kind = _tokens[j].Kind;
            if (depth <= 0 && kind is RustTokenKind.OpenBrace or RustTokenKind.Where or RustTokenKind.Semicolon)
            {
                break;
            }

            switch (kind)
            {
                case RustTokenKind.Lt:
                    depth++;
                    break;
                case RustTokenKind.Gt:
                    depth--;
                    break;
                case RustTokenKind.Shr:
                    depth -= 2;
                    break;
                case RustTokenKind.For when depth <= 0 && K(j + 1) != RustTokenKind.Lt && forAt < 0:
                    forAt = j;
                    break;
                case RustTokenKind.OpenParen or RustTokenKind.OpenBracket:
                    j = Close(j);
                    break;
                default:
                    break;
            }
        }

        var typeEnd = j;
        if (K(j) == RustTokenKind.Where)
        {
            j = FindInType(j + 1, end, RustTokenKind.OpenBrace, RustTokenKind.Semicolon);
        }

        if (K(j) != RustTokenKind.OpenBrace || j >= end)
        {
            return Math.Max(j, keyword + 1);
        }

        var close = Close(j);
        var node = new ImplNode(SpanOf(start, close))
        {
            SelfType = TextOf(forAt >= 0 ? forAt + 1 : typeStart, typeEnd) ?? "",
            Trait = forAt >= 0 ? TextOf(typeStart, forAt) : null,
            Attributes = (IReadOnlyList<AttributeInfo>?)attributes ?? [],
            BodySpan = InnerSpan(j),
        };
        Attach(parent, node);
        ScanGroup(j, node, ScanMode.Members);
        return close + 1;
    }
}
