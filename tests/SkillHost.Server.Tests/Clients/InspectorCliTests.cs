using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Clients;

/// <summary>The MCP Inspector's CLI (npm @modelcontextprotocol/inspector --cli) against the built stdio server, including SEP-2640 verification.</summary>
public sealed class InspectorCliTests
{
    private static Task<(int ExitCode, string Out, string Error)> InspectAsync(params string[] method) =>
        NodeClients.RunAsync([NodeClients.Inspector, "--cli", "--connect-timeout", "120000", .. ServerProcess.StdioCommand, .. method]);

    [Fact]
    public async Task Given_skills_list_with_verify_Then_every_skill_and_file_digest_is_verified_and_the_exit_code_is_0()
    {
        var (exitCode, output, error) = await InspectAsync("--method", "skills/list", "--verify");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("\"outcome\":\"verified\"", output, StringComparison.Ordinal);
        Assert.Contains("skill://performance-optimization/references/techniques.md", output, StringComparison.Ordinal);
        Assert.DoesNotContain("mismatch", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_tool_call_Then_the_structured_findings_come_back()
    {
        var (exitCode, output, error) = await InspectAsync("--method", "tools/call", "--tool-name", "checklist_review",
            "--tool-arg", "code=for a in xs:\n    for b in ys:\n        if a.id == b.id:\n            print(a)\n", "--tool-arg", "language=python");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("python/quadratic", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_tool_error_Then_the_inspector_reports_is_error_with_exit_5()
    {
        var (exitCode, output, _) = await InspectAsync("--method", "tools/call", "--tool-name", "get_skill_section", "--tool-arg", "section=nothing-here");

        Assert.Equal(5, exitCode);
        Assert.Contains("has no section matching 'nothing-here'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_resources_read_and_prompts_get_Then_both_answer()
    {
        var resource = await InspectAsync("--method", "resources/read", "--uri", "skill://performance-optimization/checklist.json");
        var prompt = await InspectAsync("--method", "prompts/get", "--prompt-name", "performance_review", "--prompt-args", "code=x = 1", "language=python", "goal=memory");

        Assert.True(resource.ExitCode == 0, resource.Error);
        Assert.Contains("python/quadratic", resource.Out, StringComparison.Ordinal);
        Assert.True(prompt.ExitCode == 0, prompt.Error);
        Assert.Contains("The goal is memory", prompt.Out, StringComparison.Ordinal);
    }
}
