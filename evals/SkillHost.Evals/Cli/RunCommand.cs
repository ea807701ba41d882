using System.CommandLine;
using SkillHost.Evals.Agents;
using SkillHost.Evals.Agents.Cassettes;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Measuring;
using SkillHost.Evals.Reports;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Cli;

/// <summary>How the LLM agent reaches a model.</summary>
public enum ModelMode
{
    /// <summary>Replay the recorded cassettes strictly (CI).</summary>
    Replay,

    /// <summary>Call the live endpoint, record nothing.</summary>
    Live,

    /// <summary>Call the live endpoint and rewrite the cassettes.</summary>
    Record,
}

/// <summary>The run's own options, on top of <see cref="EvalArguments"/>.</summary>
/// <param name="Measure">Run the measured cases' code (before and patched); off with <c>--no-measure</c>.</param>
/// <param name="MaxInput">Caps the measured cases' input sizes (<c>--max-input</c>; CI bounds the run with it).</param>
public sealed record RunArguments(EvalArguments Shared, IReadOnlyList<string> Agents, IReadOnlyList<string> Cases, ModelMode Mode, bool Measure = true, int? MaxInput = null);

/// <summary>
/// The default verb: run the agents (the deterministic pipeline over MCP, and the LLM agent) on every case,
/// score the reports, print a table, write results.json, junit.xml and index.html, and exit 1 when a case is below the threshold.
/// </summary>
internal static class RunCommand
{
    public static readonly string[] AgentNames = ["pipeline", "llm"];

    public static void Configure(RootCommand root, EvalOptions options, TextWriter output, TextWriter error)
    {
        var agents = new Option<string[]>("--agent") { Description = "Agents to run: pipeline, llm (default: both). Repeatable." };
        agents.AcceptOnlyFromAmong(AgentNames);
        var cases = new Option<string[]>("--case") { Description = "Run only these case ids. Repeatable." };
        var live = new Option<bool>("--live") { Description = $"The LLM agent calls a real model ({LiveModel.EndpointVariable}, {LiveModel.ModelVariable}, {LiveModel.ApiKeyVariable}) instead of replaying cassettes." };
        var record = new Option<bool>("--record") { Description = "Like --live, and rewrites each case's cassette from the live conversation." };
        var cassettes = new Option<string?>("--cassettes") { Description = "The cassettes folder (default: evals/cassettes)." };
        var outputFolder = new Option<string?>("--out") { Description = "Where results.json, junit.xml and index.html go (default: artifacts/evals)." };
        var noMeasure = new Option<bool>("--no-measure") { Description = "Do not run the measured cases' code (before and patched); their advice is then not measured." };
        var maxInput = new Option<int?>("--max-input") { Description = $"Cap the input size of every measured case (CI bounds the run with it). Python: {MeasureOptions.PythonVariable} or python3; Rust: {MeasureOptions.RustcVariable} or rustc." };
        foreach (var option in new Option[] { agents, cases, live, record, cassettes, outputFolder, noMeasure, maxInput })
        {
            root.Options.Add(option);
        }

        root.SetAction((result, token) =>
        {
            var shared = options.Read(result) with { Cassettes = result.GetValue(cassettes), Output = result.GetValue(outputFolder) };
            var mode = result.GetValue(record) ? ModelMode.Record : result.GetValue(live) ? ModelMode.Live : ModelMode.Replay;
            var chosen = result.GetValue(agents) is { Length: > 0 } a ? a : AgentNames;
            return RunAsync(new RunArguments(shared, chosen, result.GetValue(cases) ?? [], mode, !result.GetValue(noMeasure), result.GetValue(maxInput)), Environment.GetEnvironmentVariable, output, error, token);
        });
    }

    public static async Task<int> RunAsync(RunArguments arguments, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (EvalArguments.Setup(arguments.Shared, error) is not { } setup)
        {
            return ExitCodes.UsageOrInput;
        }

        if (arguments.MaxInput is <= 0)
        {
            error.WriteLine($"error: --max-input {arguments.MaxInput} must be a positive number of items.");
            return ExitCodes.UsageOrInput;
        }

        var unknown = arguments.Cases.Where(id => setup.Cases.All(c => c.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"error: no case {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Cases: {string.Join(", ", setup.Cases.Select(c => c.Id))}.");
            return ExitCodes.UsageOrInput;
        }

        LiveModel? live = null;
        if (arguments.Mode != ModelMode.Replay && arguments.Agents.Contains("llm"))
        {
            live = LiveModel.FromEnvironment(environment, out var liveError);
            if (live is null)
            {
                error.WriteLine($"error: {liveError}");
                return ExitCodes.UsageOrInput;
            }
        }

        var cases = arguments.Cases.Count == 0 ? setup.Cases : [.. setup.Cases.Where(c => arguments.Cases.Contains(c.Id))];
        var store = new CassetteStore(setup.Paths.Cassettes);
        await using var host = await AgentHost.StartAsync(setup, cancellationToken).ConfigureAwait(false);
        var agents = new List<IReviewAgent>();
        var recorders = new List<CassetteChatClient>();
        foreach (var name in arguments.Agents.Distinct())
        {
            agents.Add(name == "pipeline"
                ? host.PipelineAgent
                : host.KernelAgent(evalCase => ModelFor(evalCase, arguments.Mode, live, store, recorders)));
        }

        var scorer = new ReportScorer(setup.Rubric, arguments.Shared.Threshold);
        var measurer = arguments.Measure ? new AdviceMeasurer(MeasureOptions.FromEnvironment(environment, arguments.MaxInput)) : null;
        var run = await EvalRunner.RunAsync(arguments.Mode.ToString().ToLowerInvariant(), agents, cases, scorer, error, cancellationToken, measurer).ConfigureAwait(false);
        if (arguments.Mode == ModelMode.Record)
        {
            foreach (var recorder in recorders)
            {
                store.Save(recorder.Cassette);
                error.WriteLine($"recorded {store.PathOf(recorder.Cassette.Case)}");
            }
        }

        ConsoleTable.Write(run, output);
        RunOutputs.Write(run, setup.Paths.Output);
        output.WriteLine($"results: {Path.Combine(setup.Paths.Output, RunOutputs.HtmlFile)} ({RunOutputs.JsonFile}, {RunOutputs.JUnitFile} beside it)");
        return run.Passed ? ExitCodes.Passed : ExitCodes.BelowThreshold;
    }

    private static Microsoft.Extensions.AI.IChatClient ModelFor(EvalCase evalCase, ModelMode mode, LiveModel? live, CassetteStore store, List<CassetteChatClient> recorders)
    {
        switch (mode)
        {
            case ModelMode.Replay:
                return CassetteChatClient.Replay(store.Load(evalCase.Id));
            case ModelMode.Live:
                return live!.CreateClient();
            default:
                var recorder = CassetteChatClient.Record(live!.CreateClient(), evalCase.Id, "llm", live.Model);
                recorders.Add(recorder);
                return recorder;
        }
    }
}
