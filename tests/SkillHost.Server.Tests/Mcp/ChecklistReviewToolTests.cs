using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary><c>checklist_review</c> through a real client: inline code, paths confined to the roots, progress, and every bad input answered.</summary>
public sealed class ChecklistReviewToolTests : IDisposable
{
    private const string QuadraticPython = """
        def match(orders, customers):
            result = []
            for order in orders:
                for customer in customers:
                    if customer.id == order.customer_id:
                        result.append((order, customer))
            return result
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("skillhost-mcp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ServerEnvironment Environment => ServerEnvironment.Current() with { WorkingDirectory = _root };

    [Fact]
    public async Task Given_inline_python_When_reviewed_Then_structured_findings_carry_the_skills_slug_and_priced_impact()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var report = (await server.Client.CallAsync("checklist_review", new() { ["code"] = QuadraticPython, ["language"] = "python" })).Structured();

        var finding = report.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("slug").GetString() == "python/quadratic");
        Assert.Equal(5, finding.GetProperty("startLine").GetInt32()); // the key comparison inside the inner loop
        Assert.Contains("ns", finding.GetProperty("impact").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, report.GetProperty("summary").GetProperty("filesReviewed").GetInt32());
    }

    [Fact]
    public async Task Given_inline_code_with_a_mechanical_fix_When_reviewed_Then_the_finding_carries_edits_that_applied_give_the_fixed_code()
    {
        const string code = "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n";
        await using var server = await InProcessServer.StartAsync(Environment);

        var report = (await server.Client.CallAsync("checklist_review", new() { ["code"] = code, ["language"] = "python" })).Structured();

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "PY009");
        var lines = code.Split('\n').ToList();
        foreach (var edit in finding.GetProperty("edits").EnumerateArray().Reverse())
        {
            // Single-line edits here: replace oldText at (line, column) as a client would.
            var line = edit.GetProperty("startLine").GetInt32() - 1;
            var column = edit.GetProperty("startColumn").GetInt32() - 1;
            var old = edit.GetProperty("oldText").GetString()!;
            Assert.Equal(old, lines[line].Substring(column, old.Length));
            lines[line] = lines[line][..column] + edit.GetProperty("newText").GetString() + lines[line][(column + old.Length)..];
        }

        Assert.Equal("import asyncio\nimport time\n\n\nasync def poll(ids):\n    for i in ids:\n        await asyncio.sleep(0.1)\n", string.Join('\n', lines));
    }

    [Fact]
    public async Task Given_a_rule_that_throws_When_reviewed_Then_the_result_names_the_failed_rule_and_keeps_every_other_finding()
    {
        await using var server = await InProcessServer.StartAsync(Environment with { Catalogue = [.. Environment.Catalogue, new ThrowingRule()] });

        var report = (await server.Client.CallAsync("checklist_review", new() { ["code"] = QuadraticPython, ["language"] = "python" })).Structured();

        var failure = Assert.Single(report.GetProperty("ruleFailures").EnumerateArray());
        Assert.Equal(ThrowingRule.Id, failure.GetProperty("ruleId").GetString());
        Assert.Contains(ThrowingRule.Failure, failure.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(report.GetProperty("findings").EnumerateArray(), f => f.GetProperty("slug").GetString() == "python/quadratic");
    }

    [Fact]
    public async Task Given_rules_that_all_work_When_reviewed_Then_rule_failures_is_an_empty_list()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var report = (await server.Client.CallAsync("checklist_review", new() { ["code"] = QuadraticPython, ["language"] = "python" })).Structured();

        Assert.Equal(0, report.GetProperty("ruleFailures").GetArrayLength());
    }

    [Fact]
    public async Task Given_the_tool_list_Then_checklist_review_is_read_only_idempotent_and_has_an_output_schema()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var tool = (await server.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Single(t => t.Name == "checklist_review").ProtocolTool;

        Assert.True(tool.Annotations?.ReadOnlyHint);
        Assert.True(tool.Annotations?.IdempotentHint);
        Assert.NotNull(tool.OutputSchema);
        Assert.True(tool.OutputSchema.Value.GetProperty("properties").TryGetProperty("findings", out _));
        Assert.True(tool.InputSchema.GetProperty("properties").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Given_a_folder_in_the_working_folder_When_reviewed_Then_progress_is_reported_per_file()
    {
        Directory.CreateDirectory(Path.Combine(_root, "src"));
        for (var i = 0; i < 3; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_root, "src", $"m{i}.py"), QuadraticPython, TestContext.Current.CancellationToken);
        }

        // Watched for the client's whole life, not only while the call is pending: the SDK client hands each incoming
        // message to its own thread-pool work item, so under load a notification the server wrote before the result can
        // be dispatched after the call returned, when CallToolAsync(progress) has already dropped its handler. What this
        // test checks is what the server sends, and that it sends it before the result.
        var updates = new List<JsonNode>();
        var clientOptions = new McpClientOptions
        {
            Handlers = new()
            {
                NotificationHandlers = [new(NotificationMethods.ProgressNotification, (notification, _) =>
                {
                    lock (updates)
                    {
                        updates.Add(notification.Params!.DeepClone());
                    }

                    return ValueTask.CompletedTask;
                })],
            },
        };
        await using var server = await InProcessServer.StartAsync(Environment, clientOptions);

        var result = await server.Client.CallToolAsync(
            new CallToolRequestParams
            {
                Name = "checklist_review",
                Arguments = new Dictionary<string, JsonElement> { ["paths"] = JsonDocument.Parse("""["src"]""").RootElement.Clone() },
                Meta = new JsonObject { ["progressToken"] = "review-1" },
            },
            TestContext.Current.CancellationToken);

        var report = result.Structured();
        Assert.Equal(3, report.GetProperty("summary").GetProperty("filesReviewed").GetInt32());
        Assert.Equal(["src/m0.py", "src/m1.py", "src/m2.py"], report.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        for (var i = 0; i < 500 && Count(updates) < 3; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        lock (updates)
        {
            Assert.All(updates, u => Assert.Equal("review-1", (string?)u["progressToken"]));
            Assert.Equal([1, 2, 3], updates.Select(u => (int)u["progress"]!).Order());
            Assert.All(updates, u => Assert.Equal(3, (int)u["total"]!));
        }
    }

    [Fact]
    public async Task Given_a_path_outside_the_working_folder_When_reviewed_Then_the_result_is_an_error_naming_the_allowed_folder()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = await server.Client.CallAsync("checklist_review", new() { ["paths"] = new[] { "/etc" } });

        Assert.True(result.IsError);
        Assert.Contains("outside the folders this server may read", result.Text(), StringComparison.Ordinal);
        Assert.Contains(PathConfinement.RealPath(_root), result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_link_inside_the_root_pointing_outside_When_reviewed_Then_it_is_refused()
    {
        var outside = Directory.CreateTempSubdirectory("skillhost-outside-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(outside, "secret.py"), QuadraticPython, TestContext.Current.CancellationToken);
            File.CreateSymbolicLink(Path.Combine(_root, "escape.py"), Path.Combine(outside, "secret.py"));
            Directory.CreateSymbolicLink(Path.Combine(_root, "escape-dir"), outside);
            await using var server = await InProcessServer.StartAsync(Environment);

            var direct = await server.Client.CallAsync("checklist_review", new() { ["paths"] = new[] { "escape.py" } });
            var throughFolder = await server.Client.CallAsync("checklist_review", new() { ["paths"] = new[] { "escape-dir/secret.py" } });

            Assert.True(direct.IsError);
            Assert.True(throughFolder.IsError);
            Assert.Contains("outside the folders", throughFolder.Text(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Given_client_roots_When_a_path_is_inside_them_Then_it_is_reviewed_and_the_working_folder_is_not_allowed()
    {
        var clientRoot = Directory.CreateTempSubdirectory("skillhost-roots-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(clientRoot, "app.py"), QuadraticPython, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(_root, "local.py"), QuadraticPython, TestContext.Current.CancellationToken);
#pragma warning disable MCP9005 // Roots are what the server must honour for clients that still send them.
            var options = new McpClientOptions
            {
                Capabilities = new ClientCapabilities { Roots = new RootsCapability() },
                Handlers = new McpClientHandlers
                {
                    RootsHandler = (_, _) => ValueTask.FromResult(new ListRootsResult { Roots = [new Root { Uri = new Uri(clientRoot).AbsoluteUri, Name = "project" }] }),
                },
            };
#pragma warning restore MCP9005
            await using var server = await InProcessServer.StartAsync(Environment, options);

            var inside = (await server.Client.CallAsync("checklist_review", new() { ["paths"] = new[] { "app.py" } })).Structured();
            var working = await server.Client.CallAsync("checklist_review", new() { ["paths"] = new[] { Path.Combine(_root, "local.py") } });

            Assert.Equal(["app.py"], inside.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
            Assert.True(working.IsError);
            Assert.Contains("the client's roots", working.Text(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(clientRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("too-long", "limit is")]
    [InlineData("binary", "binary data")]
    [InlineData("unknown-language", "Unsupported language")]
    [InlineData("undetectable", "Cannot tell whether")]
    [InlineData("both", "not both")]
    [InlineData("neither", "not neither")]
    [InlineData("bad-rule", "unknown rule selector")]
    [InlineData("bad-skill", "No hosted skill")]
    public async Task Given_bad_input_When_reviewed_Then_an_actionable_error_and_the_next_call_is_served(string input, string message)
    {
        await using var server = await InProcessServer.StartAsync(Environment);
        Dictionary<string, object?> arguments = input switch
        {
            "too-long" => new() { ["code"] = new string('x', 20 * 1024 * 1024), ["language"] = "python" },
            "binary" => new() { ["code"] = "def f():\0\u0001\u0002", ["language"] = "python" },
            "unknown-language" => new() { ["code"] = "x = 1", ["language"] = "cobol" },
            "undetectable" => new() { ["code"] = "~~~" },
            "both" => new() { ["code"] = "x = 1", ["language"] = "python", ["paths"] = new[] { "." } },
            "neither" => new(),
            "bad-rule" => new() { ["code"] = "x = 1", ["language"] = "python", ["select"] = new[] { "NOPE999" } },
            _ => new() { ["code"] = "x = 1", ["language"] = "python", ["skill"] = "no-such-skill" },
        };

        var result = await server.Client.CallAsync("checklist_review", arguments);
        var next = await server.Client.CallAsync("checklist_review", new() { ["code"] = QuadraticPython, ["filename"] = "ok.py" });

        Assert.True(result.IsError);
        Assert.Contains(message, result.Text(), StringComparison.Ordinal);
        Assert.NotEqual(0, next.Structured().GetProperty("summary").GetProperty("findings").GetInt32());
    }

    [Fact]
    public async Task Given_a_wrong_argument_type_or_an_unknown_tool_Then_each_is_an_error_and_the_server_keeps_serving()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var wrongType = await server.Client.CallAsync("checklist_review", new() { ["code"] = 42, ["language"] = new[] { "python" } });
        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.CallAsync("no_such_tool", new()));
        var next = await server.Client.CallAsync("get_skill_section", new() { ["section"] = "Workflow" });

        Assert.True(wrongType.IsError);
        Assert.Contains("argument 'code' is an integer", wrongType.Text(), StringComparison.Ordinal);
        Assert.Contains("no_such_tool", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("Workflow", next.Structured().GetProperty("title").GetString());
    }

    private static int Count(List<JsonNode> updates)
    {
        lock (updates)
        {
            return updates.Count;
        }
    }
}
