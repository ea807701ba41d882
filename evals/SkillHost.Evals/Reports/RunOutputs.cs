using SkillHost.Evals.Agents;

namespace SkillHost.Evals.Reports;

/// <summary>Writes a run's files into the output folder: results.json, junit.xml, index.html and each report as Markdown.</summary>
public static class RunOutputs
{
    public const string JsonFile = "results.json";
    public const string JUnitFile = "junit.xml";
    public const string HtmlFile = "index.html";

    public static void Write(EvalRun run, string folder)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, JsonFile), RunJson.Serialize(run) + "\n");
        JUnitReport.Build(run).Save(Path.Combine(folder, JUnitFile));
        File.WriteAllText(Path.Combine(folder, HtmlFile), HtmlReport.Render(run));
        foreach (var r in run.Runs)
        {
            var reports = Path.Combine(folder, "reports", r.Agent);
            Directory.CreateDirectory(reports);
            File.WriteAllText(Path.Combine(reports, r.Case.Id + ".md"), r.Report);
        }
    }
}
