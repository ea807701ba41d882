using SkillHost.Analysis.Cost;
using SkillHost.Skills;
using SkillHost.Skills.Durations;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>Step 2: counts priced with the skill's cost tables, read from the parsed SKILL.md.</summary>
public sealed class CostEstimatorTests
{
    private static CostEstimator Estimator => WorkflowFixture.Workflow.Estimator;

    private static CostRow Row(string operation) =>
        WorkflowFixture.Skill.CostTables.SelectMany(t => t.Rows).Single(r => r.Operation == operation);

    public sealed class Matching
    {
        [Theory]
        [InlineData("dict lookup", "dict lookup", MatchKind.Exact)]
        [InlineData("Read 1MB from SSD", "Read 1 MB from SSD", MatchKind.Exact)]
        [InlineData("hash map lookup", "HashMap lookup", MatchKind.Exact)]
        [InlineData("python function call", "Python function call overhead", MatchKind.Fuzzy)]
        [InlineData("GIL acquire", "PyO3 GIL acquire/release", MatchKind.Fuzzy)]
        [InlineData("dict lookups", "dict lookup", MatchKind.Exact)]
        [InlineData("dictionary lookup", "dict lookup", MatchKind.Fuzzy)]
        [InlineData("tokio spawn task", "tokio task spawn", MatchKind.Fuzzy)]
        public void Given_an_operation_When_priced_Then_the_matched_row_is_named(string asked, string row, MatchKind kind)
        {
            var line = Estimator.Estimate([new OperationCount(asked, 1)]).Lines[0];

            Assert.Equal(row, line.Row.Operation);
            Assert.Equal(kind, line.Row.Kind);
            Assert.Equal(Row(row).MinNs, line.PerItem.MinNs);
            Assert.Equal(Row(row).MaxNs, line.PerItem.MaxNs);
        }

        [Fact]
        public void Given_an_unknown_operation_When_priced_Then_it_is_refused_with_suggestions()
        {
            var error = Assert.Throws<CostEstimateException>(() => Estimator.Estimate(["dict insert=10"]));

            Assert.Contains("'dict insert'", error.Message, StringComparison.Ordinal);
            Assert.Contains("dict lookup", error.Suggestions);
            Assert.Contains("Did you mean", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_operation_no_row_resembles_When_priced_Then_the_message_lists_the_known_operations()
        {
            var error = Assert.Throws<CostEstimateException>(() => Estimator.Estimate(["quantum teleport=3"]));

            Assert.Contains("Known operations", error.Message, StringComparison.Ordinal);
            Assert.Contains("'dict lookup'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_words_that_fit_several_rows_When_priced_Then_it_is_refused_as_ambiguous_naming_them()
        {
            var error = Assert.Throws<CostEstimateException>(() => Estimator.Estimate(["function call=10"]));

            Assert.Contains("Python function call overhead", error.Suggestions);
            Assert.Contains("Rust function call (not inlined)", error.Suggestions);
            Assert.Contains("Name one of them", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Arithmetic
    {
        [Fact]
        public void Given_a_count_When_estimated_Then_the_range_is_multiplied_and_written_as_the_issue_asks()
        {
            var estimate = Estimator.Estimate(["python function call=10000"]);

            var line = Assert.Single(estimate.Lines);
            var row = Row("Python function call overhead");
            Assert.Equal(row.MinNs * 10_000, line.Total.MinNs);
            Assert.Equal(row.MaxNs * 10_000, line.Total.MaxNs);
            Assert.Equal($"10,000 × {CostText.PerItem(new DurationRange(row.MinNs, row.MaxNs))} = {CostText.Total(new DurationRange(row.MinNs * 1e4, row.MaxNs * 1e4))}", line.Text);
        }

        [Fact]
        public void Given_the_figures_of_the_issue_When_formatted_Then_they_read_10000_times_50_to_100_ns_is_half_to_one_ms()
        {
            var perItem = new DurationRange(50, 100);

            Assert.Equal("10,000 × 50–100 ns = 0.5–1 ms", CostText.Line(10_000, perItem, perItem.Times(10_000)));
        }

        [Fact]
        public void Given_several_operations_When_estimated_Then_totals_sum_and_the_dominant_term_is_named()
        {
            var estimate = Estimator.Estimate(["dict lookup=1e6", "Read 1MB from SSD=100", "python function call=10,000"]);

            Assert.Equal(estimate.Lines.Sum(l => l.Total.MinNs), estimate.Total.MinNs);
            Assert.Equal(estimate.Lines.Sum(l => l.Total.MaxNs), estimate.Total.MaxNs);
            Assert.Equal("Read 1 MB from SSD", estimate.Dominant!.Row.Operation);
            Assert.Contains(estimate.Describe(), l => l.StartsWith("Dominant: Read 1MB from SSD", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_concurrency_When_estimated_Then_waits_overlap_and_never_cost_less_than_the_longest_one()
        {
            var sequential = Estimator.Estimate(["Round trip within the same datacenter=100"]);
            var concurrent = Estimator.Estimate(["Round trip within the same datacenter=100"], concurrency: 10);
            var wide = Estimator.Estimate(["Round trip within the same datacenter=100"], concurrency: 1000);

            Assert.Null(sequential.Overlapped);
            Assert.Equal(sequential.Total.MaxNs / 10, concurrent.Overlapped!.Value.MaxNs);
            Assert.Equal(Row("Round trip within the same datacenter").MaxNs, wide.Overlapped!.Value.MaxNs);
            Assert.Contains(concurrent.Describe(), l => l.StartsWith("With 10 at a time", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_cost_given_with_the_count_When_estimated_Then_no_row_is_consulted()
        {
            var line = Estimator.Estimate(["Rust HTTP parsing=1@~1 µs"]).Lines[0];

            Assert.Equal(MatchKind.Given, line.Row.Kind);
            Assert.Equal(1000, line.Total.MaxNs);
        }
    }

    public sealed class BadInput
    {
        [Theory]
        [InlineData("dict lookup=-5", "negative")]
        [InlineData("dict lookup=1e13", "beyond any plausible")]
        [InlineData("dict lookup=lots", "is not a count")]
        [InlineData("dict lookup", "is not 'operation=count'")]
        [InlineData("=5", "is not 'operation=count'")]
        [InlineData("dict lookup=5@fast", "is not a duration")]
        public void Given_a_bad_operation_text_When_estimated_Then_the_message_says_what_to_write(string text, string expected)
        {
            var error = Assert.Throws<CostEstimateException>(() => Estimator.Estimate([text]));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-3)]
        [InlineData(2_000_000)]
        public void Given_a_bad_concurrency_When_estimated_Then_it_is_refused(int concurrency)
        {
            var error = Assert.Throws<CostEstimateException>(() => Estimator.Estimate(["dict lookup=5"], concurrency));

            Assert.Contains("Concurrency must be between 1", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_no_operations_When_estimated_Then_the_message_gives_an_example() =>
            Assert.Contains("python function call=10000", Assert.Throws<CostEstimateException>(() => Estimator.Estimate(Array.Empty<string>())).Message, StringComparison.Ordinal);

        [Fact]
        public void Given_a_negative_count_in_code_When_estimated_Then_it_is_refused_too() =>
            Assert.Throws<CostEstimateException>(() => Estimator.Estimate([new OperationCount("dict lookup", -1)]));
    }

    /// <summary>The skill's two estimation templates, read from the parsed skill, re-estimated line by line.</summary>
    public sealed class Templates
    {
        private static EstimationTemplate Template(string word) =>
            WorkflowFixture.Skill.Templates.Single(t => t.Name.Contains(word, StringComparison.OrdinalIgnoreCase));

        [Fact]
        public void Given_the_batch_template_When_each_line_is_estimated_Then_it_reproduces_the_skill_text_and_figure()
        {
            var template = Template("batch");
            var counted = template.Lines.Where(l => l.Count is not null).ToList();
            Assert.Equal(3, counted.Count);

            foreach (var templateLine in counted)
            {
                var line = Estimator.Estimate([new OperationCount(templateLine.Label, templateLine.Count!.Value, templateLine.PerItem)]).Lines[0];

                Assert.StartsWith(line.Text, templateLine.Figure, StringComparison.Ordinal);
                Assert.Equal(templateLine.Duration!.Value.MinNs, line.Total.MinNs, 6);
                Assert.Equal(templateLine.Duration!.Value.MaxNs, line.Total.MaxNs, 6);
            }
        }

        [Fact]
        public void Given_the_web_request_template_When_its_lines_are_summed_Then_the_total_and_dominant_term_match_the_skill()
        {
            var template = Template("web request");
            var stated = CostEstimator.TemplateTotal(template)!.Duration!.Value;

            var estimate = Estimator.Estimate(CostEstimator.FromTemplate(template));

            Assert.Equal(template.Lines.Length - 1, estimate.Lines.Count);
            // The skill rounds its total ("~50 µs to ~5 ms"): each end within a factor of 1.25 of the sum.
            Assert.InRange(estimate.Total.MinNs / stated.MinNs, 1, 1.25);
            Assert.InRange(estimate.Total.MaxNs / stated.MaxNs, 1, 1.25);
            Assert.Equal("Python handler", estimate.Dominant!.Label);
            var crossings = estimate.Lines.Where(l => l.Label.Contains("GIL", StringComparison.Ordinal)).Sum(l => l.Total.MaxNs);
            Assert.Equal(400, crossings);
            Assert.True(crossings / estimate.Total.MinNs < 0.01, "the skill says the crossings are under 1% of even the simplest handler");
        }

        [Fact]
        public void Given_the_table_row_for_a_python_call_When_10000_are_estimated_Then_the_template_figure_lies_in_the_range()
        {
            var template = Template("batch").Lines.First(l => l.Label.Contains("function call", StringComparison.OrdinalIgnoreCase));

            var line = Estimator.Estimate([new OperationCount("python function call", template.Count!.Value)]).Lines[0];

            Assert.InRange(template.Duration!.Value.MaxNs, line.Total.MinNs, line.Total.MaxNs);
        }
    }
}
