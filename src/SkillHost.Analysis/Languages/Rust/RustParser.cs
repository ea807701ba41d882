using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Builds the structural model of Rust source. (Scaffolding: the Rust front end replaces this file.)</summary>
public static class RustParser
{
    public static SyntaxTree Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = new ModuleNode(new TextSpan(0, text.Length));
        return new SyntaxTree(text, SourceLanguage.Rust, root, []);
    }
}
