using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rust;

public sealed class RustLexerTests
{
    private static List<(RustTokenKind Kind, string Text)> Lex(string source, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = SourceText.From(source);
        var tokens = RustLexer.Tokenize(text, out diagnostics);
        return [.. tokens.Select(t => (t.Kind, text.ToString(t.Span)))];
    }

    private static List<(RustTokenKind Kind, string Text)> Lex(string source)
    {
        var tokens = Lex(source, out var diagnostics);
        Assert.Empty(diagnostics);
        return tokens;
    }

    public sealed class Golden
    {
        [Theory]
        [InlineData("lexer_tricky.rs")]
        [InlineData("shebang.rs")]
        [InlineData("inner_attribute_not_shebang.rs")]
        [InlineData("unterminated.rs")]
        [InlineData("stray.rs")]
        public void Given_a_tricky_file_Then_the_token_dump_matches_the_golden_file(string input)
        {
            var dump = RustGolden.DumpTokens(RustGolden.LoadInput(input));

            RustGolden.Verify(Path.ChangeExtension(input, ".tokens.txt"), dump);
        }
    }

    public sealed class Lifetimes_and_chars
    {
        [Theory]
        [InlineData("'a", RustTokenKind.Lifetime)]
        [InlineData("'static", RustTokenKind.Lifetime)]
        [InlineData("'_", RustTokenKind.Lifetime)]
        [InlineData("'x'", RustTokenKind.CharLiteral)]
        [InlineData("'\\''", RustTokenKind.CharLiteral)]
        [InlineData("'\\\\'", RustTokenKind.CharLiteral)]
        [InlineData("'\\u{1F600}'", RustTokenKind.CharLiteral)]
        [InlineData("'😀'", RustTokenKind.CharLiteral)]
        [InlineData("b'x'", RustTokenKind.ByteLiteral)]
        [InlineData("b'\\''", RustTokenKind.ByteLiteral)]
        public void Given_a_quote_form_Then_it_is_one_token_of_the_right_kind(string source, RustTokenKind kind)
        {
            var tokens = Lex(source);

            Assert.Equal([(kind, source)], tokens);
        }

        [Fact]
        public void Given_a_label_Then_it_is_a_lifetime_followed_by_a_colon()
        {
            var tokens = Lex("'outer: loop {}");

            Assert.Equal(RustTokenKind.Lifetime, tokens[0].Kind);
            Assert.Equal(RustTokenKind.Colon, tokens[1].Kind);
            Assert.Equal(RustTokenKind.Loop, tokens[2].Kind);
        }

        [Fact]
        public void Given_generic_lifetimes_Then_no_char_literal_is_seen()
        {
            var kinds = Lex("fn f<'a, 'b: 'a>(x: &'a u8) {}").Select(t => t.Kind).ToList();

            Assert.DoesNotContain(RustTokenKind.CharLiteral, kinds);
            Assert.Equal(4, kinds.Count(k => k == RustTokenKind.Lifetime));
        }
    }

    public sealed class Strings
    {
        [Theory]
        [InlineData("\"a \\\" b\"", RustTokenKind.StringLiteral)]
        [InlineData("r\"a \\ b\"", RustTokenKind.RawStringLiteral)]
        [InlineData("r#\"a \"quoted\" b\"#", RustTokenKind.RawStringLiteral)]
        [InlineData("r####\"a \"### b\"####", RustTokenKind.RawStringLiteral)]
        [InlineData("b\"bytes\"", RustTokenKind.ByteStringLiteral)]
        [InlineData("br#\"raw \"b\"\"#", RustTokenKind.RawByteStringLiteral)]
        [InlineData("c\"c\"", RustTokenKind.CStringLiteral)]
        [InlineData("cr#\"c\"#", RustTokenKind.RawCStringLiteral)]
        public void Given_a_string_form_Then_it_is_one_token(string source, RustTokenKind kind)
        {
            Assert.Equal([(kind, source)], Lex(source));
        }

        [Fact]
        public void Given_a_raw_identifier_Then_it_is_not_a_raw_string()
        {
            Assert.Equal([(RustTokenKind.RawIdentifier, "r#type")], Lex("r#type"));
        }

        [Fact]
        public void Given_an_unterminated_string_Then_it_runs_to_the_end_with_a_diagnostic()
        {
            var tokens = Lex("let s = \"open\nfn f() {}", out var diagnostics);

            Assert.Equal(RustTokenKind.StringLiteral, tokens[^1].Kind);
            Assert.Equal("RS-LEX-001", Assert.Single(diagnostics).Code);
        }
    }

    public sealed class Comments
    {
        [Theory]
        [InlineData("// plain", RustTokenKind.LineComment)]
        [InlineData("/// doc", RustTokenKind.OuterDocComment)]
        [InlineData("//// not doc", RustTokenKind.LineComment)]
        [InlineData("//! inner", RustTokenKind.InnerDocComment)]
        [InlineData("/* a /* b */ c */", RustTokenKind.BlockComment)]
        [InlineData("/** doc */", RustTokenKind.OuterDocComment)]
        [InlineData("/*! inner */", RustTokenKind.InnerDocComment)]
        [InlineData("/**/", RustTokenKind.BlockComment)]
        [InlineData("/*** x */", RustTokenKind.BlockComment)]
        public void Given_a_comment_form_Then_it_has_the_right_kind(string source, RustTokenKind kind)
        {
            Assert.Equal([(kind, source)], Lex(source));
        }

        [Fact]
        public void Given_an_unclosed_nested_comment_Then_a_diagnostic_is_reported()
        {
            var tokens = Lex("/* a /* b */", out var diagnostics);

            Assert.Single(tokens);
            Assert.Equal("RS-LEX-003", Assert.Single(diagnostics).Code);
        }
    }

    public sealed class Numbers
    {
        [Theory]
        [InlineData("1u8", RustTokenKind.IntegerLiteral)]
        [InlineData("0xFFi64", RustTokenKind.IntegerLiteral)]
        [InlineData("1_000", RustTokenKind.IntegerLiteral)]
        [InlineData("0b1010", RustTokenKind.IntegerLiteral)]
        [InlineData("0o77", RustTokenKind.IntegerLiteral)]
        [InlineData("1e10f32", RustTokenKind.FloatLiteral)]
        [InlineData("1.", RustTokenKind.FloatLiteral)]
        [InlineData("2.5E-3", RustTokenKind.FloatLiteral)]
        [InlineData("3f64", RustTokenKind.FloatLiteral)]
        public void Given_a_numeric_literal_Then_it_is_one_token(string source, RustTokenKind kind)
        {
            Assert.Equal([(kind, source)], Lex(source));
        }

        [Fact]
        public void Given_a_range_Then_the_integer_stops_before_the_dots()
        {
            Assert.Equal([(RustTokenKind.IntegerLiteral, "1"), (RustTokenKind.DotDot, ".."), (RustTokenKind.IntegerLiteral, "2")], Lex("1..2"));
        }

        [Fact]
        public void Given_a_method_call_on_an_integer_Then_the_dot_is_separate()
        {
            Assert.Equal(RustTokenKind.IntegerLiteral, Lex("1.foo()")[0].Kind);
            Assert.Equal("1", Lex("1.foo()")[0].Text);
        }

        [Fact]
        public void Given_nested_tuple_indexes_Then_each_index_is_an_integer()
        {
            var tokens = Lex("t.0.1");

            Assert.Equal(["t", ".", "0", ".", "1"], tokens.Select(t => t.Text));
        }
    }

    public sealed class Operators
    {
        [Fact]
        public void Given_compound_operators_Then_the_longest_token_wins()
        {
            var texts = Lex(":: -> => ..= ... <<= >>= && || ? @ $ != == <= >=").Select(t => t.Kind).ToList();

            Assert.Equal(
                [RustTokenKind.ColonColon, RustTokenKind.Arrow, RustTokenKind.FatArrow, RustTokenKind.DotDotEq, RustTokenKind.DotDotDot,
                 RustTokenKind.ShlEq, RustTokenKind.ShrEq, RustTokenKind.AndAnd, RustTokenKind.OrOr, RustTokenKind.Question,
                 RustTokenKind.At, RustTokenKind.Dollar, RustTokenKind.Ne, RustTokenKind.EqEq, RustTokenKind.Le, RustTokenKind.Ge],
                texts);
        }

        [Fact]
        public void Given_contextual_keywords_Then_they_stay_identifiers()
        {
            var kinds = Lex("union macro_rules auto default fn r#fn").Select(t => t.Kind).ToList();

            Assert.Equal([RustTokenKind.Identifier, RustTokenKind.Identifier, RustTokenKind.Identifier, RustTokenKind.Identifier, RustTokenKind.Fn, RustTokenKind.RawIdentifier], kinds);
        }
    }

    public sealed class Shebang
    {
        [Fact]
        public void Given_a_shebang_line_Then_it_is_one_token()
        {
            Assert.Equal(RustTokenKind.Shebang, Lex("#!/usr/bin/env rust\nfn main() {}")[0].Kind);
        }

        [Fact]
        public void Given_an_inner_attribute_at_the_start_Then_it_is_not_a_shebang()
        {
            var kinds = Lex("#![allow(x)]").Select(t => t.Kind).Take(3).ToList();

            Assert.Equal([RustTokenKind.Pound, RustTokenKind.Bang, RustTokenKind.OpenBracket], kinds);
        }
    }

    public sealed class Robustness
    {
        [Fact]
        public void Given_NUL_and_stray_bytes_Then_unknown_tokens_and_diagnostics_are_produced()
        {
            var tokens = Lex("a \0\u0001 ` b", out var diagnostics);

            Assert.Equal("a", tokens[0].Text);
            Assert.Equal("b", tokens[^1].Text);
            Assert.Contains(tokens, t => t.Kind == RustTokenKind.Unknown);
            Assert.All(diagnostics, d => Assert.Equal("RS-LEX-005", d.Code));
        }

        [Fact]
        public void Given_a_flood_of_bad_characters_Then_the_diagnostics_are_capped()
        {
            var source = string.Concat(Enumerable.Repeat("` ", 10_000));

            Lex(source, out var diagnostics);

            Assert.Equal(RustLexer.MaxDiagnostics, diagnostics.Count);
        }

        [Theory]
        [InlineData(3)]
        [InlineData(16)]
        public void Given_a_small_caller_buffer_Then_it_is_grown_and_every_token_is_kept(int size)
        {
            var buffer = new RustToken[size];
            var source = string.Concat(Enumerable.Repeat("a.b(); ", 1_000));

            var count = RustLexer.Tokenize(source, ref buffer, includeComments: true, []);

            Assert.Equal(6_000, count);
            Assert.True(buffer.Length >= count);
        }

        [Fact]
        public void Given_any_input_Then_tokens_cover_it_in_order_without_overlap()
        {
            var source = File.ReadAllText(RustGolden.InputPath("lexer_tricky.rs")) + "\0\uD800 `";
            var text = SourceText.From(source);

            var tokens = RustLexer.Tokenize(text, out _);

            for (var i = 1; i < tokens.Count; i++)
            {
                Assert.True(tokens[i].Start >= tokens[i - 1].End, $"token {i} overlaps");
                Assert.True(tokens[i].Length > 0, $"token {i} is empty");
            }

            Assert.True(tokens[^1].End <= source.Length);
        }
    }
}
