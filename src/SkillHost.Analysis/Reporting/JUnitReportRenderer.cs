using System.Globalization;
using System.Xml;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// The review as JUnit XML for CI test report viewers: one test suite, one test case per reviewed file, failed with one
/// <c>failure</c> per finding (<c>path:line:col: ID [slug] message</c>) when the file has findings.
/// </summary>
public static class JUnitReportRenderer
{
    public static void Write(ReviewReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var outcome = report.Outcome;
        var byFile = outcome.Findings.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var files = outcome.Files.Union(byFile.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false, CheckCharacters = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", report.Tool.Name);
        xml.WriteAttributeString("tests", files.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", byFile.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", outcome.Skipped.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var file in files)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", report.Tool.Name);
            xml.WriteAttributeString("name", Clean(file));
            foreach (var finding in byFile.GetValueOrDefault(file) ?? [])
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", finding.Rule.Id);
                xml.WriteAttributeString("message", Clean($"{finding.Rule.Id} [{finding.Rule.Slug}] {finding.Message}"));
                xml.WriteString(Clean($"{finding.Path}:{finding.Start.Line}:{finding.Start.Column}: {finding.Rule.Id} [{finding.Rule.Slug}] {finding.Message}\nfix: {finding.Fix}\nimpact: {finding.Impact.Text}"));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var skipped in outcome.Skipped)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", report.Tool.Name);
            xml.WriteAttributeString("name", Clean(skipped.Path));
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", Clean(skipped.Describe()));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        writer.Write('\n');
    }

    // XML 1.0 cannot hold most control characters even escaped: they are shown as \uXXXX.
    private static string Clean(string text) =>
        string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || c is '\t' or '\n' or '\r' ? c.ToString() : $"\\u{(int)c:X4}"));
}
