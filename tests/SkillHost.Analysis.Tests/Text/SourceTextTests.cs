using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Text;

public sealed class SourceTextTests
{
    public sealed class From_bytes
    {
        [Fact]
        public void Given_a_UTF8_BOM_Then_it_is_dropped_and_remembered()
        {
            var text = SourceText.From([0xEF, 0xBB, 0xBF, (byte)'x', (byte)' ', (byte)'=', (byte)' ', (byte)'1', (byte)'\n']);

            Assert.Equal("x = 1\n", text.Text);
            Assert.Equal(SourceEncoding.Utf8WithBom, text.Encoding);
        }

        [Fact]
        public void Given_multibyte_UTF8_Then_it_decodes_exactly()
        {
            var text = SourceText.From("s = \"µs → ok\"\n"u8);

            Assert.Equal("s = \"µs → ok\"\n", text.Text);
            Assert.Equal(SourceEncoding.Utf8, text.Encoding);
        }

        [Fact]
        public void Given_invalid_UTF8_Then_every_byte_becomes_one_Latin1_char()
        {
            byte[] bytes = [(byte)'a', 0xE9, (byte)'\n', 0xFF];

            var text = SourceText.From(bytes);

            Assert.Equal(SourceEncoding.Latin1Fallback, text.Encoding);
            Assert.Equal("aé\nÿ", text.Text);
        }
    }

    public sealed class LineBreak
    {
        [Theory]
        [InlineData("import time\nx = 1\n", "\n")]
        [InlineData("import time\r\nx = 1\r\n", "\r\n")]
        [InlineData("import time\rx = 1\r", "\r")]
        [InlineData("x = 1", "\n")]
        [InlineData("x = 1\r", "\r")]
        [InlineData("x = 1\r\n", "\r\n")]
        public void Given_a_file_Then_the_line_break_is_the_one_its_first_line_ends_with(string text, string expected) =>
            Assert.Equal(expected, SourceText.From(text).LineBreak);
    }

    public sealed class GetLinePosition
    {
        [Theory]
        [InlineData(0, 1, 1)]
        [InlineData(2, 1, 3)]
        [InlineData(4, 2, 1)]
        [InlineData(6, 3, 1)]
        [InlineData(7, 4, 1)]
        public void Given_mixed_line_endings_Then_lines_and_columns_are_1_based(int position, int line, int column)
        {
            // "ab\r\n" "c\n" "\r" "d": CRLF, LF and a lone CR each end a line.
            var text = SourceText.From("ab\r\nc\n\rd");

            Assert.Equal(new LinePosition(line, column), text.GetLinePosition(position));
        }

        [Fact]
        public void Given_a_position_past_the_end_Then_it_is_clamped()
        {
            var text = SourceText.From("a\nb");

            Assert.Equal(new LinePosition(2, 2), text.GetLinePosition(999));
        }
    }

    public sealed class GetLineSpan
    {
        [Fact]
        public void Given_a_CRLF_file_Then_line_spans_exclude_the_break()
        {
            var text = SourceText.From("first\r\nsecond\r\n");

            Assert.Equal("first", text.ToString(text.GetLineSpan(1)));
            Assert.Equal("second", text.ToString(text.GetLineSpan(2)));
            Assert.Equal(2, text.LineCount);
        }
    }
}
