using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>The prompts: performance_review walks the skill's own workflow; each hosted skill has a prompt of its name.</summary>
public sealed class PromptTests
{
    [Fact]
    public async Task Given_code_and_a_goal_When_performance_review_is_got_Then_it_walks_the_skills_workflow_steps_and_report_parts()
    {
        await using var server = await InProcessServer.StartAsync();
        var skill = server.Catalog.Require(null).Document;
        var steps = skill.FindSection(s => s.Title == "Workflow")!.Children;

        var prompt = await server.Client.GetPromptAsync("performance_review", new Dictionary<string, object?> { ["code"] = "fn main() { let v = vec![1]; }", ["goal"] = "memory" }, cancellationToken: TestContext.Current.CancellationToken);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("The goal is memory", text, StringComparison.Ordinal);
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.Contains($"## {step.Title}", text, StringComparison.Ordinal));
        Assert.All(skill.ReportParts, part => Assert.Contains(part, text, StringComparison.Ordinal));
        Assert.Contains("```rust\nfn main()", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("speed", "Unknown goal")]
    [InlineData(null, "either 'code'")]
    public async Task Given_a_bad_request_When_performance_review_is_got_Then_invalid_params_with_the_choices(string? goal, string message)
    {
        await using var server = await InProcessServer.StartAsync();
        var arguments = new Dictionary<string, object?> { ["goal"] = goal };
        if (goal is not null)
        {
            arguments["code"] = "x = 1";
        }

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.GetPromptAsync("performance_review", arguments, cancellationToken: TestContext.Current.CancellationToken).AsTask());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
    }

    [Fact]
    public async Task Given_hosted_skills_Then_each_has_a_prompt_of_its_name_carrying_its_SKILL_md()
    {
        var extra = Directory.CreateTempSubdirectory("skillhost-prompts-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(extra, "demo"));
            await File.WriteAllTextAsync(Path.Combine(extra, "demo", "SKILL.md"), "---\nname: demo\ndescription: A demo skill. Use in tests.\n---\n# Demo\n\nSay hello.\n", TestContext.Current.CancellationToken);
            await using var server = await InProcessServer.StartAsync(skillFolders: [extra]);

            var prompts = await server.Client.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken);
            var demo = await server.Client.GetPromptAsync("demo", new Dictionary<string, object?> { ["task"] = "greet" }, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(["demo", "performance-optimization", "performance_review"], prompts.Select(p => p.Name).Order(StringComparer.Ordinal));
            var text = Assert.IsType<TextContentBlock>(Assert.Single(demo.Messages).Content).Text;
            Assert.Contains("for this task: greet", text, StringComparison.Ordinal);
            Assert.Contains("Say hello.", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(extra, recursive: true);
        }
    }
}
