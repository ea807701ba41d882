using SkillHost.Skills.Durations;

namespace SkillHost.Skills.Tests.Durations;

public sealed class DurationParserTests
{
    public sealed class TryParse
    {
        [Theory]
        [InlineData("0.5 ns", 0.5, 0.5)]
        [InlineData("20-50 ns", 20, 50)]
        [InlineData("50-100 us", 50_000, 100_000)]
        [InlineData("5–15 µs", 5_000, 15_000)]
        [InlineData("5-15 μs", 5_000, 15_000)]
        [InlineData("~1 µs", 1_000, 1_000)]
        [InlineData("1,000,000 ns (1 ms)", 1_000_000, 1_000_000)]
        [InlineData("150 ms", 150_000_000, 150_000_000)]
        [InlineData("200ns", 200, 200)]
        [InlineData("1.5 ms", 1_500_000, 1_500_000)]
        [InlineData("1 s", 1e9, 1e9)]
        [InlineData("2 seconds", 2e9, 2e9)]
        [InlineData("5 min", 300e9, 300e9)]
        [InlineData("1 to 10 ms", 1e6, 1e7)]
        [InlineData("500 ns – 2 µs", 500, 2_000)]
        [InlineData("~50 µs (simple) to ~5 ms (with ORM)", 50_000, 5e6)]
        [InlineData("~5 ms, depending on the handler", 5e6, 5e6)]
        [InlineData("100 ns per call", 100, 100)]
        [InlineData("3 MICROSECONDS", 3_000, 3_000)]
        public void Given_a_written_duration_When_parsed_Then_it_is_a_nanosecond_range(string text, double min, double max)
        {
            Assert.True(DurationParser.TryParse(text, out var range), $"'{text}' should parse");
            Assert.Equal(min, range.MinNs, 6);
            Assert.Equal(max, range.MaxNs, 6);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        [InlineData("100")]
        [InlineData("n/a")]
        [InlineData("fast")]
        [InlineData("50 ms is what we measured last week")]
        [InlineData("10 MB")]
        [InlineData("50-20 ns")]
        [InlineData("ns")]
        public void Given_text_that_is_not_a_duration_When_parsed_Then_it_is_rejected(string? text) =>
            Assert.False(DurationParser.TryParse(text, out _));

        [Theory]
        [InlineData("~1 µs", true)]
        [InlineData("≈ 2 ms", true)]
        [InlineData("about 3 ms", true)]
        [InlineData("3 ms", false)]
        public void Given_an_approximate_figure_When_parsed_Then_it_is_marked_approximate(string text, bool approximate) =>
            Assert.Equal(approximate, DurationParser.Parse(text)!.Value.Approximate);

        [Fact]
        public void Given_an_upper_bound_When_parsed_Then_the_range_starts_at_zero()
        {
            var range = DurationParser.Parse("< 1 ms")!.Value;
            Assert.Equal((0, 1e6), (range.MinNs, range.MaxNs));
        }
    }

    public sealed class TryNumber
    {
        [Theory]
        [InlineData("10,000", 10_000)]
        [InlineData("1_000", 1_000)]
        [InlineData("1e6", 1_000_000)]
        [InlineData("0.5", 0.5)]
        public void Given_a_count_When_read_Then_separators_are_ignored(string text, double expected)
        {
            Assert.True(DurationParser.TryNumber(text, out var value));
            Assert.Equal(expected, value);
        }
    }

    public sealed class RangeToString
    {
        [Theory]
        [InlineData(0.5, 0.5, "0.5 ns")]
        [InlineData(50_000, 100_000, "50–100 µs")]
        [InlineData(1e6, 1e6, "1 ms")]
        [InlineData(2e9, 2e9, "2 s")]
        public void Given_a_range_When_formatted_Then_it_uses_the_largest_fitting_unit(double min, double max, string expected) =>
            Assert.Equal(expected, new DurationRange(min, max).ToString());
    }
}
