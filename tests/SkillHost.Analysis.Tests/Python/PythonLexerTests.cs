using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Tests.Python;

public sealed class PythonLexerTests
{
    private static PythonTokenList Lex(string code, bool trivia = true) => PythonLexer.Tokenize(SourceText.From(code), trivia);

    private static K[] Kinds(string code, bool trivia = false) => Lex(code, trivia).Tokens.ToArray().Select(t => t.Kind).ToArray();

    private static string[] Texts(string code) =>
        Lex(code, trivia: false).Tokens.ToArray().Where(t => t.Length > 0 && t.Kind != K.Newline).Select(t => code.Substring(t.Start, t.Length)).ToArray();

    public sealed class Indentation
    {
        [Fact]
        public void Given_a_tab_and_eight_spaces_When_lexed_Then_they_are_the_same_level_with_a_warning()
        {
            var tokens = Lex("if x:\n\ta = 1\n        b = 2\n");

            Assert.Single(tokens.Tokens.ToArray(), t => t.Kind == K.Indent);
            Assert.Single(tokens.Tokens.ToArray(), t => t.Kind == K.Dedent);
            Assert.Contains(tokens.Diagnostics, d => d.Code == "PY-LEX-009" && d.Severity == DiagnosticSeverity.Warning);
        }

        [Fact]
        public void Given_a_dedent_to_an_unknown_column_When_lexed_Then_an_error_is_reported_and_indents_stay_balanced()
        {
            var tokens = Lex("if x:\n        a = 1\n    b = 2\nc = 3\n");

            var kinds = tokens.Tokens.ToArray().Select(t => t.Kind).ToList();
            Assert.Contains(tokens.Diagnostics, d => d.Code == "PY-LEX-003");
            Assert.Equal(kinds.Count(k => k == K.Indent), kinds.Count(k => k == K.Dedent));
        }

        [Fact]
        public void Given_blank_comment_and_bracketed_lines_When_lexed_Then_they_end_with_NL_not_NEWLINE()
        {
            var kinds = Kinds("x = (1,\n     2)\n\n# c\ny = 3\n", trivia: true);

            Assert.Equal(2, kinds.Count(k => k == K.Newline));
            Assert.Equal(3, kinds.Count(k => k == K.NonLogicalNewline));
            Assert.Single(kinds, K.Comment);
        }

        [Fact]
        public void Given_a_backslash_continuation_When_lexed_Then_the_logical_line_goes_on()
        {
            var kinds = Kinds("x = 1 + \\\n    2\n");

            Assert.Single(kinds, K.Newline);
            Assert.DoesNotContain(K.Indent, kinds);
        }

        [Fact]
        public void Given_a_file_without_final_newline_When_lexed_Then_NEWLINE_DEDENTs_and_EOF_close_it()
        {
            var kinds = Kinds("def f():\n    return 1");

            Assert.Equal([K.Newline, K.Dedent, K.EndOfFile], kinds[^3..]);
        }
    }

    public sealed class Strings
    {
        [Theory]
        [InlineData("'a'")]
        [InlineData("\"a\"")]
        [InlineData("'''a\n'b' c'''")]
        [InlineData("r'\\d'")]
        [InlineData("Rb\"x\"")]
        [InlineData("bR'x'")]
        [InlineData("u'x'")]
        [InlineData("ur'x'")]
        [InlineData("'it\\'s'")]
        [InlineData("'a\\\nb'")]
        public void Given_a_string_literal_When_lexed_Then_it_is_one_token_without_diagnostics(string literal)
        {
            var tokens = Lex(literal, trivia: false);

            Assert.Equal([K.StringLiteral, K.Newline, K.EndOfFile], tokens.Tokens.ToArray().Select(t => t.Kind));
            Assert.Equal(literal.Length, tokens[0].Length);
            Assert.Empty(tokens.Diagnostics);
        }

        [Fact]
        public void Given_a_PEP701_nested_same_quote_fstring_When_lexed_Then_fields_nest()
        {
            var kinds = Kinds("f\"{f\"{x}\"}\"");

            Assert.Equal(
                [K.FStringStart, K.ReplacementFieldStart, K.FStringStart, K.ReplacementFieldStart, K.Name, K.ReplacementFieldEnd,
                 K.FStringEnd, K.ReplacementFieldEnd, K.FStringEnd, K.Newline, K.EndOfFile],
                kinds);
        }

        [Fact]
        public void Given_conversion_spec_and_debug_When_lexed_Then_they_are_tokens_and_text()
        {
            var texts = Texts("f'{x!r:>{w}} {{lit}} {y=}'");

            Assert.Equal(["f'", "{", "x", "!", "r", ":", ">", "{", "w", "}", "}", " {{lit}} ", "{", "y", "=", "}", "'"], texts);
        }

        [Fact]
        public void Given_a_template_string_When_lexed_Then_TString_kinds_are_used()
        {
            var kinds = Kinds("t'a{b}'");

            Assert.Equal([K.TStringStart, K.TStringMiddle, K.ReplacementFieldStart, K.Name, K.ReplacementFieldEnd, K.TStringEnd], kinds[..6]);
        }

        [Fact]
        public void Given_an_unterminated_string_When_lexed_Then_it_ends_at_the_line_and_the_next_line_lexes()
        {
            var tokens = Lex("s = 'abc\nt = 1\n", trivia: false);

            Assert.Contains(tokens.Diagnostics, d => d.Code == "PY-LEX-001" && d.Span == new TextSpan(4, 4));
            Assert.Equal(2, tokens.Tokens.ToArray().Count(t => t.Kind == K.Newline));
        }

        [Fact]
        public void Given_an_unterminated_fstring_When_lexed_Then_the_field_and_string_are_closed_at_the_line_end()
        {
            var tokens = Lex("v = f\"{x\ny = 2\n", trivia: false);

            Assert.Contains(tokens.Diagnostics, d => d.Code == "PY-LEX-001");
            Assert.Equal(2, tokens.Tokens.ToArray().Count(t => t.Kind == K.Newline));
        }
    }

    public sealed class NumbersAndOperators
    {
        [Theory]
        [InlineData("1_000")]
        [InlineData("0xFF_FF")]
        [InlineData("0o17")]
        [InlineData("0b1010")]
        [InlineData("10L")]
        [InlineData("0777")]
        [InlineData("1.5e-3")]
        [InlineData(".5")]
        [InlineData("5.")]
        [InlineData("3.0J")]
        [InlineData("1_0.0_1e+1_0j")]
        public void Given_a_number_When_lexed_Then_it_is_one_Number_token(string number)
        {
            var tokens = Lex(number, trivia: false);

            Assert.Equal(K.Number, tokens[0].Kind);
            Assert.Equal(number.Length, tokens[0].Length);
        }

        [Theory]
        [InlineData("->", K.RightArrow)]
        [InlineData(":=", K.ColonEqual)]
        [InlineData("**=", K.DoubleStarEqual)]
        [InlineData("//=", K.DoubleSlashEqual)]
        [InlineData("@", K.At)]
        [InlineData("@=", K.AtEqual)]
        [InlineData("...", K.Ellipsis)]
        [InlineData("<>", K.LessGreater)]
        [InlineData("!=", K.NotEqual)]
        [InlineData("<<=", K.LeftShiftEqual)]
        [InlineData(">>=", K.RightShiftEqual)]
        [InlineData("`", K.Backtick)]
        [InlineData("~", K.Tilde)]
        public void Given_an_operator_When_lexed_Then_it_has_its_own_kind(string op, K expected)
        {
            var tokens = Lex("a " + op + " b", trivia: false);

            Assert.Equal(expected, tokens[1].Kind);
            Assert.Equal(op.Length, tokens[1].Length);
        }

        [Theory]
        [InlineData("match")]
        [InlineData("case")]
        [InlineData("type")]
        [InlineData("_")]
        [InlineData("print")]
        [InlineData("exec")]
        [InlineData("naïve")]
        [InlineData("变量")]
        public void Given_a_soft_keyword_or_unicode_name_When_lexed_Then_it_is_a_Name(string name)
        {
            Assert.Equal(K.Name, Lex(name, trivia: false)[0].Kind);
        }

        [Fact]
        public void Given_async_and_await_When_lexed_Then_they_are_keywords()
        {
            Assert.Equal([K.AsyncKeyword, K.DefKeyword, K.Name], Kinds("async def f(): await g()")[..3]);
        }
    }

    public sealed class Python2
    {
        [Fact]
        public void Given_python2_only_syntax_When_lexed_Then_no_error_is_reported()
        {
            var tokens = Lex("print >>f, `x`, 10L\nexec code in ns\nif a <> b: pass\ns = ur'x'\n");

            Assert.DoesNotContain(tokens.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(2, tokens.Tokens.ToArray().Count(t => t.Kind == K.Backtick));
        }
    }
}
