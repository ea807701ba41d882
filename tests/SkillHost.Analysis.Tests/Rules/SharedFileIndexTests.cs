using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Tests.Python;
using SkillHost.Analysis.Tests.Rust;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// The per-file indexes the rules share (the node list, nodes by type, the parser's tokens) are shortcuts:
/// each must answer exactly what the slow way answers, on every golden input of both languages.
/// </summary>
public sealed class SharedFileIndexTests
{
    public static TheoryData<string> PythonInputs() => [.. PythonGolden.InputNames()];

    public static TheoryData<string> RustInputs() =>
        [.. Directory.EnumerateFiles(Path.GetDirectoryName(RustGolden.InputPath("x"))!, "*.rs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static SyntaxTree ParsePython(string name) => PythonParser.Parse(PythonGolden.LoadInput(name));

    private static SyntaxTree ParseRust(string name) => SyntaxParsers.Parse(RustGolden.LoadInput(name), SourceLanguage.Rust);

    public sealed class Nodes
    {
        [Theory]
        [MemberData(nameof(PythonInputs), MemberType = typeof(SharedFileIndexTests))]
        public void Given_a_python_file_When_its_nodes_are_listed_Then_they_are_the_descendants_of_the_root_in_order(string name) =>
            AssertSameNodes(ParsePython(name));

        [Theory]
        [MemberData(nameof(RustInputs), MemberType = typeof(SharedFileIndexTests))]
        public void Given_a_rust_file_When_its_nodes_are_listed_Then_they_are_the_descendants_of_the_root_in_order(string name) =>
            AssertSameNodes(ParseRust(name));

        private static void AssertSameNodes(SyntaxTree tree)
        {
            var expected = tree.Root.Descendants().ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, tree.Nodes, ReferenceEqualityComparer.Instance);
        }
    }

    public sealed class ByType
    {
        [Theory]
        [MemberData(nameof(PythonInputs), MemberType = typeof(SharedFileIndexTests))]
        public void Given_a_python_file_When_nodes_are_asked_by_type_Then_each_type_gets_what_a_walk_finds(string name) =>
            AssertSameGroups(ParsePython(name));

        [Theory]
        [MemberData(nameof(RustInputs), MemberType = typeof(SharedFileIndexTests))]
        public void Given_a_rust_file_When_nodes_are_asked_by_type_Then_each_type_gets_what_a_walk_finds(string name) =>
            AssertSameGroups(ParseRust(name));

        private static void AssertSameGroups(SyntaxTree tree)
        {
            AssertGroup<FunctionNode>(tree);
            AssertGroup<TypeDeclNode>(tree);
            AssertGroup<ImplNode>(tree);
            AssertGroup<LoopNode>(tree);
            AssertGroup<ClosureNode>(tree);
            AssertGroup<CallNode>(tree);
            AssertGroup<MacroCallNode>(tree);
            AssertGroup<MemberAccessNode>(tree);
            AssertGroup<AssignmentNode>(tree);
            AssertGroup<AwaitNode>(tree);
            AssertGroup<ImportNode>(tree);
            AssertGroup<WithNode>(tree);
            AssertGroup<ConditionalNode>(tree);
            AssertGroup<CollectionLiteralNode>(tree);
            AssertGroup<ComparisonNode>(tree);
            Assert.Equal(tree.Nodes.Count, tree.Nodes.GroupBy(n => n.GetType()).Sum(g => g.Count()));
        }

        private static void AssertGroup<T>(SyntaxTree tree) where T : SyntaxNode =>
            Assert.Equal(tree.All<T>().ToList(), NodesByType.Of<T>(tree), ReferenceEqualityComparer.Instance);
    }

    public sealed class Tokens
    {
        [Theory]
        [MemberData(nameof(PythonInputs), MemberType = typeof(SharedFileIndexTests))]
        public void Given_a_parsed_python_file_When_the_rules_ask_for_tokens_Then_they_get_what_a_fresh_lex_without_trivia_gives(string name)
        {
            var text = PythonGolden.LoadInput(name);
            var tree = PythonParser.Parse(text, keepTokens: true);

            var shared = PythonCode.Tokens(tree).Tokens.ToArray();

            Assert.Equal(PythonLexer.Tokenize(text, includeTrivia: false).Tokens.ToArray(), shared);
            PythonCode.Forget(tree);
        }

        [Fact]
        public void Given_a_parse_for_the_rules_When_done_Then_the_tree_keeps_the_tokens_and_any_other_parse_keeps_none()
        {
            var text = SourceText.From("for x in xs:\n    total += x\n");

            var forRules = SyntaxParsers.Parse(text, SourceLanguage.Python, forRules: true);
            var plain = SyntaxParsers.Parse(text, SourceLanguage.Python);

            Assert.Equal(PythonLexer.Tokenize(text, includeTrivia: false).Tokens.ToArray(), forRules.TakeTokens<PythonTokenList>()!.Tokens.ToArray());
            Assert.Null(plain.TakeTokens<PythonTokenList>());
        }

        [Fact]
        public void Given_a_tree_whose_tokens_were_taken_When_the_rules_ask_again_Then_the_file_is_lexed_anew_with_the_same_result()
        {
            var tree = PythonParser.Parse(SourceText.From("for x in xs:\n    if x in seen:\n        pass\n"), keepTokens: true);
            var first = PythonCode.Tokens(tree).Tokens.ToArray();
            PythonCode.Forget(tree);

            var second = PythonCode.Tokens(tree).Tokens.ToArray();

            Assert.NotEmpty(first);
            Assert.Equal(first, second);
            PythonCode.Forget(tree);
        }
    }
}
