using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Builds the structural model of Python source. (Scaffolding: the Python front end replaces this file.)</summary>
public static class PythonParser
{
    public static SyntaxTree Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = new ModuleNode(new TextSpan(0, text.Length));
        return new SyntaxTree(text, SourceLanguage.Python, root, []);
    }
}
