using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Cli;

/// <summary><c>skillhost estimate</c>, <c>classify</c> and the five-part <c>review</c>, through the real command tree and the bundled skill.</summary>
public static class WorkflowCommandTests
{
    private static string Repo(params string[] parts) => SkillHost.Analysis.Tests.RepoPaths.Combine(parts);

    public sealed class Estimate
    {
        [Fact]
        public void Given_counts_When_estimated_Then_each_line_names_its_row_and_the_total_and_overlap_follow()
        {
            var (exitCode, output, error) = CliHarness.Run("estimate", "python function call=10000", "Read 1MB from SSD=30", "--concurrency", "4");

            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            Assert.Contains("python function call: 10,000 × 50–100 ns = 0.5–1 ms (Reference latencies: Python function call overhead (50-100 ns))", output, StringComparison.Ordinal);
            Assert.Contains("Total: 30.5–31 ms", output, StringComparison.Ordinal);
            Assert.Contains("Dominant: Read 1MB from SSD", output, StringComparison.Ordinal);
            Assert.Contains("With 4 at a time:", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_json_format_Then_the_estimate_is_machine_readable()
        {
            var (exitCode, output, _) = CliHarness.Run("estimate", "dict lookup=1e6", "--format", "json");

            Assert.Equal(0, exitCode);
            var line = JsonDocument.Parse(output).RootElement.GetProperty("lines")[0];
            Assert.Equal("dict lookup", line.GetProperty("row").GetProperty("operation").GetString());
            Assert.Equal("exact", line.GetProperty("row").GetProperty("kind").GetString());
        }

        [Theory]
        [InlineData("dict insert=10", "Did you mean 'dict lookup'")]
        [InlineData("teleport=3", "Known operations:")]
        [InlineData("dict lookup=-5", "is negative")]
        [InlineData("dict lookup=1e20", "beyond any plausible per-call estimate")]
        [InlineData("dict lookup", "is not 'operation=count'")]
        public void Given_a_bad_operation_When_estimated_Then_it_exits_2_saying_what_to_do(string operation, string expected)
        {
            var (exitCode, output, error) = CliHarness.Run("estimate", operation);

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_zero_concurrency_When_estimated_Then_it_exits_2() =>
            Assert.Equal(2, CliHarness.Run("estimate", "dict lookup=5", "--concurrency", "0").ExitCode);
    }

    public sealed class Classify : IDisposable
    {
        private readonly CliHarness _cli = new();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_the_samples_When_classified_Then_each_file_and_function_has_a_class()
        {
            var (exitCode, output, error) = CliHarness.Run("classify", Repo("samples", "python"));

            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            Assert.Contains("shop/orders.py: application-hot (high)", output, StringComparison.Ordinal);
            Assert.Contains("tests/test_reports.py: test (high)", output, StringComparison.Ordinal);
            Assert.Matches(@"\d+\s+price_orders\s+application-hot", output);
        }

        [Fact]
        public void Given_json_format_Then_the_classes_are_kebab_case()
        {
            var (exitCode, output, _) = CliHarness.Run("classify", Repo("samples", "rust"), "--format", "json");

            Assert.Equal(0, exitCode);
            var file = JsonDocument.Parse(output).RootElement[0];
            Assert.Equal("application-hot", file.GetProperty("file").GetProperty("class").GetString());
            Assert.False(string.IsNullOrEmpty(file.GetProperty("file").GetProperty("advice").GetString()));
        }

        [Fact]
        public void Given_only_an_empty_file_When_classified_Then_it_exits_2_with_the_reason()
        {
            var empty = Path.Combine(_cli.Temp, "empty.py");
            File.WriteAllText(empty, "\n\n");

            var (exitCode, _, error) = CliHarness.Run("classify", empty);

            Assert.Equal(2, exitCode);
            Assert.Contains("empty: it is empty", error, StringComparison.Ordinal);
            Assert.Contains("nothing could be classified", error, StringComparison.Ordinal);
        }
    }

    public sealed class Review : IDisposable
    {
        private readonly CliHarness _cli = new();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_the_samples_When_reviewed_as_the_readme_says_Then_the_five_part_report_is_printed()
        {
            var (exitCode, output, error) = CliHarness.Run("review", Repo("samples"));

            Assert.Equal(1, exitCode);
            Assert.Empty(error);
            Assert.StartsWith("# Performance review", output, StringComparison.Ordinal);
            Assert.Equal(
                ["Hot path hypothesis", "Top issues (ranked)", "Patch sketch", "Tradeoffs and risks", "Measurement plan"],
                output.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].TrimEnd()));
        }

        [Fact]
        public void Given_json_format_Then_findings_and_the_five_part_report_come_together()
        {
            var (exitCode, output, _) = CliHarness.Run("review", Repo("samples", "pyo3"), "--format", "json");

            Assert.Equal(1, exitCode);
            var root = JsonDocument.Parse(output).RootElement;
            Assert.True(root.GetProperty("findings").GetArrayLength() > 0);
            Assert.Equal(5, root.GetProperty("report").GetProperty("partNames").GetArrayLength());
        }

        [Fact]
        public void Given_max_issues_When_reviewed_Then_the_report_lists_that_many()
        {
            var (_, output, _) = CliHarness.Run("review", Repo("samples"), "--max-issues", "2");

            Assert.Contains("\n2. **", output, StringComparison.Ordinal);
            Assert.DoesNotContain("\n3. **", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_only_an_empty_and_a_binary_file_When_reviewed_Then_it_exits_2_naming_both()
        {
            var empty = Path.Combine(_cli.Temp, "empty.py");
            var binary = Path.Combine(_cli.Temp, "blob.rs");
            File.WriteAllText(empty, string.Empty);
            File.WriteAllBytes(binary, [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]);

            var (exitCode, output, error) = CliHarness.Run("review", empty, binary);

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains("empty.py: empty: it is empty", error, StringComparison.Ordinal);
            Assert.Contains("blob.rs: binary: holds a NUL byte at offset 4", error, StringComparison.Ordinal);
            Assert.Contains("nothing could be reviewed", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_file_over_10_MB_When_reviewed_Then_it_is_skipped_with_its_size()
        {
            var huge = Path.Combine(_cli.Temp, "huge.py");
            using (var stream = File.Create(huge))
            {
                stream.SetLength((10 * 1024 * 1024) + 1);
            }

            var (exitCode, _, error) = CliHarness.Run("review", huge);

            Assert.Equal(2, exitCode);
            Assert.Contains("huge.py: too large: 10 MB, over the 10 MB limit", error, StringComparison.Ordinal);
        }
    }
}
