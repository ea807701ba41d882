using System.Text.RegularExpressions;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS007: a <c>#[repr(C)]</c> struct whose field order wastes bytes on padding that a largest-alignment-first order would save.</summary>
public sealed partial class PaddedFixedLayout : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "RS007",
        "rust/struct-padding",
        nameof(PaddedFixedLayout),
        SourceLanguage.Rust,
        WhatItDoes: "Computes the layout of `#[repr(C)]` structs (alone or with `align`/`packed(N)`) from their field types — integers, floats, bool, char, pointers, references, `Box`, `Option` of a pointer, arrays of those — and flags those that ordering the fields by alignment would make smaller. Plain `repr(Rust)` structs are skipped: rustc reorders their fields itself; `repr(align(N))` alone keeps that freedom and `repr(packed)` has no padding.",
        WhyBad: "Padding bytes are memory and cache lines carried by every instance: in an array of a million headers, 8 wasted bytes each is 8 MB and proportionally more cache misses.",
        Example: "#[repr(C)]\nstruct SampleHeader {\n    valid: bool,\n    timestamp_ns: u64,\n    channel: u32,\n}",
        UseInstead: "#[repr(C)]\nstruct SampleHeader {\n    timestamp_ns: u64,\n    channel: u32,\n    valid: bool,\n}");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var type in context.Nodes<TypeDeclNode>())
        {
            if (type.TypeKind != TypeDeclKind.Struct || type.Fields.Count < 2 || Repr(type) is not { } repr || type.IsTestCode())
            {
                continue;
            }

            // Lower-case names mirror C headers (`sockaddr_in`, `stat`): their order is dictated by the C side.
            if (char.IsLower(type.Name[0]))
            {
                continue;
            }

            var layouts = new List<(FieldInfo Field, int Size, int Align)>();
            foreach (var field in type.Fields)
            {
                if (field.Type is null || Layout(field.Type) is not { } layout)
                {
                    layouts.Clear();
                    break;
                }

                layouts.Add((field, layout.Size, Math.Min(layout.Align, repr.MaxAlign)));
            }

            if (layouts.Count < 2)
            {
                continue;
            }

            var declared = SizeOf(layouts.Select(l => (l.Size, l.Align)), repr.MinAlign);
            var ordered = layouts.OrderByDescending(l => l.Align).ToList();
            var best = SizeOf(ordered.Select(l => (l.Size, l.Align)), repr.MinAlign);
            if (best >= declared)
            {
                continue;
            }

            var payload = layouts.Sum(l => l.Size);
            var order = string.Join(", ", ordered.Select(l => $"{l.Field.Name}: {l.Field.Type}"));
            context.Report(
                type,
                $"`{type.Name}` has a fixed layout ({repr.Text}) and its field order leaves {declared - payload} bytes of padding: {declared} bytes per value where {best} would do",
                $"if no C header or file format dictates this order, declare the fields from the largest alignment to the smallest: {order} ({declared} → {best} bytes)",
                Confidence.Medium,
                $"{declared - best} bytes less per value ({(declared - best) * 100 / declared}% smaller), so more values per cache line.",
                NameSpan(context, type));
        }
    }

    private readonly record struct ReprInfo(string Text, int MaxAlign, int MinAlign);

    private static ReprInfo? Repr(TypeDeclNode type)
    {
        var args = string.Join(", ", type.Attributes.Where(a => a.Name == "repr" && a.Arguments is not null).Select(a => a.Arguments!.Replace(" ", "", StringComparison.Ordinal)));
        var parts = args.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (!parts.Contains("C"))
        {
            return null;
        }

        var maxAlign = int.MaxValue;
        var minAlign = 1;
        foreach (var part in parts)
        {
            if (part == "packed")
            {
                return null;
            }

            if (ReprNumber().Match(part) is { Success: true } m && int.TryParse(m.Groups[2].Value, out var n) && n > 0)
            {
                if (m.Groups[1].Value == "packed")
                {
                    maxAlign = n;
                }
                else
                {
                    minAlign = n;
                }
            }
        }

        return new ReprInfo("#[repr(" + string.Join(", ", parts) + ")]", maxAlign, minAlign);
    }

    private static int SizeOf(IEnumerable<(int Size, int Align)> fields, int minAlign)
    {
        var offset = 0;
        var align = minAlign;
        foreach (var (size, fieldAlign) in fields)
        {
            offset = (offset + fieldAlign - 1) / fieldAlign * fieldAlign + size;
            align = Math.Max(align, fieldAlign);
        }

        return (offset + align - 1) / align * align;
    }

    /// <summary>Size and alignment on a 64-bit target, or null for a type whose layout is not known from its name.</summary>
    internal static (int Size, int Align)? Layout(string type)
    {
        var t = string.Join(' ', type.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        t = StripPath().Replace(t, "");
        switch (t)
        {
            case "bool" or "u8" or "i8" or "AtomicBool" or "AtomicU8" or "AtomicI8":
                return (1, 1);
            case "u16" or "i16" or "AtomicU16" or "AtomicI16":
                return (2, 2);
            case "u32" or "i32" or "f32" or "char" or "AtomicU32" or "AtomicI32" or "NonZeroU32" or "NonZeroI32":
                return (4, 4);
            case "u64" or "i64" or "f64" or "usize" or "isize" or "AtomicU64" or "AtomicI64" or "AtomicUsize" or "AtomicIsize" or "NonZeroU64" or "NonZeroUsize":
                return (8, 8);
            case "u128" or "i128":
                return (16, 16);
            case "()":
                return (0, 1);
            default:
                break;
        }

        if (t.StartsWith("PhantomData", StringComparison.Ordinal))
        {
            return (0, 1);
        }

        if (t.StartsWith("Option<", StringComparison.Ordinal) && t.EndsWith('>'))
        {
            var inner = t[7..^1].Trim();
            return IsThinPointer(inner) || inner.StartsWith("NonNull", StringComparison.Ordinal) || inner.StartsWith("fn(", StringComparison.Ordinal) ? (8, 8) : null;
        }

        if (IsThinPointer(t) || t.StartsWith("fn(", StringComparison.Ordinal) || t.StartsWith("extern \"C\" fn(", StringComparison.Ordinal) || t.StartsWith("NonNull<", StringComparison.Ordinal))
        {
            return (8, 8);
        }

        if (ArrayType().Match(t) is { Success: true } array && int.TryParse(array.Groups[2].Value.Replace("_", "", StringComparison.Ordinal), out var count) && Layout(array.Groups[1].Value) is { } element)
        {
            return (element.Size * count, element.Align);
        }

        return null;
    }

    // `&T`, `*const T`, `Box<T>` to a sized T; `&str`, `&[T]`, `Box<dyn …>` are two words and not handled.
    private static bool IsThinPointer(string t)
    {
        string? pointee = null;
        if (t.StartsWith("*const ", StringComparison.Ordinal) || t.StartsWith("*mut ", StringComparison.Ordinal))
        {
            pointee = t[(t.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        }
        else if (t.StartsWith('&'))
        {
            pointee = LifetimeOrMut().Replace(t[1..], "").Trim();
        }
        else if (t.StartsWith("Box<", StringComparison.Ordinal) && t.EndsWith('>'))
        {
            pointee = t[4..^1];
        }

        return pointee is not null && pointee != "str" && !pointee.StartsWith('[') && !pointee.StartsWith("dyn", StringComparison.Ordinal) && !pointee.StartsWith("Path", StringComparison.Ordinal)
            && !pointee.StartsWith("OsStr", StringComparison.Ordinal) && !pointee.StartsWith("CStr", StringComparison.Ordinal);
    }

    private static TextSpan NameSpan(RuleContext context, TypeDeclNode type)
    {
        var text = context.TextOf(type.Span);
        var at = StructName().Match(text);
        return at.Success ? new TextSpan(type.Span.Start + at.Groups[1].Index, at.Groups[1].Length) : type.Span;
    }

    [GeneratedRegex(@"^(packed|align)\((\d+)\)$")]
    private static partial Regex ReprNumber();

    [GeneratedRegex(@"\b(?:std|core|alloc)::(?:\w+::)*|\b(?:sync::atomic|ptr|num|marker|atomic)::")]
    private static partial Regex StripPath();

    [GeneratedRegex(@"^\[(.+);\s*([\d_]+)(?:usize)?\]$")]
    private static partial Regex ArrayType();

    [GeneratedRegex(@"^('\w+\s*)?(mut\s+)?")]
    private static partial Regex LifetimeOrMut();

    [GeneratedRegex(@"\bstruct\s+(\w+)")]
    private static partial Regex StructName();
}
