using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>The facade: inline inputs reviewed without the file system, bad inputs refused with a message, the renderers.</summary>
public sealed class PerformanceWorkflowTests
{
    private static PerformanceWorkflow Workflow => WorkflowFixture.Workflow;

    public sealed class BadInput
    {
        [Fact]
        public void Given_an_input_the_parser_fails_on_Then_it_is_skipped_as_not_parsed_and_the_other_input_is_reviewed()
        {
            SkillHost.Analysis.Syntax.SyntaxParsers.InjectedFailure.Value = text => text.Path == "broken.py" ? new InvalidOperationException("stack empty") : null;
            try
            {
                var result = Workflow.Review([new SourceInput("for x in xs:\n    slow(x)\n", "broken.py"), new SourceInput("for row in rows:\n    seen = []\n    seen.append(row)\n    print(len(seen))\n", "ok.py")]);

                var skipped = Assert.Single(result.Outcome.Skipped);
                Assert.Equal(("broken.py", SkipReason.ParserFailed), (skipped.Path, skipped.Reason));
                Assert.Contains("InvalidOperationException: stack empty", skipped.Detail, StringComparison.Ordinal);
                Assert.Equal(["ok.py"], result.Outcome.Files);
                Assert.False(result.NothingReviewed);
            }
            finally
            {
                SkillHost.Analysis.Syntax.SyntaxParsers.InjectedFailure.Value = null;
            }
        }

        [Fact]
        public void Given_an_empty_input_Then_it_is_skipped_with_a_message_and_nothing_is_reviewed()
        {
            var result = Workflow.Review([new SourceInput("  \n", "empty.py")]);

            Assert.True(result.NothingReviewed);
            var skipped = Assert.Single(result.Outcome.Skipped);
            Assert.Equal(SkipReason.Empty, skipped.Reason);
            Assert.Contains("empty.py: empty: it is empty", result.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_ten_megabyte_paste_Then_it_is_refused_as_too_large()
        {
            var paste = string.Concat(Enumerable.Repeat("x = 1\n", (SourceInput.MaxChars / 6) + 1));

            var result = Workflow.Review([new SourceInput(paste, "paste.py")]);

            Assert.Equal(SkipReason.TooLarge, Assert.Single(result.Outcome.Skipped).Reason);
            Assert.Contains("over the 10 M limit", result.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_binary_content_Then_it_is_refused_as_binary()
        {
            var result = Workflow.Review([new SourceInput("\u007fELF\0\0\u0002", "tool.py")]);

            Assert.Equal(SkipReason.Binary, Assert.Single(result.Outcome.Skipped).Reason);
            Assert.Contains("not source text", result.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_text_in_no_known_language_Then_it_says_how_to_name_it()
        {
            var result = Workflow.Review([new SourceInput("Dear team, the build is slow.", "notes.txt")]);

            Assert.Equal(SkipReason.UnsupportedLanguage, Assert.Single(result.Outcome.Skipped).Reason);
            Assert.Contains("language \"python\" or \"rust\"", result.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_one_bad_and_one_good_input_Then_the_good_one_is_reviewed_and_the_bad_one_listed()
        {
            var example = WorkflowFixture.Example("B");
            var result = Workflow.Review([new SourceInput("", "empty.rs"), new SourceInput(example.Inputs[0].Code, "label.rs")]);

            Assert.False(result.NothingReviewed);
            Assert.Equal(["label.rs"], result.Report.Files);
            Assert.Contains("Not reviewed: `empty.rs` (empty:", MarkdownReportRenderer.Render(result.Report), StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_empty_file_named_on_disk_Then_it_is_skipped_with_a_message()
        {
            var folder = Directory.CreateTempSubdirectory("skillhost-workflow-");
            try
            {
                File.WriteAllText(Path.Combine(folder.FullName, "empty.py"), string.Empty);
                File.WriteAllBytes(Path.Combine(folder.FullName, "blob.py"), [0x7f, 0x45, 0, 0, 1]);

                var result = Workflow.ReviewPaths(["empty.py", "blob.py"], folder.FullName);

                Assert.True(result.NothingReviewed);
                Assert.Equal([SkipReason.Binary, SkipReason.Empty], result.Outcome.Skipped.Select(s => s.Reason).Order());
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }
    }

    public sealed class Inline
    {
        [Fact]
        public void Given_inline_code_without_a_path_Then_a_language_hint_names_it()
        {
            var result = Workflow.Review([new SourceInput("def f(xs):\n    return [x for x in xs]\n", Language: "python")]);

            Assert.Equal(["input1.py"], result.Report.Files);
        }

        [Fact]
        public void Given_clean_code_Then_the_report_still_has_five_parts_and_proposes_measuring()
        {
            var result = Workflow.Review([new SourceInput("def add(a, b):\n    return a + b\n", "add.py")]);

            Assert.Empty(result.Report.TopIssues);
            Assert.Null(result.Report.PatchSketch);
            Assert.NotEmpty(result.Report.MeasurementPlan.Steps);
            var normalized = Workflow.FormatReport(MarkdownReportRenderer.Render(result.Report));
            Assert.All(normalized.Parts, p => Assert.True(p.Present, p.Name));
        }
    }

    /// <summary>The skill asks the measurement plan for "the number that counts as success": each kind of fix gets one that fits what it changes.</summary>
    public sealed class SuccessCriterion
    {
        [Theory]
        [InlineData("python/list-where-generator", "def total(path):\n    return sum([len(line) for line in open(path).readlines()])\n", "allocates at least 2× less")]
        [InlineData("python/sync-io-in-async", "import time\n\nasync def handle(req):\n    time.sleep(0.05)\n    return req\n", "with 100 concurrent calls of `handle`, the batch finishes at least 10× sooner")]
        [InlineData("python/sequential-await", "async def fetch_all(client, ids):\n    out = []\n    for i in ids:\n        out.append(await client.get(i))\n    return out\n", "on 100 items, one call of `fetch_all` takes at least 10× less wall time")]
        [InlineData("python/quadratic", "def match(orders, customers):\n    hits = []\n    for o in orders:\n        for c in customers:\n            if c.id == o.customer_id:\n                hits.append(o)\n    return hits\n", "a measured drop within 10× of that confirms the hypothesis")]
        public void Given_a_top_issue_Then_the_success_criterion_names_a_number_fitted_to_the_fix(string slug, string code, string expected)
        {
            var report = Workflow.Review([new SourceInput(code, "app.py")]).Report;

            Assert.Equal(slug, report.TopIssues[0].Slug);
            Assert.Contains(expected, report.MeasurementPlan.SuccessCriterion, StringComparison.Ordinal);
        }
    }

    public sealed class Renderers
    {
        private static WorkflowResult ExampleB => Workflow.Review(WorkflowFixture.ExampleInputs(WorkflowFixture.Example("B")));

        [Fact]
        public void Given_two_clones_in_one_function_Then_they_are_one_issue_with_two_occurrences()
        {
            var issue = Assert.Single(ExampleB.Report.TopIssues);

            Assert.Equal(2, issue.Occurrences);
            Assert.Equal([2, 3], issue.Lines);
        }

        [Fact]
        public void Given_a_report_When_rendered_as_json_Then_it_matches_its_golden_file() =>
            GoldenFile.Verify(WorkflowFixture.GoldenPath("example_b.json"), WorkflowJson.Serialize(ExampleB.Report));

        [Fact]
        public void Given_a_report_When_rendered_as_sarif_Then_the_run_carries_the_five_parts_under_the_skills_names()
        {
            var result = ExampleB;
            using var writer = new StringWriter();
            SarifReportRenderer.Write(new ReviewReport(result.Outcome, Workflow.Rules, new ReportTool("skillhost", "0.0.0-test", ReportTool.DefaultInformationUri), "."), result.Report, writer);

            using var sarif = System.Text.Json.JsonDocument.Parse(writer.ToString());
            var run = sarif.RootElement.GetProperty("runs")[0];
            var parts = run.GetProperty("properties").GetProperty("performanceReport");
            Assert.Equal(WorkflowFixture.Skill.ReportParts, parts.EnumerateObject().Select(p => p.Name));
            Assert.Equal(2, run.GetProperty("results").GetArrayLength());
        }
    }

    public sealed class ShortReport
    {
        // Twelve functions, each a growing-list membership test over data, each with a long name and long identifiers: ten
        // such issues in full render past the short report's budget.
        private static string Verbose(int i)
        {
            var items = $"incoming_customer_order_identifiers_from_the_upstream_message_queue_partition_number_{i}";
            var seen = $"already_processed_customer_order_identifiers_kept_in_arrival_order_for_partition_{i}";
            return $"def deduplicate_customer_order_identifiers_arriving_from_the_upstream_queue_partition_{i}({items}):\n"
                + $"    {seen} = []\n"
                + $"    for order_identifier_under_consideration in {items}:\n"
                + $"        if order_identifier_under_consideration not in {seen}:\n"
                + $"            {seen}.append(order_identifier_under_consideration)\n"
                + $"    return {seen}\n\n\n";
        }

        [Fact]
        public void Given_ten_long_issues_When_reviewed_by_default_Then_the_markdown_stays_within_the_budget_and_counts_the_rest()
        {
            var code = string.Concat(Enumerable.Range(0, 12).Select(Verbose));

            var result = Workflow.Review([new SourceInput(code, "dedupe.py")]);
            var full = Workflow.Review([new SourceInput(code, "dedupe.py")], maxIssues: 12);
            var markdown = MarkdownReportRenderer.Render(result.Report);

            Assert.True(MarkdownReportRenderer.Render(full.Report).Length > MarkdownReportRenderer.ShortReportCharacters, "the input must overflow the budget for this test to mean anything");
            Assert.True(markdown.Length <= MarkdownReportRenderer.ShortReportCharacters, $"{markdown.Length:N0} characters");
            Assert.InRange(result.Report.TopIssues.Count, 1, PerformanceReportBuilder.DefaultMaxIssues - 1);
            Assert.Contains($"And {12 - result.Report.TopIssues.Count} more issues", markdown, StringComparison.Ordinal);
        }
    }
}
