using System.Text.RegularExpressions;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>What the code says a name holds, as far as the rules care.</summary>
internal enum CollectionKind
{
    Unknown,

    /// <summary><c>Vec::new()</c>, <c>vec![]</c> of computed items, <c>Vec&lt;T&gt;</c>, <c>.collect::&lt;Vec&lt;_&gt;&gt;()</c>, <c>.to_vec()</c>.</summary>
    Vec,

    /// <summary><c>vec![1, 2, 3]</c> or <c>[a, b]</c> literals: a handful of constants, cheap to scan.</summary>
    SmallConstant,

    /// <summary>A <c>&amp;[T]</c> parameter: a sequence of unknown length.</summary>
    Slice,

    /// <summary>Sets, maps, strings: their lookups are not linear scans of a Vec.</summary>
    NotAVec,
}

/// <summary>Resolves a local name or a <c>self.field</c> to the kind of collection it holds, from its <c>let</c>, parameter or field type.</summary>
internal static partial class CollectionKinds
{
    [GeneratedRegex(@"'\w+|\bmut\b|\bdyn\b|\s+")]
    private static partial Regex Noise();

    public static CollectionKind Of(SyntaxNode at, string place, out SyntaxNode? binding)
    {
        binding = null;
        if (place.StartsWith("self.", StringComparison.Ordinal) && place.IndexOf('.', 5) < 0)
        {
            return FieldKind(at, place[5..]);
        }

        if (!RustCode.IsPlace(place) || place.Contains('.', StringComparison.Ordinal))
        {
            return CollectionKind.Unknown;
        }

        if (at.FindLet(place) is { } let)
        {
            binding = let;
            return LetKind(let);
        }

        return at.FindParameter(place) is { Type: { } type } ? TypeKind(type) : CollectionKind.Unknown;
    }

    public static CollectionKind TypeKind(string type)
    {
        // `&'a mut [T]` → `[T]`: lifetimes, references and `mut` say nothing about the collection.
        var t = Noise().Replace(type, "").TrimStart('&');
        if (t.StartsWith("Vec<", StringComparison.Ordinal) || t.StartsWith("std::vec::Vec<", StringComparison.Ordinal))
        {
            return CollectionKind.Vec;
        }

        if (t.StartsWith('[') && !t.Contains(';', StringComparison.Ordinal))
        {
            return CollectionKind.Slice;
        }

        if (t.StartsWith('[') || t.Contains("Set<", StringComparison.Ordinal) || t.Contains("Map<", StringComparison.Ordinal) || t is "str" or "String")
        {
            return t.StartsWith('[') ? CollectionKind.SmallConstant : CollectionKind.NotAVec;
        }

        return CollectionKind.Unknown;
    }

    private static CollectionKind LetKind(AssignmentNode let)
    {
        if (let.TypeAnnotation is { } annotation && TypeKind(annotation) is var byType and not CollectionKind.Unknown)
        {
            return byType;
        }

        if (let.ValueSpan is not { } valueSpan)
        {
            return CollectionKind.Unknown;
        }

        var value = let.Tree.Source.ToString(valueSpan).Trim();
        if (let.ValueCallee is "Vec::new" or "Vec::with_capacity" or "Vec::default" || value.EndsWith(".to_vec()", StringComparison.Ordinal)
            || value.Contains("collect::<Vec<", StringComparison.Ordinal))
        {
            return CollectionKind.Vec;
        }

        if (value.StartsWith("vec!", StringComparison.Ordinal))
        {
            return IsConstantList(value[4..]) ? CollectionKind.SmallConstant : CollectionKind.Vec;
        }

        if (value.StartsWith('[') || value.StartsWith("&[", StringComparison.Ordinal))
        {
            return CollectionKind.SmallConstant;
        }

        return let.ValueCallee is { } callee && (callee.Contains("Set::", StringComparison.Ordinal) || callee.Contains("Map::", StringComparison.Ordinal) || callee.StartsWith("String::", StringComparison.Ordinal))
            ? CollectionKind.NotAVec
            : CollectionKind.Unknown;
    }

    // `[1, 2, 3]`, `["a", "b"]`, `[]`: literals only (a `;` repeat or any name means computed contents).
    private static bool IsConstantList(string brackets)
    {
        var inner = brackets.Trim().TrimStart('[', '(').TrimEnd(']', ')');
        if (inner.Trim().Length == 0)
        {
            return false;
        }

        foreach (var item in inner.Split(','))
        {
            var text = item.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var literal = text[0] is '"' or '\'' or '-' || char.IsDigit(text[0]) || text is "true" or "false";
            if (!literal)
            {
                return false;
            }
        }

        return true;
    }

    private static CollectionKind FieldKind(SyntaxNode at, string field)
    {
        if (at.FirstAncestor<ImplNode>() is not { } impl)
        {
            return CollectionKind.Unknown;
        }

        var typeName = impl.SelfType.Split('<')[0].Trim();
        var type = NodesByType.Of<TypeDeclNode>(at.Tree).FirstOrDefault(t => t.Name == typeName && t.TypeKind == TypeDeclKind.Struct);
        var declared = type?.Fields.FirstOrDefault(f => f.Name == field)?.Type;
        return declared is null ? CollectionKind.Unknown : TypeKind(declared);
    }
}
