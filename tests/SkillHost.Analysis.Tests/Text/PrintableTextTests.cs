using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Text;

/// <summary>Untrusted text printed on lines that tools parse: every control, line-separating or bidi character escaped.</summary>
public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("plain/path.py", "plain/path.py")]
    [InlineData("a\nb\rc\td", "a\\nb\\rc\\td")]
    [InlineData("\u001b[31mred\u007f\u0085\u009b", "\\x1b[31mred\\x7f\\x85\\x9b")]
    [InlineData("x\u2028y\u2029z", "x\\u2028y\\u2029z")]
    [InlineData("\u202eevil\u2066\u2069\u200e\u200f\u061c", "\\u202eevil\\u2066\\u2069\\u200e\\u200f\\u061c")]
    [InlineData("emoji \U0001F600 café ×", "emoji \U0001F600 café ×")]
    public void Given_text_When_escaped_Then_only_what_could_break_or_disguise_a_line_is_escaped(string text, string escaped) =>
        Assert.Equal(escaped, PrintableText.Escape(text));

    [Fact]
    public void Given_lone_surrogates_When_escaped_Then_a_file_name_byte_prints_as_hex_and_any_other_as_its_code()
    {
        // Built here: a lone surrogate does not survive an attribute (metadata strings are UTF-8).
        Assert.Equal("a\\xffb", PrintableText.Escape("a" + (char)0xDCFF + "b"));
        Assert.Equal("lone\\ud800", PrintableText.Escape("lone" + (char)0xD800));
    }

    [Fact]
    public void Given_prose_with_line_breaks_When_made_one_line_Then_breaks_become_spaces_and_the_rest_is_escaped() =>
        Assert.Equal("first second\\x1b third", PrintableText.Line("first\r\nsecond\u001b\u2028third"));

    [Fact]
    public void Given_code_When_escaped_for_a_fenced_block_Then_tabs_and_line_feeds_stay() =>
        Assert.Equal("def f():\n\treturn '\\u202e'\\r", PrintableText.Code("def f():\n\treturn '\u202e'\r"));

    [Theory]
    [InlineData("a/jobs/poll.py", "a/jobs/poll.py")]
    [InlineData("a/po\nll.py", "\"a/po\\nll.py\"")]
    [InlineData("a/say \"hi\".py", "\"a/say \\\"hi\\\".py\"")]
    [InlineData("a/x\u001by.py", "\"a/x\\033y.py\"")]
    [InlineData("a/\u202ex.py", "\"a/\\342\\200\\256x.py\"")]
    public void Given_a_patch_header_name_When_quoted_Then_it_is_quoted_as_git_writes_it(string name, string quoted) =>
        Assert.Equal(quoted, DiffReportRenderer.GitQuoted(name));
}
