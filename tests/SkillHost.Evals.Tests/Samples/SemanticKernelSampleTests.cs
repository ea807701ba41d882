using ModelContextProtocol.Client;
using SkillHost.Samples.SemanticKernel;

namespace SkillHost.Evals.Tests.Samples;

/// <summary>
/// samples/semantic-kernel without a model: the real skillhost server started over stdio (the skillhost.dll built beside
/// these tests), its tools added to a kernel as the <c>perf</c> plugin, and the scripted chat client's tool call run by
/// Semantic Kernel's automatic function invocation.
/// </summary>
public sealed class SemanticKernelSampleTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("skillhost-sk-sample-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Given_the_sample_with_the_scripted_model_When_it_reviews_a_file_Then_the_plugin_tool_runs_and_the_answer_holds_its_finding()
    {
        var file = Path.Combine(_temp, "dedupe.py");
        await File.WriteAllTextAsync(file, "def dedupe(rows):\n    out = []\n    for r in rows:\n        if r not in out:\n            out.append(r)\n    return out\n", TestContext.Current.CancellationToken);
        var server = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "skillhost",
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "skillhost.dll"), "serve"],
            WorkingDirectory = _temp,
        });
        using var model = new ScriptedChatClient();

        var (answer, tools) = await PerformanceReviewKernel.ReviewAsync(server, model, file, TestContext.Current.CancellationToken);

        Assert.Contains("perf_review_code", tools);
        Assert.Contains("perf_estimate_cost", tools);
        Assert.StartsWith("(scripted model) The review tool answered:", answer, StringComparison.Ordinal);
        Assert.Contains("r not in out", answer, StringComparison.Ordinal);
    }
}
