using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>
/// What a dotted Python name means where it is used, through the imports that bind its head: <c>urlopen</c> after
/// <c>from urllib.request import urlopen</c> is <c>urllib.request.urlopen</c>, <c>request.urlopen</c> after
/// <c>from urllib import request</c> is the same function, and <c>open</c> bound by nothing is <c>builtins.open</c>.
/// Null when the head is bound by anything but imports that agree (a parameter, an assignment, a relative import).
/// </summary>
internal static class QualifiedNames
{
    public static string? Resolve(SyntaxNode at, string dotted)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (!PythonCode.IsDottedName(dotted))
        {
            return null;
        }

        var dot = dotted.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? dotted : dotted[..dot];
        var rest = dot < 0 ? "" : dotted[dot..];
        var bindings = PythonCode.NearestBindings(at, head);
        if (bindings.Count == 0)
        {
            return "builtins." + dotted;
        }

        string? resolved = null;
        foreach (var binding in bindings)
        {
            if (binding.Node is not ImportNode import || ImportedAs(import, head) is not { } target || resolved is not null && resolved != target)
            {
                return null;
            }

            resolved = target;
        }

        return resolved + rest;
    }

    // `import a.b` binds `a` to `a`; `import a.b as x` binds `x` to `a.b`; `from m import n as x` binds `x` to `m.n`.
    private static string? ImportedAs(ImportNode import, string bound)
    {
        foreach (var name in import.Names)
        {
            if (name.BoundName != bound)
            {
                continue;
            }

            if (import.Module is null)
            {
                return name.Alias is null ? bound : name.Name;
            }

            return import.Module.StartsWith('.') ? null : import.Module + "." + name.Name;
        }

        return null;
    }

    /// <summary>
    /// The one type an annotation names, with <c>None</c> taken out of a union (<c>httpx.Client | None</c>,
    /// <c>Optional[httpx.Client]</c>, a quoted forward reference), resolved through the imports; null for anything else.
    /// </summary>
    public static string? AnnotatedType(SyntaxNode at, string? annotation)
    {
        if (annotation is null)
        {
            return null;
        }

        var text = annotation.Trim().Trim('"', '\'').Trim();
        if (text.StartsWith("Optional[", StringComparison.Ordinal) && text.EndsWith(']'))
        {
            text = text["Optional[".Length..^1];
        }
        else if (text.StartsWith("typing.Optional[", StringComparison.Ordinal) && text.EndsWith(']'))
        {
            text = text["typing.Optional[".Length..^1];
        }

        var parts = text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(p => p != "None").ToList();
        return parts is [var single] && PythonCode.IsDottedName(single) && Resolve(at, single) is { } resolved && !resolved.StartsWith("builtins.", StringComparison.Ordinal)
            ? resolved
            : null;
    }
}
