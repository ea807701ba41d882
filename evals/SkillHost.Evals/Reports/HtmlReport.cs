using System.Globalization;
using System.Net;
using System.Text;
using SkillHost.Evals.Agents;

namespace SkillHost.Evals.Reports;

/// <summary>
/// The run as one static HTML page (no script, inline CSS): per agent a table with a bar per case whose width is
/// the overall score, a marker at the threshold, and the checks with their reasons under each case.
/// </summary>
public static class HtmlReport
{
    public static string Render(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = new StringBuilder();
        var passed = run.Runs.Count(r => r.Passed);
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>SkillHost evals</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; width: 100%; max-width: 1100px; }
            td, th { padding: 4px 8px; text-align: left; vertical-align: middle; }
            tr.case { border-top: 1px solid #ddd; }
            .track { position: relative; width: 400px; height: 18px; background: #eee; }
            .bar { height: 100%; }
            tr.pass .bar { background: #2e8b57; }
            tr.fail .bar { background: #c0392b; }
            .threshold { position: absolute; top: -3px; bottom: -3px; width: 2px; background: #000; }
            td.result { font-weight: bold; }
            tr.fail td.result { color: #c0392b; }
            details { margin: 0 0 6px 0; color: #555; }
            li.failed { color: #c0392b; }
            </style>
            </head>
            <body>
            <h1>SkillHost evals</h1>
            <p class="summary">{{passed}} of {{run.Runs.Length}} case runs passed · mode {{E(run.Mode)}} · threshold {{run.Threshold:0.00}}</p>

            """);
        foreach (var agent in run.Agents)
        {
            var runs = run.Runs.Where(r => r.Agent == agent).ToList();
            html.Append(CultureInfo.InvariantCulture, $"""
                <section class="agent" data-agent="{E(agent)}">
                <h2>{E(agent)}: {runs.Count(r => r.Passed)}/{runs.Count} passed</h2>
                <table>
                <thead><tr><th>case</th><th>score</th><th></th><th>result</th></tr></thead>
                <tbody>

                """);
            foreach (var r in runs)
            {
                var percent = (r.Score.Overall * 100).ToString("0.#", CultureInfo.InvariantCulture);
                var threshold = (run.Threshold * 100).ToString("0.#", CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture, $"""
                    <tr class="case {(r.Passed ? "pass" : "fail")}" data-case="{E(r.Case.Id)}" data-score="{r.Score.Overall:0.00##}">
                    <td class="id">{E(r.Case.Id)}</td>
                    <td><div class="track"><div class="bar" style="width: {percent}%"></div><div class="threshold" style="left: {threshold}%"></div></div></td>
                    <td class="score">{r.Score.Overall:0.00}</td>
                    <td class="result">{(r.Passed ? "pass" : "FAIL")}</td>
                    </tr>
                    <tr class="checks"><td colspan="4"><details><summary>{E(r.Case.Origin)}{(r.Error is null ? "" : " — " + E(r.Error))}</summary><ul>

                    """);
                foreach (var check in r.Score.Checks)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li class=\"{(check.Passed ? "passed" : "failed")}\"><b>{E(check.Name)}</b> {check.Score:0.00}: {E(check.Reason)}</li>\n");
                }

                if (r.Measured is { } measured)
                {
                    var state = measured.Failed ? "failed" : "passed";
                    html.Append(CultureInfo.InvariantCulture, $"<li class=\"{state} measured\" data-ratio=\"{measured.Ratio:0.###}\"><b>measured</b> {E(measured.Summary())}</li>\n");
                }

                html.Append("</ul></details></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
