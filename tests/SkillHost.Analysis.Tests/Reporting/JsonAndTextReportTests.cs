using System.Text.Json;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Review;
using SkillHost.Analysis.Tests.Rules;

namespace SkillHost.Analysis.Tests.Reporting;

/// <summary>The JSON contract and the text summary beyond what the golden files show: skipped files, singular/plural, one-line messages.</summary>
public sealed class JsonAndTextReportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private ReviewReport Report() => ReportGolden.ReviewFolder(_temp.Root, TestRules.All);

    private static string Render(string format, ReviewReport report) => ReportGolden.Write(format, report);

    [Fact]
    public void Given_a_skipped_file_When_rendered_as_json_Then_it_is_listed_with_path_reason_and_detail()
    {
        _temp.Write("bad.py", [0x00, 0x01]);
        _temp.Write("good.py", "x = 1\n");

        var root = JsonDocument.Parse(Render(ReportFormats.Json, Report())).RootElement;

        var skipped = Assert.Single(root.GetProperty("skipped").EnumerateArray());
        Assert.Equal(("bad.py", "binary"), (skipped.GetProperty("path").GetString(), skipped.GetProperty("reason").GetString()));
        Assert.Equal(["good.py"], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(1, root.GetProperty("summary").GetProperty("filesSkipped").GetInt32());
    }

    [Fact]
    public void Given_a_report_of_many_blocks_with_multibyte_text_When_rendered_as_json_Then_nothing_is_lost_or_repeated_between_blocks()
    {
        // Over 256 KB of JSON (several of the 64 KB blocks the renderer fills and decodes one at a time), full of 2- and
        // 3-byte UTF-8 characters: every file and finding must come out once, whole, in order.
        var names = Enumerable.Range(0, 600).Select(i => $"données_été_€{new string('é', i % 7)}_{i}.py").ToList();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            _temp.Write(name, $"for élément_{new string('€', i % 5)} in données:\n    slow(élément_{new string('€', i % 5)})\n");
        }

        var json = Render(ReportFormats.Json, Report());

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(json) > 4 * 65536, $"only {json.Length} characters: not several blocks");
        Assert.DoesNotContain('\uFFFD', json);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(names.Order(StringComparer.Ordinal), root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(names.Count, root.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("message").GetString()!.Contains("élément_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_a_report_of_many_blocks_When_written_as_bytes_to_a_stream_Then_they_are_exactly_the_UTF8_of_the_text_rendering()
    {
        // The CLI writes JSON straight onto stdout's stream; what lands there must equal the TextWriter path, byte for byte.
        foreach (var i in Enumerable.Range(0, 300))
        {
            _temp.Write($"modulé_€_{i}.py", $"for élément in données_{new string('€', i % 5)}:\n    slow(élément)\n");
        }

        var report = Report();
        using var stream = new MemoryStream();
        JsonReportRenderer.Write(report, stream);

        Assert.True(stream.Length > 2 * 65536, $"only {stream.Length} bytes: not several blocks");
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Render(ReportFormats.Json, report)), stream.ToArray());
    }

    [Fact]
    public void Given_a_finding_When_rendered_as_json_Then_every_documented_field_is_present_in_camelCase()
    {
        _temp.Write("a.py", "for x in xs:\n    slow(x)\n");

        var finding = JsonDocument.Parse(Render(ReportFormats.Json, Report())).RootElement.GetProperty("findings")[0];

        var names = finding.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["ruleId", "slug", "name", "path", "startLine", "startColumn", "endLine", "endColumn", "message", "evidence", "fix", "impact", "estimate", "costSource", "rankingNs", "confidence", "checklistText"],
            names);
        var estimate = finding.GetProperty("estimate");
        Assert.Equal(["perPass", "passes", "total", "measured"], estimate.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["minNs", "maxNs", "row"], estimate.GetProperty("perPass").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["count", "source", "basis", "assumptions"], estimate.GetProperty("passes").EnumerateObject().Select(p => p.Name));
        // `xs` is not sized by the code: the count is the scenario's, said to be assumed, and no total is claimed.
        Assert.Equal("assumed", estimate.GetProperty("passes").GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, estimate.GetProperty("total").ValueKind);
        Assert.Equal(JsonValueKind.Null, estimate.GetProperty("measured").ValueKind);
        Assert.Equal(["facts", "loopDepth", "inAsyncContext", "perItemFunction", "repetitions"], finding.GetProperty("evidence").EnumerateObject().Select(p => p.Name));
        Assert.Equal("high", finding.GetProperty("confidence").GetString());
    }

    [Fact]
    public void Given_one_finding_in_one_file_When_rendered_as_text_Then_the_summary_uses_the_singular()
    {
        _temp.Write("a.py", "for x in xs:\n    slow(x)\n");

        var text = Render(ReportFormats.Text, Report());

        Assert.StartsWith("a.py:2:5: TST001 [python/test-slow-call] `slow(x)` calls `slow` once per item\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.EndsWith("Found 1 finding in 1 file (1 file reviewed)\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_nothing_to_report_and_a_skipped_file_When_rendered_as_text_Then_the_summary_says_so()
    {
        _temp.Write("a.py", "x = 1\n");
        _temp.Write("b.py", "y = 2\n");
        File.CreateSymbolicLink(Path.Combine(_temp.Root, "c.py"), Path.Combine(_temp.Root, "missing.py"));

        var text = Render(ReportFormats.Text, Report()).ReplaceLineEndings("\n");

        Assert.Equal("Found 0 findings in 0 files (2 files reviewed)\nSkipped 1 file that could not be reviewed (listed on stderr)\n", text);
    }

    [Fact]
    public void Given_an_unknown_format_When_written_Then_it_throws_naming_the_known_ones()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Render("xml", Report()));

        Assert.Contains("text, json, sarif", error.Message, StringComparison.Ordinal);
    }
}
