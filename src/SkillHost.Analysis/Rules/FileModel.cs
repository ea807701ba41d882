using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules;

/// <summary>
/// What the rules know about one file beyond its structural model, built once per file and owned by it: the parser's
/// own tokens (Python and Rust), the Python per-file facts (test file, main guards, fixed-size loops) and the binding
/// index. Each part is built on first use; <see cref="ChecklistReview"/> lets the whole model go when the file's review
/// is done (<see cref="SyntaxTree.ReleaseModel"/>), so nothing outlives its file and no cache is shared across files.
/// Every <see cref="RuleContext"/> of the file hands out the same model (<see cref="RuleContext.Model"/>).
/// </summary>
public sealed class FileModel
{
    private readonly SyntaxTree _tree;
    private PythonCode.FileFacts? _python;
    private RustTokens? _rust;
    private BindingIndex? _bindings;
    private CallTargets.Scope? _pythonScope;
    private Dictionary<string, TypeDeclNode>? _types;

    internal FileModel(SyntaxTree tree) => _tree = tree;

    // Each part is immutable once built, so two threads that race to build one both get a correct answer;
    // CompareExchange keeps the first so every caller sees the same instance.
    internal PythonCode.FileFacts Python => _python ?? Keep(ref _python, new PythonCode.FileFacts(_tree));

    internal RustTokens RustTokens => _rust ?? Keep(ref _rust, new RustTokens(_tree));

    internal BindingIndex Bindings => _bindings ?? Keep(ref _bindings, new BindingIndex(_tree));

    /// <summary>A Python module's top-level functions and imports, for resolving its calls.</summary>
    internal CallTargets.Scope PythonScope => _pythonScope ?? Keep(ref _pythonScope, new CallTargets.Scope(_tree));

    /// <summary>The file's type declarations (Python classes, Rust structs, enums, unions, traits) by name; the first of a name wins.</summary>
    internal Dictionary<string, TypeDeclNode> TypesByName => _types ?? Keep(ref _types, TypesOf(_tree));

    private static Dictionary<string, TypeDeclNode> TypesOf(SyntaxTree tree)
    {
        var types = new Dictionary<string, TypeDeclNode>(StringComparer.Ordinal);
        foreach (var type in NodesByType.Of<TypeDeclNode>(tree))
        {
            types.TryAdd(type.Name, type);
        }

        return types;
    }

    private static T Keep<T>(ref T? slot, T built) where T : class => Interlocked.CompareExchange(ref slot, built, null) ?? built;
}
