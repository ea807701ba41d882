using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// Resolves calls to the functions they reach, where the code says which one, across the reviewed files: a call is
/// matched to a definition by what the names are bound to, never by the simple name alone (calibration/verdicts.tsv:
/// "called from a loop" by name made `Builder::size` hot because an unrelated `Other::size` was called in a loop).
/// <list type="bullet">
/// <item>Python: <c>f()</c> to the module's own <c>def f</c> or to <c>def n</c> in the reviewed module that
/// <c>from M import n as f</c> names (relative imports included); <c>mod.f()</c> through <c>import a.b as mod</c>;
/// <c>self.m()</c> / <c>cls.m()</c> to the enclosing class's own method.</item>
/// <item>Rust: <c>self.m()</c>, <c>Self::m()</c> and <c>Type::m()</c> to <c>fn m</c> in an <c>impl Type</c> of the reviewed code;
/// <c>f()</c> to the file's own free <c>fn f</c>, else to the one free <c>fn f</c> of the reviewed code when exactly one exists.</item>
/// </list>
/// Anything else (a method on a value of unknown type, a name from outside the review) is unresolved: no evidence.
/// </summary>
public static class CallTargets
{
    /// <summary>The key of a definition: the one a resolved call of it yields (see <see cref="Resolve"/>).</summary>
    public static string KeyOf(FunctionNode function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var tree = function.Tree;
        var owner = OwnerOf(function);
        if (tree.Language == SourceLanguage.Rust)
        {
            return owner is ImplNode impl ? $"rs:type:{BareType(impl.SelfType)}:{function.Name}" : $"rs:fn:{function.Name}";
        }

        var module = ModulePath(tree.Source.Path);
        return owner is TypeDeclNode type ? $"py:{module}:{type.Name}.{function.Name}" : $"py:{module}:{function.Name}";
    }

    /// <summary>
    /// The key of the definition <paramref name="call"/> reaches, or null when the code does not say. Rust free functions resolve
    /// by name to <c>rs:fn:NAME</c>; <see cref="Index"/> keeps such a key only when the reviewed code defines exactly one.
    /// </summary>
    public static string? Resolve(CallNode call, IReadOnlySet<string> pythonModules)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(pythonModules);
        return call.Tree.Language == SourceLanguage.Rust ? ResolveRust(call) : ResolvePython(call, pythonModules);
    }

    private static string? ResolveRust(CallNode call)
    {
        var callee = call.Callee;
        if (call.IsMethodCall)
        {
            if (call.ReceiverSpan is { } receiver && call.Tree.Source.ToString(receiver).Trim() == "self" && call.EnclosingFunction() is { } caller && OwnerOf(caller) is ImplNode impl)
            {
                return $"rs:type:{BareType(impl.SelfType)}:{call.Name}";
            }

            return null;
        }

        var sep = callee.LastIndexOf("::", StringComparison.Ordinal);
        if (sep < 0)
        {
            return callee.Length > 0 && (char.IsLower(callee[0]) || callee[0] == '_') ? $"rs:fn:{callee}" : null;
        }

        var owner = callee[..sep];
        owner = owner[(owner.LastIndexOf("::", StringComparison.Ordinal) is var o and >= 0 ? o + 2 : 0)..];
        owner = BareType(owner);
        if (owner == "Self")
        {
            return call.EnclosingFunction() is { } caller && OwnerOf(caller) is ImplNode impl ? $"rs:type:{BareType(impl.SelfType)}:{call.Name}" : null;
        }

        // `Type::method(…)`; a lower-case owner is a module path (`util::parse`), a free function.
        return owner.Length > 0 && char.IsUpper(owner[0]) ? $"rs:type:{owner}:{call.Name}" : $"rs:fn:{call.Name}";
    }

    private static string? ResolvePython(CallNode call, IReadOnlySet<string> modules)
    {
        var tree = call.Tree;
        var module = ModulePath(tree.Source.Path);
        var callee = call.Callee;
        var dot = callee.LastIndexOf('.');
        if (dot < 0)
        {
            // A name bound by an import wins over a def of the same name only when it comes later; the usual case is one or the other.
            if (ImportOf(tree, callee) is { } imported)
            {
                return imported.Module is { } from && ResolveModule(from, module, modules) is { } target ? $"py:{target}:{imported.Name.Name}" : null;
            }

            return tree.Root.Children.OfType<FunctionNode>().Any(f => f.Name == callee) ? $"py:{module}:{callee}" : null;
        }

        var receiver = callee[..dot];
        if (receiver is "self" or "cls")
        {
            return call.EnclosingFunction() is { } caller && OwnerOf(caller) is TypeDeclNode type ? $"py:{module}:{type.Name}.{call.Name}" : null;
        }

        // `mod.f()` through `import a.b as mod`, or `a.b.f()` through `import a.b`.
        foreach (var import in tree.Root.Children.OfType<ImportNode>().Where(i => i.Module is null))
        {
            foreach (var name in import.Names)
            {
                var dotted = name.Alias is null ? receiver : receiver == name.Alias ? name.Name : null;
                if (dotted is not null && (name.Alias is not null || dotted == name.Name) && ResolveModule(dotted, module, modules) is { } target)
                {
                    return $"py:{target}:{call.Name}";
                }
            }
        }

        return null;
    }

    private static (ImportNode Import, ImportedName Name, string? Module)? ImportOf(SyntaxTree tree, string bound)
    {
        foreach (var import in tree.Root.Children.OfType<ImportNode>())
        {
            foreach (var name in import.Names)
            {
                if (name.BoundName == bound && import.Module is not null)
                {
                    return (import, name, import.Module);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The reviewed module a dotted name (<c>pkg.mod</c>, <c>.mod</c>, <c>..pkg.mod</c>) names, seen from <paramref name="from"/>:
    /// the one module path of <paramref name="modules"/> that ends with it (a package's <c>__init__</c> included); null when none
    /// or several do.
    /// </summary>
    internal static string? ResolveModule(string dotted, string from, IReadOnlySet<string> modules)
    {
        string wanted;
        if (dotted.StartsWith('.'))
        {
            var ups = dotted.TakeWhile(c => c == '.').Count();
            var folder = from.Split('/')[..^1].ToList();
            if (ups - 1 > folder.Count)
            {
                return null;
            }

            folder.RemoveRange(folder.Count - (ups - 1), ups - 1);
            var rest = dotted[ups..];
            wanted = string.Join('/', rest.Length == 0 ? folder : [.. folder, .. rest.Split('.')]);
            return modules.Contains(wanted) ? wanted : modules.Contains(wanted + "/__init__") ? wanted + "/__init__" : null;
        }

        wanted = dotted.Replace('.', '/');
        string? found = null;
        foreach (var candidate in modules)
        {
            var bare = candidate.EndsWith("/__init__", StringComparison.Ordinal) ? candidate[..^"/__init__".Length] : candidate;
            if (bare == wanted || bare.EndsWith("/" + wanted, StringComparison.Ordinal))
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>A Python file's module path: its path without the extension, with '/' separators ("src/httpx/_models").</summary>
    public static string ModulePath(string? path)
    {
        var p = (path ?? "<input>").Replace('\\', '/');
        var dot = p.LastIndexOf('.');
        return dot > p.LastIndexOf('/') ? p[..dot] : p;
    }

    // The class or impl a function is a method of: its nearest enclosing one, unless another function comes first (a nested def).
    private static SyntaxNode? OwnerOf(FunctionNode function)
    {
        foreach (var ancestor in function.Ancestors())
        {
            switch (ancestor)
            {
                case ImplNode or TypeDeclNode:
                    return ancestor;
                case FunctionNode:
                    return null;
            }
        }

        return null;
    }

    private static string BareType(string type)
    {
        var t = type.Trim();
        var generic = t.IndexOf('<', StringComparison.Ordinal);
        if (generic >= 0)
        {
            t = t[..generic];
        }

        var path = t.LastIndexOf("::", StringComparison.Ordinal);
        return (path >= 0 ? t[(path + 2)..] : t).Trim('&', ' ');
    }
}
