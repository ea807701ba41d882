using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rust;

public sealed class RustParserTests
{
    private static SyntaxTree Parse(string source) => RustParser.Parse(SourceText.From(source));

    public sealed class Golden
    {
        [Theory]
        [InlineData("items.rs")]
        [InlineData("bodies.rs")]
        [InlineData("broken.rs")]
        [InlineData("lexer_tricky.rs")]
        public void Given_a_tricky_file_Then_the_tree_dump_matches_the_golden_file(string input)
        {
            var tree = RustParser.Parse(RustGolden.LoadInput(input));

            RustGolden.Verify(Path.ChangeExtension(input, ".tree.txt"), SyntaxTreePrinter.Print(tree));
        }
    }
}
