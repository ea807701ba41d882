using System.Globalization;
using System.Xml.Linq;
using SkillHost.Evals.Agents;

namespace SkillHost.Evals.Reports;

/// <summary>The run as JUnit XML for CI: a test suite per agent, a test case per eval case, a failure below the threshold.</summary>
public static class JUnitReport
{
    public static XDocument Build(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var suites = run.Agents.Select(agent =>
        {
            var runs = run.Runs.Where(r => r.Agent == agent).ToList();
            return new XElement("testsuite",
                new XAttribute("name", $"evals.{agent}"),
                new XAttribute("tests", runs.Count),
                new XAttribute("failures", runs.Count(r => !r.Passed)),
                new XAttribute("errors", 0),
                new XAttribute("time", Seconds(runs.Sum(r => r.Duration.TotalSeconds))),
                runs.Select(Case));
        });
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", "SkillHost evals"),
            new XAttribute("tests", run.Runs.Length),
            new XAttribute("failures", run.Runs.Count(r => !r.Passed)),
            suites));
    }

    private static XElement Case(CaseRun r)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"evals.{r.Agent}"),
            new XAttribute("name", r.Case.Id),
            new XAttribute("time", Seconds(r.Duration.TotalSeconds)));
        var details = string.Join("\n", r.Score.Checks.Select(c => $"{(c.Passed ? "pass" : "FAIL")} {c.Name} {c.Score.ToString("0.00", CultureInfo.InvariantCulture)}: {c.Reason}"));
        if (r.Measured is { } measured)
        {
            details += $"\n{(measured.Failed ? "FAIL" : measured.Status == Measuring.MeasureStatus.NotRun ? "skip" : "pass")} measured: {measured.Summary()}";
            element.Add(new XElement("properties", Properties(measured)));
        }

        if (!r.Passed)
        {
            var message = r.Error
                ?? (r.Score.Passed && r.Measured is { Failed: true } m ? $"measured advice failed: {m.Summary()}" : null)
                ?? string.Create(CultureInfo.InvariantCulture, $"score {r.Score.Overall:0.00} below threshold {r.Score.Threshold:0.00}");
            element.Add(new XElement("failure", new XAttribute("message", message), new XAttribute("type", r.Error is not null ? "AgentError" : r.Score.Passed ? "MeasuredAdvice" : "BelowThreshold"), details));
        }

        element.Add(new XElement("system-out", details));
        return element;
    }

    // The measured figures as JUnit properties, so CI dashboards can chart them.
    private static IEnumerable<XElement> Properties(Measuring.MeasuredAdvice m)
    {
        XElement P(string name, object? value) => new("property", new XAttribute("name", $"measured.{name}"), new XAttribute("value", Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        yield return P("status", m.Status.ToString().ToLowerInvariant());
        yield return P("metric", m.Metric);
        yield return P("size", m.Size);
        yield return P("runs", m.Runs);
        if (m.Before is { } before && m.After is { } after)
        {
            yield return P("before", before);
            yield return P("after", after);
            yield return P("unit", m.Unit);
            yield return P("ratio", m.Ratio);
            yield return P("sameOutput", m.SameOutput);
        }
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
