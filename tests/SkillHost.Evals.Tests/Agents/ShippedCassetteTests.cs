using Microsoft.Extensions.AI;
using SkillHost.Evals.Agents;
using SkillHost.Evals.Agents.Cassettes;
using SkillHost.Evals.Cli;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Agents;

/// <summary>The LLM agent replaying a shipped cassette against the real MCP server, in-process.</summary>
public sealed class ShippedCassetteTests
{
    [Fact]
    public async Task Given_the_example_a_cassette_When_replayed_Then_review_code_runs_on_the_server_and_its_report_reaches_the_model()
    {
        var setup = EvalSetup.Load(EvalPaths.Find(RepoPaths.Root)!, TextWriter.Null)!;
        await using var host = await AgentHost.StartAsync(setup, TestContext.Current.CancellationToken);
        var seen = new List<ChatMessage>();
        var replay = CassetteChatClient.Replay(new CassetteStore(RepoPaths.Cassettes).Load("example-a"));

        var answer = await host.KernelAgent(_ => new Spy(replay, seen)).AnswerAsync(Bundled.Case("example-a"), TestContext.Current.CancellationToken);

        Assert.Contains("perf_review_code", answer.ToolCalls);
        Assert.True(replay.Exhausted);
        var result = Assert.Single(seen.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        var text = result.Result?.ToString() ?? "";
        // The server's report, not an error: it carries the skill's part names and the finding's slug.
        Assert.All(Bundled.Rubric.PartNames, part => Assert.Contains(part, text, StringComparison.Ordinal));
        Assert.Contains("python/list-where-generator", text, StringComparison.Ordinal);
        Assert.StartsWith("## Hot path hypothesis", answer.Report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_pipeline_agent_When_it_reviews_a_two_file_PyO3_case_Then_the_call_across_files_is_found()
    {
        var setup = EvalSetup.Load(EvalPaths.Find(RepoPaths.Root)!, TextWriter.Null)!;
        await using var host = await AgentHost.StartAsync(setup, TestContext.Current.CancellationToken);

        var answer = await host.PipelineAgent.AnswerAsync(Bundled.Case("pyo3-per-item-pyfunction"), TestContext.Current.CancellationToken);

        Assert.Equal([McpPipelineAgent.Tool], answer.ToolCalls);
        Assert.Contains("pyo3/single-item-api", answer.Report, StringComparison.Ordinal);
    }

    /// <summary>Keeps every message the model is sent.</summary>
    private sealed class Spy(IChatClient inner, List<ChatMessage> seen) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            seen.Clear();
            seen.AddRange(list);
            return base.GetResponseAsync(list, options, cancellationToken);
        }
    }
}
