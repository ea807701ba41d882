using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Rules.Rust;
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
            tree.ReleaseModel();
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
        public void Given_a_rust_parse_for_the_rules_When_the_rules_ask_for_tokens_Then_they_get_the_parsers_own_tokens_equal_to_a_fresh_lex_without_comments()
        {
            var text = SourceText.From("// note\nfn f(xs: &[u8]) -> usize { /* c */ xs.iter().map(|x| *x as usize).sum() }\n#[inline] fn g() {}\n");

            var forRules = SyntaxParsers.Parse(text, SourceLanguage.Rust, forRules: true);
            var plain = SyntaxParsers.Parse(text, SourceLanguage.Rust);

            Assert.Equal(RustLexer.Tokenize(text, out _).Where(t => !t.IsTrivia).ToArray(), forRules.TakeTokens<RustToken[]>());
            Assert.Null(plain.TakeTokens<RustToken[]>());
        }

        [Fact]
        public void Given_a_file_model_When_asked_twice_and_after_release_Then_the_same_model_is_shared_until_released_and_rebuilt_equal_after()
        {
            var tree = SyntaxParsers.Parse(SourceText.From("fn f(v: &mut Vec<u8>) { for i in 0..4 { v.push(i); } }\n"), SourceLanguage.Rust, forRules: true);

            var first = tree.Model;
            var tokens = RustTokens.Of(tree);
            Assert.Same(first, tree.Model);
            Assert.Same(tokens, RustTokens.Of(tree));
            tree.ReleaseModel();

            Assert.NotSame(first, tree.Model);
            Assert.Equal(Enumerable.Range(0, tokens.Count).Select(i => tokens[i]), Enumerable.Range(0, RustTokens.Of(tree).Count).Select(i => RustTokens.Of(tree)[i]));
        }

        [Fact]
        public void Given_a_tree_whose_tokens_were_taken_When_the_rules_ask_again_Then_the_file_is_lexed_anew_with_the_same_result()
        {
            var tree = PythonParser.Parse(SourceText.From("for x in xs:\n    if x in seen:\n        pass\n"), keepTokens: true);
            var first = PythonCode.Tokens(tree).Tokens.ToArray();
            tree.ReleaseModel();

            var second = PythonCode.Tokens(tree).Tokens.ToArray();

            Assert.NotEmpty(first);
            Assert.Equal(first, second);
            tree.ReleaseModel();
        }
    }
}
