using System.Text;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rust;

public sealed class RustRobustnessTests
{
    private static SyntaxTree Parse(string source, out long work) => RustStructureBuilder.Build(SourceText.From(source), out work);

    private static int TokenCount(string source) => RustLexer.Tokenize(SourceText.From(source), out _).Count;

    /// <summary>Every node lies inside its parent and inside the text.</summary>
    private static void AssertWellFormed(SyntaxTree tree)
    {
        foreach (var node in tree.Nodes)
        {
            Assert.True(node.Span.Start >= 0 && node.Span.End <= tree.Source.Length, $"{node.Kind} {node.Span} outside the text");
            Assert.True(node.Parent!.Span.Contains(node.Span), $"{node.Kind} {node.Span} outside its parent {node.Parent.Kind} {node.Parent.Span}");
        }
    }

    public sealed class Deep_nesting
    {
        [Theory]
        [InlineData("(", ")")]
        [InlineData("[", "]")]
        [InlineData("{", "}")]
        [InlineData("f(", ")")]
        [InlineData("if a { ", " }")]
        [InlineData("|x| { ", " }")]
        [InlineData("mod m { ", " }")]
        [InlineData("vec![", "]")]
        public void Given_10000_nested_levels_Then_the_parse_ends_with_a_nesting_diagnostic(string open, string close)
        {
            var source = "fn f() { let x = " + string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000)) + "; }";

            var tree = Parse(source, out _);

            Assert.Contains(tree.Diagnostics, d => d.Code == "RS-SYN-003");
            AssertWellFormed(tree);
        }

        [Fact]
        public void Given_10000_nested_generics_Then_the_parse_ends_and_the_next_function_is_seen()
        {
            var source = "fn f() { let v: " + string.Concat(Enumerable.Repeat("Vec<", 10_000)) + "u8" + new string('>', 10_000) + " = x; }\nfn g() {}";

            var tree = Parse(source, out _);

            Assert.Equal(["f", "g"], tree.All<FunctionNode>().Select(f => f.Name));
            AssertWellFormed(tree);
        }

        [Fact]
        public void Given_a_chain_of_10000_calls_Then_each_call_nests_in_the_next_without_recursion()
        {
            var source = "fn f() { let c = a" + string.Concat(Enumerable.Repeat(".b()", 10_000)) + "; }";

            var tree = Parse(source, out _);

            var calls = tree.All<CallNode>().ToList();
            Assert.Equal(10_000, calls.Count);
            Assert.Equal(10_000, calls[^1].Ancestors().Count(a => a is CallNode) + 1);
            Assert.Empty(tree.Diagnostics);
        }
    }

    public sealed class Linear_time
    {
        private static readonly string Sample = File.ReadAllText(RustGolden.InputPath("bodies.rs")) + File.ReadAllText(RustGolden.InputPath("items.rs"));

        [Fact]
        public void Given_twenty_times_the_input_Then_the_work_is_twenty_times_as_much()
        {
            Parse(string.Concat(Enumerable.Repeat(Sample, 20)), out var small);
            Parse(string.Concat(Enumerable.Repeat(Sample, 400)), out var large);

            Assert.InRange(large / (double)small, 19.0, 21.0);
        }

        [Fact]
        public void Given_a_20_MB_file_Then_it_parses_with_a_few_visits_per_token()
        {
            var source = string.Concat(Enumerable.Repeat(Sample, 20_000_000 / Sample.Length));

            var tree = Parse(source, out var work);

            Assert.True(source.Length >= 19_000_000);
            Assert.InRange(work / (double)TokenCount(source), 1.0, 6.0);
            Assert.True(tree.All<FunctionNode>().Count() > 10_000);
        }

        [Theory]
        [InlineData("if ")]
        [InlineData("for ")]
        [InlineData("while ")]
        [InlineData("let ")]
        [InlineData("match ")]
        [InlineData("fn a< ")]
        [InlineData("x::< ")]
        [InlineData("|| ")]
        [InlineData("a = ")]
        [InlineData("impl ")]
        [InlineData("struct S< ")]
        public void Given_a_garbage_keyword_repeated_100000_times_Then_the_work_stays_linear(string unit)
        {
            var source = "fn f() { " + string.Concat(Enumerable.Repeat(unit, 100_000)) + " }";

            Parse(source, out var work);

            // Nested closures may each look ahead to the end of their range, but at most MaxNesting of them nest.
            Assert.InRange(work / (double)TokenCount(source), 0.5, RustStructureBuilder.MaxNesting + 10);
        }

        [Fact]
        public void Given_a_single_5_MB_line_Then_every_statement_is_seen()
        {
            var source = "fn f() { " + string.Concat(Enumerable.Repeat("x.y(1); ", 650_000)) + "}";

            var tree = Parse(source, out _);

            Assert.Single(SourceText.From(source).ToString().Split('\n'));
            Assert.Equal(650_000, tree.All<CallNode>().Count());
        }
    }

    public sealed class Broken_input
    {
        [Fact]
        public void Given_random_mutations_of_tricky_files_Then_nothing_throws_and_trees_stay_well_formed()
        {
            var random = new Random(20_240_601);
            string[] names = ["items.rs", "bodies.rs", "lexer_tricky.rs", "broken.rs"];
            var inputs = names.Select(name => File.ReadAllText(RustGolden.InputPath(name))).ToArray();
            const string Alphabet = "{}()[]<>|&;:,.=!#'\"/*\\rb fn let for in if match move async 0x1. r#\"\0\u00e9";
            for (var round = 0; round < 400; round++)
            {
                var builder = new StringBuilder(inputs[round % inputs.Length]);
                for (var edit = 0; edit < 1 + (round % 12); edit++)
                {
                    var at = random.Next(builder.Length + 1);
                    if (random.Next(2) == 0 && at < builder.Length)
                    {
                        builder.Remove(at, Math.Min(builder.Length - at, random.Next(1, 20)));
                    }
                    else
                    {
                        builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    }
                }

                var tree = Parse(builder.ToString(), out _);

                AssertWellFormed(tree);
                _ = SyntaxTreePrinter.Print(tree);
            }
        }

        [Fact]
        public void Given_Python_source_Then_the_Rust_parser_does_not_throw()
        {
            const string Python = "import os\nclass A:\n    def f(self, x: 'int' = 3) -> None:\n        '''doc'''\n        for i in range(10):\n            print(f\"{i!r:>10}\", end='')\n        return [y for y in x if y]\n";

            var tree = Parse(string.Concat(Enumerable.Repeat(Python, 50)), out _);

            Assert.NotEmpty(tree.Diagnostics);
            AssertWellFormed(tree);
        }

        [Fact]
        public void Given_an_unclosed_function_Then_earlier_items_survive_and_the_delimiter_is_reported()
        {
            var tree = Parse("fn a() { b(); }\nfn c() { d(", out _);

            Assert.Equal(["a", "c"], tree.All<FunctionNode>().Select(f => f.Name));
            Assert.Contains(tree.Diagnostics, d => d.Code == "RS-SYN-001");
        }
    }
}
