using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Builds the structural model of Rust source: lexing plus one structural pass, never throwing.</summary>
public static class RustParser
{
    public static SyntaxTree Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RustStructureBuilder.Build(text);
    }
}
