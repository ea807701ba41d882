using System.Collections.Immutable;
using System.Diagnostics;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Measuring;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Agents;

/// <summary>
/// One agent's answer to one case, scored. <see cref="Error"/> is set when the agent failed (a cassette miss, a tool
/// error). <see cref="Measured"/> is the measured effect of the report's patch, for cases that can run here; a patch that
/// changes the output or is slower fails the case whatever its score.
/// </summary>
public sealed record CaseRun(string Agent, EvalCase Case, CaseScore Score, string Report, ImmutableArray<string> ToolCalls, string? Error, TimeSpan Duration)
{
    public MeasuredAdvice? Measured { get; init; }

    public bool Passed => Error is null && Score.Passed && Measured?.Failed != true;
}

/// <summary>A whole eval run: every agent on every case.</summary>
public sealed record EvalRun(string Mode, double Threshold, ImmutableArray<CaseRun> Runs)
{
    public bool Passed => Runs.Length > 0 && Runs.All(r => r.Passed);

    public IEnumerable<string> Agents => Runs.Select(r => r.Agent).Distinct();
}

/// <summary>Runs agents over cases and scores each answer; an agent's failure on one case fails that case, not the run.</summary>
public static class EvalRunner
{
    public static async Task<EvalRun> RunAsync(string mode, IReadOnlyList<IReviewAgent> agents, IReadOnlyList<EvalCase> cases, ReportScorer scorer, TextWriter progress, CancellationToken cancellationToken, AdviceMeasurer? measurer = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(progress);
        var runs = new List<CaseRun>();
        foreach (var agent in agents)
        {
            foreach (var evalCase in cases)
            {
                var clock = Stopwatch.StartNew();
                AgentAnswer? answer = null;
                string? error = null;
                try
                {
                    answer = await agent.AnswerAsync(evalCase, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Any failure of the agent (cassette miss, tool error, endpoint down) fails this case with the reason.
                    error = $"{agent.Name} failed: {Innermost(e).Message}";
                    await progress.WriteLineAsync($"error: {evalCase.Id} ({agent.Name}): {error}").ConfigureAwait(false);
                }

                var report = answer?.Report ?? "";
                var score = await scorer.ScoreAsync(evalCase, report, cancellationToken).ConfigureAwait(false);
                if (error is not null)
                {
                    score = score with { Overall = 0, Passed = false };
                }

                MeasuredAdvice? measured = null;
                if (measurer is not null && error is null && evalCase.Measure is not null)
                {
                    await progress.WriteLineAsync($"measuring {evalCase.Id} ({agent.Name}) ...").ConfigureAwait(false);
                    measured = await measurer.MeasureAsync(evalCase, report, scorer.Rubric, cancellationToken).ConfigureAwait(false);
                }

                runs.Add(new CaseRun(agent.Name, evalCase, score, report, answer?.ToolCalls ?? [], error, clock.Elapsed) { Measured = measured });
            }
        }

        return new EvalRun(mode, scorer.Threshold, [.. runs]);
    }

    private static Exception Innermost(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } aggregate ? Innermost(aggregate.InnerExceptions[0])
        : e.InnerException is Agents.Cassettes.CassetteMissException miss ? miss
        : e;
}
