using System.Runtime.CompilerServices;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Items: attributes, visibility, fn, struct/enum/union/trait, impl, mod, use, extern crate, const/static, macros.</summary>
internal sealed partial class RustStructureBuilder
{
    /// <summary>Parses an item at <paramref name="i"/> and returns the index after it, or <paramref name="i"/> when none starts there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TryParseItem(int i, int end, SyntaxNode parent, List<AttributeInfo>? attributes, int attributesStart, bool isMember)
    {
        var kind = _tokens[i].Kind;
        if (!MayStartItem(kind, i))
        {
            return i;
        }

        var start = attributes is { Count: > 0 } ? attributesStart : i;
        var j = i;
        var visibility = ParseVisibility(ref j);
        var isAsync = false;
        while (j < end)
        {
            var next = K(j + 1);
            switch (_tokens[j].Kind)
            {
                case RustTokenKind.Const when next is RustTokenKind.Fn or RustTokenKind.Unsafe or RustTokenKind.Async or RustTokenKind.Extern:
                case RustTokenKind.Unsafe when next is RustTokenKind.Fn or RustTokenKind.Impl or RustTokenKind.Trait or RustTokenKind.Extern
                    or RustTokenKind.Async or RustTokenKind.Const or RustTokenKind.Mod or RustTokenKind.Identifier:
                case RustTokenKind.Identifier when IsQualifierWord(j, next):
                    j++;
                    continue;
                case RustTokenKind.Async when next is RustTokenKind.Fn or RustTokenKind.Unsafe or RustTokenKind.Extern or RustTokenKind.Const:
                    isAsync = true;
                    j++;
                    continue;
                case RustTokenKind.Extern when next != RustTokenKind.Crate:
                    var abi = IsStringLiteral(next) ? j + 2 : j + 1;
                    if (K(abi) == RustTokenKind.OpenBrace && abi < end)
                    {
                        // `extern "C" { fn f(); }`: foreign items, declarations without bodies.
                        ScanGroup(abi, parent, ScanMode.Block);
                        return Close(abi) + 1;
                    }

                    j = abi;
                    continue;
                default:
                    break;
            }

            break;
        }

        // A visibility or qualifiers that run to the end of the range (`pub(c` as the last tokens of a broken file) start no item.
        if (j >= end)
        {
            return i;
        }

        var item = _tokens[j].Kind;
        var after = item switch
        {
            RustTokenKind.Fn => ParseFunction(start, j, end, parent, attributes, visibility, isAsync, isMember),
            RustTokenKind.Struct => ParseStruct(start, j, end, parent, attributes, visibility, TypeDeclKind.Struct),
            RustTokenKind.Identifier when IsWordToken(j, "union") && K(j + 1) == RustTokenKind.Identifier =>
                ParseStruct(start, j, end, parent, attributes, visibility, TypeDeclKind.Union),
            RustTokenKind.Enum => ParseEnum(start, j, end, parent, attributes, visibility),
            RustTokenKind.Trait => ParseTrait(start, j, end, parent, attributes, visibility),
            RustTokenKind.Impl => ParseImpl(start, j, end, parent, attributes),
            RustTokenKind.Mod => ParseModule(start, j, end, parent, attributes),
            RustTokenKind.Use => ParseUse(start, j, end, parent),
            RustTokenKind.Extern when K(j + 1) == RustTokenKind.Crate => ParseExternCrate(start, j, end, parent),
            RustTokenKind.Const or RustTokenKind.Static when K(j + 1) is RustTokenKind.Identifier or RustTokenKind.Underscore or RustTokenKind.Mut or RustTokenKind.RawIdentifier =>
                ParseConstOrStatic(j, end, parent),
            RustTokenKind.Type when K(j + 1) is RustTokenKind.Identifier or RustTokenKind.RawIdentifier => FindTopLevel(j, end, RustTokenKind.Semicolon) + 1,
            RustTokenKind.Macro when K(j + 1) == RustTokenKind.Identifier => SkipDeclarativeMacro(j + 2, end),
            _ => -1,
        };

        // Qualifiers without an item after them (broken code, macro fragments): step over them, nothing more.
        return after >= 0 ? Math.Min(after, Math.Max(end, after)) : j;
    }

    private bool MayStartItem(RustTokenKind kind, int i) => kind switch
    {
        RustTokenKind.Fn or RustTokenKind.Struct or RustTokenKind.Enum or RustTokenKind.Trait or RustTokenKind.Impl or RustTokenKind.Mod
            or RustTokenKind.Use or RustTokenKind.Extern or RustTokenKind.Static or RustTokenKind.Type or RustTokenKind.Pub
            or RustTokenKind.Macro => true,
        RustTokenKind.Const => K(i + 1) is not RustTokenKind.OpenBrace,
        RustTokenKind.Unsafe => K(i + 1) is not RustTokenKind.OpenBrace,
        RustTokenKind.Async => K(i + 1) is RustTokenKind.Fn or RustTokenKind.Unsafe or RustTokenKind.Extern or RustTokenKind.Const,
        RustTokenKind.Identifier => IsWordToken(i, "union") ? K(i + 1) == RustTokenKind.Identifier : IsQualifierWord(i, K(i + 1)),
        _ => false,
    };

    // Contextual qualifiers: `default fn`, `auto trait`, `safe fn` (2024 extern blocks).
    private bool IsQualifierWord(int i, RustTokenKind next) =>
        (IsWordToken(i, "default") && next is RustTokenKind.Fn or RustTokenKind.Impl or RustTokenKind.Unsafe or RustTokenKind.Async or RustTokenKind.Const or RustTokenKind.Type)
        || (IsWordToken(i, "auto") && next == RustTokenKind.Trait)
        || (IsWordToken(i, "safe") && next is RustTokenKind.Fn or RustTokenKind.Static);

    private Visibility ParseVisibility(ref int j)
    {
        if (K(j) != RustTokenKind.Pub)
        {
            return Visibility.Private;
        }

        j++;
        if (K(j) != RustTokenKind.OpenParen)
        {
            return Visibility.Public;
        }

        var visibility = K(j + 1) == RustTokenKind.Crate && Close(j) == j + 2 ? Visibility.Crate : Visibility.Restricted;
        j = Close(j) + 1;
        return visibility;
    }

    /// <summary>Parses <c>#[…]</c> or <c>#![…]</c> at <paramref name="pound"/> into <paramref name="into"/>; returns the index after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseAttribute(int pound, List<AttributeInfo> into)
    {
        var inner = K(pound + 1) == RustTokenKind.Bang;
        var open = inner ? pound + 2 : pound + 1;
        if (K(open) != RustTokenKind.OpenBracket)
        {
            return pound + 1;
        }

        var close = Close(open);
        var p = open + 1;
        if (K(p) == RustTokenKind.Unsafe && K(p + 1) == RustTokenKind.OpenParen)
        {
            p += 2; // `#[unsafe(no_mangle)]` (2024): the attribute is what is inside
        }

        var nameStart = p;
        while (p < close && (IsPathSegment(K(p)) || K(p) == RustTokenKind.ColonColon || RustKeywords.IsWord(K(p))))
        {
            p++;
        }

        string? arguments = null;
        if (p < close && IsOpen(K(p)))
        {
            arguments = TextOf(p + 1, Close(p)) ?? "";
        }
        else if (K(p) == RustTokenKind.Eq)
        {
            arguments = TextOf(p + 1, close);
        }

        if (p > nameStart)
        {
            into.Add(new AttributeInfo(AssembleWithoutSpaces(nameStart, p), arguments, SpanOf(pound, close), inner));
        }

        return close + 1;
    }

    /// <summary>The <c>#![…]</c> attributes at <paramref name="start"/> (a file or module body); returns the index after them.</summary>
    private int ParseInnerAttributes(int start, int end, List<AttributeInfo> into)
    {
        var i = start;
        while (i < end && K(i) == RustTokenKind.Pound && K(i + 1) == RustTokenKind.Bang && K(i + 2) == RustTokenKind.OpenBracket)
        {
            i = ParseAttribute(i, into);
        }

        return i;
    }

    private int ParseConstOrStatic(int keyword, int end, SyntaxNode parent)
    {
        var eq = FindInType(keyword + 1, end, RustTokenKind.Eq, RustTokenKind.Semicolon);
        var semicolon = FindTopLevel(eq, end, RustTokenKind.Semicolon);
        if (K(eq) == RustTokenKind.Eq)
        {
            Scan(eq + 1, semicolon, parent, ScanMode.Expression);
        }

        return semicolon + 1;
    }

    // `macro name { … }` or `macro name(…) { … }` (declarative macros 2.0): the rules are not code.
    private int SkipDeclarativeMacro(int i, int end)
    {
        while (i < end && IsOpen(K(i)))
        {
            i = Close(i) + 1;
        }

        return i;
    }

    private int ParseModule(int start, int keyword, int end, SyntaxNode parent, List<AttributeInfo>? attributes)
    {
        var name = keyword + 1;
        if (!IsPathSegment(K(name)))
        {
            return keyword + 1;
        }

        var body = name + 1;
        if (K(body) != RustTokenKind.OpenBrace || body >= end)
        {
            return K(body) == RustTokenKind.Semicolon ? body + 1 : body;
        }

        var all = attributes is null ? new List<AttributeInfo>() : [.. attributes];
        var close = Close(body);
        var first = ParseInnerAttributes(body + 1, close, all);
        var module = new ModuleNode(SpanOf(start, close)) { Name = _names.Intern(TokenText(name)), Attributes = all };
        Attach(parent, module);
        if (EnterNesting(body))
        {
            Scan(first, close, module, ScanMode.Block);
            _nesting--;
        }

        return close + 1;
    }
}
