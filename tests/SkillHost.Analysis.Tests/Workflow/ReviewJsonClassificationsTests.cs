using System.Text.Json;
using System.Text.Json.Nodes;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>
/// The review report's classifications are written with pre-escaped advice texts (CodeClassificationJsonConverter):
/// the result must be the same document, laid out as the writer lays out the rest of the report.
/// </summary>
public sealed class ReviewJsonClassificationsTests
{
    private static readonly ReportTool Tool = new("skillhost", "0.0.0-test", ReportTool.DefaultInformationUri);

    // Many files, with 2- and 3-byte characters in names, facts and paths.
    private static WorkflowResult ReviewOfManyFiles() => WorkflowFixture.Workflow.Review(
    [
        .. Enumerable.Range(0, 300).Select(i => new SourceInput(
            $"def traite_élément_{i}(données):\n    for é in données:\n        mesure€(é)\n\ndef appelle_{i}(rows):\n    for r in rows:\n        traite_élément_{i}(r)\n",
            $"module_é€_{i}.py")),
    ]);

    private static string Render(WorkflowResult result)
    {
        using var writer = new StringWriter();
        ReportFormats.Write(ReportFormats.Json, new ReviewReport(result.Outcome, WorkflowFixture.Workflow.Rules, Tool, ".", result.Report), writer);
        return writer.ToString();
    }

    [Fact]
    public void Given_many_files_When_the_review_is_rendered_as_json_Then_the_classifications_equal_the_workflow_json_of_them()
    {
        var result = ReviewOfManyFiles();

        var rendered = JsonNode.Parse(Render(result))!["report"]!["classifications"]!;
        var expected = JsonNode.Parse(WorkflowJson.Serialize(result.Report.Classifications))!;

        Assert.Equal(300, rendered.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(expected, rendered), "the review's classifications differ from WorkflowJson's");
    }

    [Fact]
    public void Given_a_review_When_rendered_as_json_Then_the_classifications_are_laid_out_as_the_writer_lays_out_everything_else()
    {
        var result = ReviewOfManyFiles();
        var json = Render(result);

        // Written again through a plain document: the writer's own layout, entry by entry, with no converter involved.
        var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = WorkflowJson.Options.Encoder }))
        {
            document.WriteTo(writer);
        }

        Assert.Equal(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), json.TrimEnd('\r', '\n'));
    }
}
