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
    public static string? Resolve(CallNode call, ModuleIndex pythonModules)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(pythonModules);
        return call.Tree.Language == SourceLanguage.Rust ? ResolveRust(call) : ResolvePython(call, pythonModules);
    }

    /// <summary>
    /// The reviewed Python modules, indexed by every dotted tail of their paths ("httpx/_models" and "_models" for
    /// "src/httpx/_models"), so a module name resolves in one lookup; a tail two modules share resolves to neither.
    /// </summary>
    public sealed class ModuleIndex
    {
        private readonly HashSet<string> _paths;
        private readonly Dictionary<string, string?> _byTail = new(StringComparer.Ordinal);

        public ModuleIndex(IEnumerable<string> modulePaths)
        {
            ArgumentNullException.ThrowIfNull(modulePaths);
            _paths = modulePaths.ToHashSet(StringComparer.Ordinal);
            foreach (var path in _paths)
            {
                var bare = path.EndsWith("/__init__", StringComparison.Ordinal) ? path[..^"/__init__".Length] : path;
                for (var at = 0; at >= 0 && at < bare.Length; at = bare.IndexOf('/', at) is var slash and >= 0 ? slash + 1 : -1)
                {
                    var tail = bare[at..];
                    _byTail[tail] = _byTail.TryGetValue(tail, out var other) && other != path ? null : path;
                }
            }
        }

        public bool Contains(string path) => _paths.Contains(path);

        /// <summary>The one module whose path ends with <paramref name="wanted"/> (slash-separated), or null.</summary>
        public string? ByTail(string wanted) => _byTail.GetValueOrDefault(wanted);
    }

    private static string? ResolveRust(CallNode call)
    {
        var callee = call.Callee;
        if (call.IsMethodCall)
        {
            if (call.ReceiverSpan is not { } receiver)
            {
                return null;
            }

            var name = call.Tree.Source.ToString(receiver).Trim();
            if (name == "self")
            {
                return call.EnclosingFunction() is { } caller && OwnerOf(caller) is ImplNode impl ? $"rs:type:{BareType(impl.SelfType)}:{call.Name}" : null;
            }

            // `b.size()` where `b: &Builder` (a parameter), `let b: Builder = …`, or `let b = Builder::new()`; `self.b.size()`
            // where the struct declares `b: Builder`.
            return (DeclaredType(call, name) ?? FieldType(call, name)) is { } type ? $"rs:type:{type}:{call.Name}" : null;
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

    private static string? ResolvePython(CallNode call, ModuleIndex modules)
    {
        var tree = call.Tree;
        var module = ModulePath(tree.Source.Path);
        var callee = call.Callee;
        var dot = callee.LastIndexOf('.');
        if (dot < 0)
        {
            // A name bound by an import wins over a def of the same name only when it comes later; the usual case is one or the other.
            var scope = tree.Model.PythonScope;
            if (scope.FromImports.TryGetValue(callee, out var imported))
            {
                return ResolveModule(imported.Module, module, modules) is { } target ? $"py:{target}:{imported.Name}" : null;
            }

            return scope.Functions.Contains(callee) ? $"py:{module}:{callee}" : null;
        }

        var receiver = callee[..dot];
        if (receiver is "self" or "cls")
        {
            return call.EnclosingFunction() is { } caller && OwnerOf(caller) is TypeDeclNode type ? $"py:{module}:{type.Name}.{call.Name}" : null;
        }

        // `client.send(…)` where `client: Client` (a parameter or an annotated name) or `client = Client(…)`, for a class this
        // module defines or imports by name.
        if ((IsIdentifier(receiver) ? DeclaredType(call, receiver) : FieldType(call, receiver)) is { } declared)
        {
            var scope = tree.Model.PythonScope;
            if (scope.FromImports.TryGetValue(declared, out var imported))
            {
                return ResolveModule(imported.Module, module, modules) is { } target ? $"py:{target}:{imported.Name}.{call.Name}" : null;
            }

            if (scope.Classes.Contains(declared))
            {
                return $"py:{module}:{declared}.{call.Name}";
            }
        }

        // `mod.f()` through `import a.b as mod`, or `a.b.f()` through `import a.b`.
        foreach (var import in tree.Model.PythonScope.PlainImports)
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

    /// <summary>What a Python module binds at its top level, for call resolution: computed once per file (<see cref="FileModel"/>).</summary>
    internal sealed class Scope
    {
        public Scope(SyntaxTree tree)
        {
            foreach (var node in tree.Root.Children)
            {
                switch (node)
                {
                    case FunctionNode function:
                        Functions.Add(function.Name);
                        break;
                    case TypeDeclNode type:
                        Classes.Add(type.Name);
                        break;
                    case ImportNode { Module: null } plain:
                        PlainImports.Add(plain);
                        break;
                    case ImportNode { Module: { } from } import:
                        foreach (var name in import.Names)
                        {
                            FromImports.TryAdd(name.BoundName, (from, name.Name));
                        }

                        break;
                }
            }
        }

        public HashSet<string> Functions { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Classes { get; } = new(StringComparer.Ordinal);

        public List<ImportNode> PlainImports { get; } = [];

        public Dictionary<string, (string Module, string Name)> FromImports { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The reviewed module a dotted name (<c>pkg.mod</c>, <c>.mod</c>, <c>..pkg.mod</c>) names, seen from <paramref name="from"/>:
    /// the one module path of <paramref name="modules"/> that ends with it (a package's <c>__init__</c> included); null when none
    /// or several do.
    /// </summary>
    internal static string? ResolveModule(string dotted, string from, ModuleIndex modules)
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

        return modules.ByTail(dotted.Replace('.', '/'));
    }

    /// <summary>
    /// The type the code declares for the local <paramref name="name"/> where <paramref name="call"/> uses it: every binding
    /// in the nearest scope that binds it must agree, each a parameter with a type (<c>b: &amp;mut Builder</c>,
    /// <c>client: Client | None</c>), an annotated assignment (<c>let b: Builder = …</c>), or a construction
    /// (<c>Builder::new()</c>, <c>Client(…)</c>). The bare type name, or null when the code does not say.
    /// </summary>
    internal static string? DeclaredType(CallNode call, string name)
    {
        if (!IsIdentifier(name))
        {
            return null;
        }

        var python = call.Tree.Language == SourceLanguage.Python;
        string? found = null;
        foreach (var binding in BindingIndex.Find(call, name))
        {
            var type = binding switch
            {
                { Parameter.Type: { } written } => python ? PythonTypeName(written) : RustTypeName(written),
                { Assignment: { TypeAnnotation: { } written } } => python ? PythonTypeName(written) : RustTypeName(written),
                { Assignment: { ValueShape: ExpressionShape.Call, ValueCallee: { } callee } } => python ? PythonConstructed(callee) : RustConstructed(callee),
                _ => null,
            };
            if (type is null || (found is not null && found != type))
            {
                return null;
            }

            found = type;
        }

        return found;
    }

    /// <summary>
    /// The declared type of the field <c>self.NAME</c> that <paramref name="receiver"/> names, read from the enclosing class
    /// (Python: a class-level annotation, or a typed or constructed <c>self.x</c> in <c>__init__</c>) or from the struct
    /// the enclosing <c>impl</c> is for, when this file declares it; null otherwise.
    /// </summary>
    internal static string? FieldType(CallNode call, string receiver)
    {
        if (!receiver.StartsWith("self.", StringComparison.Ordinal) || !IsIdentifier(receiver[5..]) || call.EnclosingFunction() is not { } caller)
        {
            return null;
        }

        var python = call.Tree.Language == SourceLanguage.Python;
        var type = OwnerOf(caller) switch
        {
            TypeDeclNode declared when python => declared,
            ImplNode impl when !python => call.Tree.Model.TypesByName.GetValueOrDefault(BareType(impl.SelfType)),
            _ => null,
        };
        var field = type?.Fields.FirstOrDefault(f => f.Name == receiver[5..]);
        return field?.Type is { } written ? python ? PythonTypeName(written) ?? PythonConstructed(written.TrimEnd(')').Split('(')[0]) : RustTypeName(written) : null;
    }

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    // `&mut crate::Builder<'a>`, `Box<Builder>`, `Arc<Builder>` → `Builder`; `impl Trait`, `dyn Trait`, tuples, slices → null.
    private static string? RustTypeName(string written)
    {
        var t = written.Trim().TrimStart('&').Trim();
        if (t.StartsWith("mut ", StringComparison.Ordinal))
        {
            t = t[4..].Trim();
        }

        if (t.StartsWith('\''))
        {
            var space = t.IndexOf(' ', StringComparison.Ordinal);
            t = space < 0 ? string.Empty : t[(space + 1)..].Trim();
            if (t.StartsWith("mut ", StringComparison.Ordinal))
            {
                t = t[4..].Trim();
            }
        }

        foreach (var wrapper in (string[])["Box<", "Arc<", "Rc<", "std::sync::Arc<", "std::rc::Rc<"])
        {
            if (t.StartsWith(wrapper, StringComparison.Ordinal) && t.EndsWith('>'))
            {
                return RustTypeName(t[wrapper.Length..^1]);
            }
        }

        var bare = BareType(t);
        return IsIdentifier(bare) && char.IsUpper(bare[0]) && bare != "Self" ? bare : null;
    }

    // `Builder::new(…)`, `Builder::default()`, `Builder::with_capacity(…)` → `Builder`.
    private static string? RustConstructed(string callee)
    {
        var sep = callee.LastIndexOf("::", StringComparison.Ordinal);
        if (sep < 0)
        {
            return null;
        }

        var method = callee[(sep + 2)..];
        return method is "new" or "default" || method.StartsWith("with_", StringComparison.Ordinal) ? RustTypeName(callee[..sep]) : null;
    }

    // `Client`, `"Client"`, `Client | None`, `Optional[Client]`, `mod.Client` stays null (a module's class is not resolved here).
    private static string? PythonTypeName(string written)
    {
        var t = written.Trim().Trim('"', '\'').Trim();
        if (t.StartsWith("Optional[", StringComparison.Ordinal) && t.EndsWith(']'))
        {
            t = t["Optional[".Length..^1].Trim();
        }

        var parts = t.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(p => p != "None").ToArray();
        return parts is [var one] && IsIdentifier(one) && char.IsUpper(one[0]) ? one : null;
    }

    private static string? PythonConstructed(string callee) => IsIdentifier(callee) && char.IsUpper(callee[0]) ? callee : null;

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

    /// <summary>A type as written, without generics, path or reference: <c>&amp;crate::errors::ParseError&lt;'a&gt;</c> → <c>ParseError</c>.</summary>
    internal static string BareType(string type)
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
