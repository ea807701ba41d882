using System.Text;
using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Python;

public sealed class PythonRobustnessTests
{
    private static SyntaxTree Parse(string code) => PythonParser.Parse(SourceText.From(code));

    public sealed class Nesting
    {
        [Fact]
        public void Given_10000_nested_brackets_When_parsed_Then_no_overflow_and_a_depth_diagnostic()
        {
            var code = "x = " + new string('(', 10_000) + "f(1)" + new string(')', 10_000) + "\n";

            var tree = Parse(code);

            Assert.Contains(tree.Diagnostics, d => d.Code == "PY-LEX-011");
            Assert.Single(tree.All<CallNode>());
        }

        [Fact]
        public void Given_10000_nested_blocks_When_parsed_Then_every_loop_nests_in_the_previous_one()
        {
            var builder = new StringBuilder();
            for (var i = 0; i < 10_000; i++)
            {
                builder.Append(' ', i).Append("while x:\n");
            }

            builder.Append(' ', 10_000).Append("f()\n");

            var tree = Parse(builder.ToString());

            Assert.Equal(10_000, Assert.Single(tree.All<CallNode>()).LoopDepth());
            Assert.Equal(10_001, tree.Nodes.Count);
        }

        [Fact]
        public void Given_deeply_nested_fstrings_lambdas_and_nots_When_parsed_Then_nothing_throws()
        {
            var fstrings = new StringBuilder();
            for (var i = 0; i < 2_000; i++)
            {
                fstrings.Append("f\"{");
            }

            fstrings.Append('x');
            for (var i = 0; i < 2_000; i++)
            {
                fstrings.Append("}\"");
            }

            var code = "a = " + fstrings + "\nb = " + string.Concat(Enumerable.Repeat("lambda: ", 10_000)) + "1\nc = " + string.Concat(Enumerable.Repeat("not ", 10_000)) + "x\n";

            var tree = Parse(code);

            Assert.Equal(10_000, tree.All<ClosureNode>().Count());
            Assert.Equal(3, tree.All<AssignmentNode>().Count());
        }
    }

    public sealed class BrokenInput
    {
        [Theory]
        [InlineData("s = '''never closed\n")]
        [InlineData("x = [1, 2\ny = 3\n")]
        [InlineData("def f(:\n  pass\n")]
        [InlineData("a = 1\0b\n")]
        [InlineData("if x:\n\ty\n        z\n      w\n")]
        [InlineData(")))]]]}}}")]
        [InlineData("f\"{")]
        [InlineData("@decorator\n")]
        [InlineData("class")]
        [InlineData("x = \\")]
        public void Given_broken_code_When_parsed_Then_a_tree_and_error_diagnostics_come_back(string code)
        {
            var tree = Parse(code);

            Assert.NotNull(tree.Root);
            Assert.True(tree.Diagnostics.Count > 0 || code is "@decorator\n" or "class", "expected a diagnostic");
            Assert.All(tree.Diagnostics, d => Assert.True(d.Span.End <= code.Length));
        }

        [Fact]
        public void Given_random_python_like_text_When_parsed_Then_nothing_throws_and_spans_stay_in_range()
        {
            const string alphabet = "ab_ 1.\t\n\r\\'\"#()[]{}:,;=+-*/%@!<>|&^~`fruFRtT$?\0é";
            var random = new Random(1234);
            for (var round = 0; round < 500; round++)
            {
                var chars = new char[random.Next(0, 200)];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = alphabet[random.Next(alphabet.Length)];
                }

                var code = new string(chars);
                var tree = Parse(code);

                Assert.All(tree.Nodes, n => Assert.True(n.Span.Start >= 0 && n.Span.End <= code.Length, $"span {n.Span} out of range in {code}"));
            }
        }
    }

    public sealed class Size
    {
        [Fact]
        public void Given_a_single_5MB_line_When_parsed_Then_it_is_one_statement()
        {
            var code = "x = [" + string.Concat(Enumerable.Repeat("f(1), ", 800_000)) + "]\n";

            var tree = Parse(code);

            Assert.Single(tree.All<CollectionLiteralNode>());
            Assert.Equal(800_000, tree.All<CallNode>().Count());
        }

        [Fact]
        public void Given_a_20MB_file_When_parsed_Then_the_work_is_proportional_to_the_size()
        {
            const string unit = "def f(a):\n    for x in a:\n        if x in seen:\n            log.debug(f\"{x}\")\n    return [g(y) for y in a]\n\n";
            var small = string.Concat(Enumerable.Repeat(unit, 1_000));
            var smallTokens = PythonLexer.Tokenize(SourceText.From(small), includeTrivia: false).Count;
            var smallNodes = Parse(small).Nodes.Count;
            var repeats = 20_000_000 / unit.Length;

            var bigTree = Parse(string.Concat(Enumerable.Repeat(unit, repeats)));
            var mediumTokens = PythonLexer.Tokenize(SourceText.From(string.Concat(Enumerable.Repeat(unit, 10_000))), includeTrivia: false).Count;

            // Tokens and nodes scale exactly with the number of units: nothing is revisited per unit.
            Assert.Equal((smallTokens - 1) * 10 + 1, mediumTokens);
            Assert.Equal(smallNodes / 1_000 * repeats, bigTree.Nodes.Count);
            Assert.Empty(bigTree.Diagnostics);
        }
    }
}
