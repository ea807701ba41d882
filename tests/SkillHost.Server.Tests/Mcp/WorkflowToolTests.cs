using System.Text.Json;
using ModelContextProtocol.Protocol;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>The workflow tools (classify_code, estimate_cost, format_report, review_code) through a real client; figures and part names come from the parsed skill.</summary>
public sealed class WorkflowToolTests : IDisposable
{
    private const string HotPython = """
        import json

        def handle(request, rows):
            out = []
            for row in rows:
                for other in rows:
                    if row["id"] == other["parent"]:
                        out.append(json.dumps(other))
            return out
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("skillhost-workflow-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ServerEnvironment Environment => ServerEnvironment.Current() with { WorkingDirectory = _root };

    [Fact]
    public async Task Given_test_code_and_application_code_When_classified_Then_each_gets_its_class_and_the_skills_advice()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "test_orders.py"), "def test_total():\n    assert total([1, 2]) == 3\n", TestContext.Current.CancellationToken);
        await using var server = await InProcessServer.StartAsync(Environment);
        var guide = server.Catalog.Require(null).RequireWorkflow().Guide;

        var tests = (await server.Client.CallAsync("classify_code", new() { ["paths"] = new[] { "test_orders.py" } })).Structured();

        var file = tests.GetProperty("files")[0];
        Assert.Equal("test_orders.py", file.GetProperty("path").GetString());
        Assert.Equal("test", file.GetProperty("file").GetProperty("class").GetString());
        // The advice per class comes once, beside the files, not repeated in every classification.
        Assert.Equal(string.Empty, file.GetProperty("file").GetProperty("advice").GetString());
        var advice = tests.GetProperty("advice").GetProperty("test").GetString()!;
        Assert.Contains(guide.ClassAdvice, a => advice.Contains(a.Text, StringComparison.Ordinal) || a.Text.Contains(advice, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_operations_When_estimated_Then_the_figures_come_from_the_skills_cost_tables()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var row = server.Catalog.Require(null).Document.CostTables.SelectMany(t => t.Rows).First(r => r.Operation.Contains("function call", StringComparison.OrdinalIgnoreCase));

        var estimate = (await server.Client.CallAsync("estimate_cost", new() { ["operations"] = new[] { $"{row.Operation}=10000" } })).Structured();

        var line = estimate.GetProperty("lines")[0];
        Assert.Equal(10000, line.GetProperty("count").GetDouble());
        Assert.Equal(row.Operation, line.GetProperty("row").GetProperty("operation").GetString());
        Assert.Equal(row.MinNs * 10000, line.GetProperty("total").GetProperty("minNs").GetDouble(), 3);
    }

    [Fact]
    public async Task Given_an_unknown_operation_When_estimated_Then_an_error_with_what_to_write_and_the_server_keeps_serving()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = await server.Client.CallAsync("estimate_cost", new() { ["operations"] = new[] { "teleport a cat=3" } });
        var empty = await server.Client.CallAsync("estimate_cost", new() { ["operations"] = Array.Empty<string>() });

        Assert.True(result.IsError);
        Assert.Contains("teleport a cat", result.Text(), StringComparison.Ordinal);
        Assert.True(empty.IsError);
        Assert.Contains("'operations' is empty", empty.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_partial_report_When_formatted_Then_parts_follow_the_skill_and_missing_ones_are_listed()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var parts = server.Catalog.Require(null).Document.ReportParts;

        var normalized = (await server.Client.CallAsync("format_report", new() { ["report"] = "## Hot path hypothesis\n\nThe nested loop over rows dominates (estimated 10,000 × 100 ns = 1 ms).\n" })).Structured();

        Assert.Equal(parts, normalized.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.False(normalized.GetProperty("isComplete").GetBoolean());
        Assert.NotEmpty(normalized.GetProperty("missing").EnumerateArray());
    }

    [Fact]
    public async Task Given_hot_code_When_review_code_Then_markdown_has_the_skills_five_parts_and_structured_data_matches()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var parts = server.Catalog.Require(null).Document.ReportParts;

        var result = await server.Client.CallAsync("review_code", new() { ["code"] = HotPython, ["filename"] = "handlers.py" });

        var structured = result.Structured();
        var markdown = result.Text();
        Assert.All(parts, part => Assert.Contains($"## {part}", markdown, StringComparison.Ordinal));
        Assert.Contains(structured.GetProperty("report").GetProperty("topIssues").EnumerateArray(), i => i.GetProperty("slug").GetString() == "python/stdlib-json");
        Assert.Equal(structured.GetProperty("summary").GetProperty("findings").GetInt32(), structured.GetProperty("findings").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, structured.GetProperty("nextCursor").ValueKind);
        var link = Assert.Single(result.Content.OfType<ResourceLinkBlock>(), l => l.Uri.EndsWith("/report.md", StringComparison.Ordinal));
        Assert.Equal(structured.GetProperty("reportUri").GetString(), link.Uri);
    }

    [Fact]
    public async Task Given_a_suppression_comment_in_inline_code_When_review_code_Then_its_rule_is_silenced_on_that_line_only()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var suppressed = HotPython.Replace("out.append(json.dumps(other))", "out.append(json.dumps(other))  # skillhost: ignore[python/stdlib-json] -- tiny rows", StringComparison.Ordinal);

        var plain = (await server.Client.CallAsync("review_code", new() { ["code"] = HotPython, ["filename"] = "handlers.py" })).Structured();
        var quiet = (await server.Client.CallAsync("review_code", new() { ["code"] = suppressed, ["filename"] = "handlers.py" })).Structured();

        static string[] Slugs(System.Text.Json.JsonElement result) =>
            [.. result.GetProperty("report").GetProperty("topIssues").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];
        Assert.Contains("python/stdlib-json", Slugs(plain));
        Assert.DoesNotContain("python/stdlib-json", Slugs(quiet));
        Assert.Equal(Slugs(plain).Where(s => s != "python/stdlib-json"), Slugs(quiet));
    }

    [Fact]
    public async Task Given_a_rule_that_throws_When_review_code_Then_the_text_warns_and_the_data_names_the_rule_and_the_report_keeps_the_other_findings()
    {
        await using var server = await InProcessServer.StartAsync(Environment with { Catalogue = [.. Environment.Catalogue, new ThrowingRule()] });

        var result = await server.Client.CallAsync("review_code", new() { ["code"] = HotPython, ["filename"] = "handlers.py" });

        var structured = result.Structured();
        var failure = Assert.Single(structured.GetProperty("ruleFailures").EnumerateArray());
        Assert.Equal(ThrowingRule.Id, failure.GetProperty("ruleId").GetString());
        Assert.Contains($"Warning: rule {ThrowingRule.Id} failed on", result.Text(), StringComparison.Ordinal);
        Assert.Contains(structured.GetProperty("report").GetProperty("topIssues").EnumerateArray(), i => i.GetProperty("slug").GetString() == "python/stdlib-json");
    }

    [Fact]
    public async Task Given_the_tool_list_Then_the_six_tools_are_read_only_idempotent_with_output_schemas()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var tools = (await server.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.ProtocolTool).ToList();

        Assert.Equal(["analyze_profile", "checklist_review", "classify_code", "compare_profiles", "estimate_cost", "fix_code", "format_report", "get_skill_section", "review_code"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t =>
        {
            Assert.True(t.Annotations?.ReadOnlyHint, t.Name);
            Assert.True(t.Annotations?.IdempotentHint, t.Name);
            Assert.False(t.Annotations?.DestructiveHint, t.Name);
            Assert.NotNull(t.OutputSchema);
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            foreach (var parameter in t.InputSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(parameter.Value.TryGetProperty("description", out _), $"{t.Name}.{parameter.Name} has no description");
            }
        });
    }

    [Theory]
    [InlineData("review_code", "not neither")]
    [InlineData("classify_code", "Cannot tell whether")]
    [InlineData("format_report", "report")]
    public async Task Given_bad_input_to_a_workflow_tool_Then_an_actionable_error(string tool, string message)
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        Dictionary<string, object?> arguments = tool switch
        {
            "classify_code" => new() { ["code"] = "~~~" },
            "format_report" => new() { ["report"] = "" },
            _ => new(),
        };

        var result = await server.Client.CallAsync(tool, arguments);

        Assert.True(result.IsError);
        Assert.Contains(message, result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_review_When_its_report_resources_are_read_Then_the_full_report_and_json_come_back_and_an_unknown_id_is_an_error()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var structured = (await server.Client.CallAsync("review_code", new() { ["code"] = HotPython, ["filename"] = "handlers.py" })).Structured();

        var markdown = await server.Client.ReadResourceAsync(structured.GetProperty("reportUri").GetString()!, cancellationToken: TestContext.Current.CancellationToken);
        var json = await server.Client.ReadResourceAsync(structured.GetProperty("reportJsonUri").GetString()!, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("python/stdlib-json", Assert.IsType<TextResourceContents>(markdown.Contents[0]).Text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(Assert.IsType<TextResourceContents>(json.Contents[0]).Text);
        Assert.Equal(structured.GetProperty("summary").GetProperty("findings").GetInt32(), document.RootElement.GetProperty("findings").GetArrayLength());
        await Assert.ThrowsAnyAsync<Exception>(async () => await server.Client.ReadResourceAsync("skillhost://reviews/0123456789ab/report.md", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Given_a_page_limit_When_the_cursors_are_followed_Then_every_finding_comes_once_and_a_cursor_from_another_call_is_refused()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var code = string.Concat(Enumerable.Range(0, 12).Select(i => $"def f{i}(rows):\n    for r in rows:\n        log.debug(f\"{{r}}\")\n"));
        var all = (await server.Client.CallAsync("checklist_review", new() { ["code"] = code, ["language"] = "python", ["limit"] = 1000 })).Structured();

        var seen = new List<string>();
        var page = (await server.Client.CallAsync("checklist_review", new() { ["code"] = code, ["language"] = "python", ["limit"] = 5 })).Structured();
        var pages = 1;
        while (true)
        {
            seen.AddRange(page.GetProperty("findings").EnumerateArray().Select(f => $"{f.GetProperty("ruleId").GetString()}:{f.GetProperty("startLine").GetInt32()}"));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor)
            {
                break;
            }

            page = (await server.Client.CallAsync("checklist_review", new() { ["cursor"] = cursor, ["limit"] = 5 })).Structured();
            pages++;
        }

        Assert.Equal(all.GetProperty("findings").EnumerateArray().Select(f => $"{f.GetProperty("ruleId").GetString()}:{f.GetProperty("startLine").GetInt32()}"), seen);
        Assert.True(pages >= 3, $"{pages} pages");
        var first = (await server.Client.CallAsync("checklist_review", new() { ["code"] = code, ["language"] = "python", ["limit"] = 5 })).Structured();
        var other = await server.Client.CallAsync("checklist_review", new() { ["code"] = "def g(xs):\n    for x in xs:\n        log.debug(f\"{x}\")\n", ["language"] = "python", ["cursor"] = first.GetProperty("nextCursor").GetString() });
        Assert.True(other.IsError);
        Assert.Contains("belongs to another checklist_review call", other.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_folder_with_only_a_low_confidence_finding_When_reviewed_Then_it_is_counted_with_how_to_list_it_and_minConfidence_low_lists_it()
    {
        Directory.CreateDirectory(Path.Combine(_root, "tests"));
        // Test code: the finding is right but demoted to low (the skill judges tests by asymptotic cost only).
        await File.WriteAllTextAsync(Path.Combine(_root, "tests", "test_ids.py"), "def test_ids(orders, refunds):\n    ids = [r.id for r in refunds]\n    for order in orders:\n        assert order.id in ids\n", TestContext.Current.CancellationToken);
        await using var server = await InProcessServer.StartAsync(Environment);

        var byDefault = await server.Client.CallAsync("review_code", new() { ["paths"] = new[] { "." } });
        var all = await server.Client.CallAsync("review_code", new() { ["paths"] = new[] { "." }, ["minConfidence"] = "low" });
        var bad = await server.Client.CallAsync("review_code", new() { ["paths"] = new[] { "." }, ["minConfidence"] = "some" });

        Assert.NotEqual(true, byDefault.IsError);
        Assert.Equal(0, byDefault.Structured().GetProperty("findings").GetArrayLength());
        Assert.Contains("1 more finding below medium confidence", byDefault.Text(), StringComparison.Ordinal);
        Assert.Contains("minConfidence \"low\"", byDefault.Text(), StringComparison.Ordinal);
        var listed = Assert.Single(all.Structured().GetProperty("findings").EnumerateArray());
        Assert.Equal("low", listed.GetProperty("confidence").GetString());
        Assert.True(bad.IsError);
        Assert.Contains("pass low, medium or high", bad.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1e9)]
    public async Task Given_an_absurd_assumeN_Then_an_error_says_the_range(double assumeN)
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = await server.Client.CallAsync("review_code", new() { ["code"] = HotPython, ["language"] = "python", ["assumeN"] = assumeN });

        Assert.True(result.IsError);
        Assert.Contains("from 1 to 1,000,000", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_assumeN_When_reviewed_Then_the_assumed_counts_use_it_and_say_so()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = await server.Client.CallAsync("checklist_review", new() { ["code"] = "def f(rows):\n    for r in rows:\n        log.debug(f\"{r}\")\n", ["language"] = "python", ["assumeN"] = 250 });

        var estimate = result.Structured().GetProperty("findings")[0].GetProperty("estimate");
        Assert.Equal(250, estimate.GetProperty("passes").GetProperty("count").GetDouble());
        Assert.Equal("assumed", estimate.GetProperty("passes").GetProperty("source").GetString());
        Assert.Equal("`rows` has 250 items", estimate.GetProperty("passes").GetProperty("assumptions")[0].GetString());
    }

    [Fact]
    public async Task Given_every_section_of_the_bundled_skill_When_read_Then_each_result_stays_within_50000_characters()
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        var sections = SkillSections.All(server.Catalog.Require(null).Document);

        var cut = 0;
        foreach (var section in sections)
        {
            var result = await server.Client.CallAsync("get_skill_section", new() { ["section"] = section.SlugPath });
            var size = result.Text().Length + result.Structured().GetRawText().Length;
            Assert.True(size <= 50_000, $"{section.SlugPath}: {size:N0} characters");
            cut += result.Structured().GetProperty("cut").GetBoolean() ? 1 : 0;
        }

        Assert.True(cut > 0, "no section of the skill is long enough to need cutting: this test no longer checks the cut");
    }

    [Fact]
    public async Task Given_more_operations_than_fit_one_result_When_estimated_Then_an_error_says_how_many_to_send()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = await server.Client.CallAsync("estimate_cost", new() { ["operations"] = Enumerable.Repeat("dict lookup=10", 2_000).ToArray() });

        Assert.True(result.IsError);
        Assert.Contains("at most about 50 at a time", result.Text(), StringComparison.Ordinal);
    }
}
