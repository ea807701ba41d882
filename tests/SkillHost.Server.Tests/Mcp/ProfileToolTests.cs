using System.Text;
using ModelContextProtocol.Protocol;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>
/// Profiles over MCP: analyze_profile (mapped to source, paged within 50,000 characters), compare_profiles, the 'profile'
/// argument of review_code and checklist_review, and every bad request answered without the server going down.
/// </summary>
public sealed class ProfileToolTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("skillhost-profile-mcp-").FullName;

    public ProfileToolTests() => ProfileFixtures.CopyInto(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ServerEnvironment Environment => ServerEnvironment.Current() with { WorkingDirectory = _root };

    [Fact]
    public async Task Given_a_profile_and_its_source_When_analyzed_Then_the_hottest_function_is_mapped_to_its_line_and_the_finding_in_it()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = (await server.Client.CallAsync("analyze_profile", new() { ["profile"] = "app.pstats", ["source"] = new[] { "app.py" } })).Structured();

        var top = result.GetProperty("analysis").GetProperty("functions")[0];
        Assert.Equal("dedupe", top.GetProperty("name").GetString());
        Assert.Equal("app.py", top.GetProperty("sourcePath").GetString());
        Assert.Equal(12, top.GetProperty("sourceLine").GetInt32());
        Assert.True(top.GetProperty("selfShare").GetDouble() > 0.9);
        Assert.Contains(top.GetProperty("findings").EnumerateArray(), f => f.GetProperty("slug").GetString() == "python/quadratic");
    }

    [Fact]
    public async Task Given_a_profile_of_thousands_of_functions_When_paged_Then_each_page_stays_within_the_budget_and_the_pages_list_each_function_once()
    {
        var stacks = new StringBuilder();
        for (var i = 0; i < 3_000; i++)
        {
            stacks.Append($"main;worker_{i}_{new string('x', 120)} (/srv/app/module_{i}.py:{i + 1}) {i + 1}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(_root, "many.collapsed"), stacks.ToString(), TestContext.Current.CancellationToken);
        await using var server = await InProcessServer.StartAsync(Environment);
        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var arguments = new Dictionary<string, object?> { ["profile"] = "many.collapsed", ["limit"] = 1000 };
            if (cursor is not null)
            {
                arguments["cursor"] = cursor;
            }

            var result = await server.Client.CallAsync("analyze_profile", arguments);
            var size = result.Text().Length + (result.StructuredContent?.ToString()?.Length ?? 0);
            Assert.True(size <= 50_000, $"page {pages + 1} is {size} characters");
            var page = result.Structured();
            names.AddRange(page.GetProperty("analysis").GetProperty("functions").EnumerateArray().Select(f => f.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.True(pages > 1, "expected several pages");
        Assert.Equal(3_001, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Given_a_profile_When_review_code_is_called_with_it_Then_the_top_finding_is_the_measured_quadratic_test()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var review = (await server.Client.CallAsync("review_code", new() { ["paths"] = new[] { "app.py" }, ["profile"] = new[] { "app.collapsed" } })).Structured();
        var checklist = (await server.Client.CallAsync("checklist_review", new() { ["paths"] = new[] { "app.py" }, ["profile"] = new[] { "app.pstats" } })).Structured();

        foreach (var result in new[] { review, checklist })
        {
            var top = result.GetProperty("findings")[0];
            Assert.Equal("python/quadratic", top.GetProperty("slug").GetString());
            Assert.True(top.GetProperty("estimate").GetProperty("measured").GetProperty("share").GetDouble() >= 0.5);
        }

        Assert.Contains("`dedupe`", review.GetProperty("report").GetProperty("hotPathHypothesis").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_two_profiles_When_compared_Then_the_answer_says_whether_the_criterion_is_met()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var same = (await server.Client.CallAsync("compare_profiles", new() { ["before"] = "app.pstats", ["after"] = "app.pstats" })).Structured();
        var mixed = await server.Client.CallAsync("compare_profiles", new() { ["before"] = "app.pstats", ["after"] = "app.collapsed" });

        Assert.False(same.GetProperty("met").GetBoolean());
        Assert.Equal("dedupe", same.GetProperty("target").GetString());
        Assert.True(mixed.IsError);
        Assert.Contains("seconds before, samples after", mixed.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.py", "not a profile that can be read")]
    [InlineData("missing.pstats", "missing.pstats")]
    [InlineData("/etc/hostname", "outside")]
    [InlineData(" ", "is empty")]
    public async Task Given_a_bad_profile_argument_When_called_Then_an_error_says_what_to_send_and_the_server_keeps_answering(string profile, string message)
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var analyzed = await server.Client.CallAsync("analyze_profile", new() { ["profile"] = profile });
        var reviewed = await server.Client.CallAsync("review_code", new() { ["paths"] = new[] { "app.py" }, ["profile"] = new[] { profile } });
        var after = await server.Client.CallAsync("analyze_profile", new() { ["profile"] = "app.pstats" });

        Assert.True(analyzed.IsError);
        Assert.Contains(message, analyzed.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.True(reviewed.IsError);
        Assert.True(after.IsError is not true);
    }

    [Fact]
    public async Task Given_a_foreign_cursor_When_analyze_profile_is_called_Then_the_error_says_to_start_again()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var result = await server.Client.CallAsync("analyze_profile", new() { ["profile"] = "app.pstats", ["cursor"] = "not-a-cursor" });

        Assert.True(result.IsError);
        Assert.Contains("without it", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_profile_When_performance_review_is_got_Then_it_asks_for_one_and_says_how_to_record_it()
    {
        await using var server = await InProcessServer.StartAsync(Environment);

        var without = await server.Client.GetPromptAsync("performance_review", new Dictionary<string, object?> { ["code"] = "def f(x):\n    return x\n" }, cancellationToken: TestContext.Current.CancellationToken);
        var with = await server.Client.GetPromptAsync("performance_review", new Dictionary<string, object?> { ["code"] = "def f(x):\n    return x\n", ["profile"] = "app.pstats" }, cancellationToken: TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(without.Messages).Content).Text;
        Assert.Contains("python -m cProfile -o", text, StringComparison.Ordinal);
        Assert.Contains("py-spy record --format speedscope", text, StringComparison.Ordinal);
        Assert.Contains("perf script", text, StringComparison.Ordinal);
        Assert.Contains("`app.pstats`", Assert.IsType<TextContentBlock>(Assert.Single(with.Messages).Content).Text, StringComparison.Ordinal);
    }
}
