using System.Globalization;
using SkillHost.Evals.Agents;

namespace SkillHost.Evals.Reports;

/// <summary>The run as a plain-text table: one row per agent and case, with the failed checks' reasons.</summary>
public static class ConsoleTable
{
    public static void Write(EvalRun run, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var caseWidth = Math.Max(4, run.Runs.Select(r => r.Case.Id.Length).DefaultIfEmpty(0).Max());
        var agentWidth = Math.Max(5, run.Runs.Select(r => r.Agent.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"agent".PadRight(agentWidth)}  {"case".PadRight(caseWidth)}  score  result  notes");
        output.WriteLine(new string('-', agentWidth + caseWidth + 30));
        foreach (var r in run.Runs)
        {
            var notes = r.Error ?? string.Join("; ", r.Score.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Reason}"));
            if (r.Measured is { } measured)
            {
                notes = $"measured: {measured.Summary()}" + (notes.Length > 0 ? "; " + notes : "");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Agent.PadRight(agentWidth)}  {r.Case.Id.PadRight(caseWidth)}  {r.Score.Overall,5:0.00}  {(r.Passed ? "pass" : "FAIL"),-6}  {notes}"));
        }

        foreach (var agent in run.Agents)
        {
            var mine = run.Runs.Where(r => r.Agent == agent).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{agent}: {mine.Count(r => r.Passed)}/{mine.Count} cases passed, mean score {mine.Average(r => r.Score.Overall):0.00} (threshold {run.Threshold:0.00}, {run.Mode})"));
        }
    }
}
