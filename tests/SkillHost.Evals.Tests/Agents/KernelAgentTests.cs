using Microsoft.Extensions.AI;
using SkillHost.Evals.Agents;
using SkillHost.Evals.Agents.Cassettes;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Agents;

/// <summary>The Semantic Kernel agent over recorded and replayed conversations, with a local tool standing in for the MCP tools.</summary>
public sealed class KernelAgentTests
{
    private static readonly AIFunction Echo = AIFunctionFactory.Create((string code) => $"reviewed {code.Length} chars", "echo_code", "Echoes the code length.");

    private static readonly Dictionary<string, object?> EchoArguments = new() { ["code"] = "x = 1" };

    private static async Task<(AgentAnswer Answer, CassetteChatClient Recorder, int ToolRuns)> RecordAsync(string instructions, ScriptedChatClient model)
    {
        var runs = 0;
        var counting = AIFunctionFactory.Create((string code) => { runs++; return $"reviewed {code.Length} chars"; }, "echo_code", "Echoes the code length.");
        var recorder = CassetteChatClient.Record(model, "example-a", "llm", "scripted-model");
        var agent = new KernelAgent(instructions, [counting], _ => recorder);
        var answer = await agent.AnswerAsync(Bundled.Case("example-a"), TestContext.Current.CancellationToken);
        return (answer, recorder, runs);
    }

    [Fact]
    public async Task Given_a_model_that_calls_a_tool_When_the_agent_answers_Then_the_tool_runs_under_its_plugin_name_and_the_final_text_is_the_report()
    {
        var model = ScriptedChatClient.ToolThenAnswer("perf_echo_code", EchoArguments, "## Hot path hypothesis\n\nfinal");

        var (answer, recorder, runs) = await RecordAsync("instructions", model);

        Assert.Equal("## Hot path hypothesis\n\nfinal", answer.Report);
        Assert.Equal(["perf_echo_code"], answer.ToolCalls);
        Assert.Equal(1, runs);
        Assert.Equal(2, recorder.Cassette.Interactions.Count);
        Assert.Equal(["perf_echo_code"], recorder.Cassette.Interactions[0].Request.Tools);
        // The second request carries the tool's result back to the model.
        var result = Assert.Single(model.Requests[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal("call_1", result.CallId);
        Assert.Contains("reviewed 5 chars", result.Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_recorded_cassette_When_replayed_Then_the_same_answer_comes_back_without_a_model()
    {
        var (recorded, recorder, _) = await RecordAsync("instructions", ScriptedChatClient.ToolThenAnswer("perf_echo_code", EchoArguments, "the report"));
        var replay = CassetteChatClient.Replay(recorder.Cassette);

        var answer = await new KernelAgent("instructions", [Echo], _ => replay).AnswerAsync(Bundled.Case("example-a"), TestContext.Current.CancellationToken);

        Assert.Equal(recorded.Report, answer.Report);
        Assert.True(replay.Exhausted);
    }

    [Fact]
    public async Task Given_changed_instructions_When_replayed_Then_the_miss_fails_with_what_changed()
    {
        var (_, recorder, _) = await RecordAsync("instructions", ScriptedChatClient.ToolThenAnswer("perf_echo_code", EchoArguments, "the report"));
        var agent = new KernelAgent("other instructions", [Echo], _ => CassetteChatClient.Replay(recorder.Cassette));

        var miss = await Assert.ThrowsAnyAsync<Exception>(() => agent.AnswerAsync(Bundled.Case("example-a"), TestContext.Current.CancellationToken));

        var cassetteMiss = miss as CassetteMissException ?? miss.InnerException as CassetteMissException;
        Assert.NotNull(cassetteMiss);
        Assert.Contains("request 1 differs", cassetteMiss.Message, StringComparison.Ordinal);
        Assert.Contains("message 1 (system)", cassetteMiss.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_different_tool_set_When_replayed_Then_the_miss_names_the_tools()
    {
        var (_, recorder, _) = await RecordAsync("instructions", ScriptedChatClient.ToolThenAnswer("perf_echo_code", EchoArguments, "the report"));
        var agent = new KernelAgent("instructions", [], _ => CassetteChatClient.Replay(recorder.Cassette));

        var miss = await Assert.ThrowsAnyAsync<Exception>(() => agent.AnswerAsync(Bundled.Case("example-a"), TestContext.Current.CancellationToken));

        Assert.Contains("tools offered were [perf_echo_code], now []", (miss as CassetteMissException ?? miss.InnerException)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_cassette_with_fewer_turns_When_the_agent_asks_again_Then_it_is_a_miss()
    {
        var (_, recorder, _) = await RecordAsync("instructions", ScriptedChatClient.ToolThenAnswer("perf_echo_code", EchoArguments, "the report"));
        recorder.Cassette.Interactions.RemoveAt(1);
        var agent = new KernelAgent("instructions", [Echo], _ => CassetteChatClient.Replay(recorder.Cassette));

        var miss = await Assert.ThrowsAnyAsync<Exception>(() => agent.AnswerAsync(Bundled.Case("example-a"), TestContext.Current.CancellationToken));

        Assert.Contains("has 1 interaction(s) but the agent sent request 2", (miss as CassetteMissException ?? miss.InnerException)?.Message, StringComparison.Ordinal);
    }
}
