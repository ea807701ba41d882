using System.Text.Json;
using System.Text.Json.Nodes;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Review;
using SkillHost.Analysis.Tests.Rules;

namespace SkillHost.Analysis.Tests.Reporting;

/// <summary>The SARIF 2.1.0 log: the shape code-scanning tools require, checked by hand and by the official schema.</summary>
public sealed class SarifReportRendererTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    // A report with a finding outside the working folder and a skipped binary file, beside the fixture's findings.
    private string Awkward()
    {
        _temp.Write("work/blob.py", [0x00]);
        _temp.Write("work/in dir/a.py", "for x in xs:\n    slow(x)\n");
        var outside = _temp.Write("outside/b.py", "slow(1)\n");
        var work = Path.Combine(_temp.Root, "work");
        var outcome = new SourceReview(new ChecklistReview(RuleFixture.Skill, TestRules.All)).Run([".", outside], work);
        using var writer = new StringWriter();
        SarifReportRenderer.Write(new ReviewReport(outcome, TestRules.All, ReportGolden.Tool, work), writer);
        return writer.ToString();
    }

    [Fact]
    public void Given_a_report_When_rendered_Then_the_log_names_the_schema_version_and_tool()
    {
        var log = JsonDocument.Parse(ReportGolden.Render(ReportFormats.Sarif, ReportGolden.FixtureReport())).RootElement;

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", log.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var driver = log.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal(("skillhost", "0.0.0-test"), (driver.GetProperty("name").GetString(), driver.GetProperty("version").GetString()));
        Assert.True(Uri.TryCreate(driver.GetProperty("informationUri").GetString(), UriKind.Absolute, out _));
    }

    [Fact]
    public void Given_a_catalogue_When_rendered_Then_every_rule_is_described_even_those_that_did_not_fire()
    {
        var report = ReportGolden.FixtureReport(rules: [TestRules.All[0]]);

        var rules = Run(ReportGolden.Render(ReportFormats.Sarif, report)).GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.Equal(["TST001", "TST002", "TST003"], rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        foreach (var (rule, descriptor) in rules.EnumerateArray().Zip(TestRules.All.Select(r => r.Descriptor)))
        {
            Assert.Equal(descriptor.Name, rule.GetProperty("name").GetString());
            Assert.Equal(descriptor.WhatItDoes, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.WhyBad, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.Slug, rule.GetProperty("properties").GetProperty("checklist").GetString());
            Assert.Contains(descriptor.Slug, rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            var help = rule.GetProperty("help");
            foreach (var part in new[] { descriptor.WhatItDoes, descriptor.WhyBad, descriptor.Example, descriptor.UseInstead })
            {
                Assert.Contains(part, help.GetProperty("text").GetString(), StringComparison.Ordinal);
                Assert.Contains(part, help.GetProperty("markdown").GetString(), StringComparison.Ordinal);
            }

            Assert.Contains("## Why is this bad?", help.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_findings_When_rendered_Then_each_result_points_at_its_rule_and_region_with_a_level_from_confidence()
    {
        var report = ReportGolden.FixtureReport();
        var run = Run(ReportGolden.Render(ReportFormats.Sarif, report));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");

        var results = run.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(report.Outcome.Findings.Count, results.Count);
        foreach (var (result, finding) in results.Zip(report.Outcome.Findings))
        {
            Assert.Equal(finding.Rule.Id, result.GetProperty("ruleId").GetString());
            Assert.Equal(finding.Rule.Id, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal(finding.Confidence switch { Confidence.High => "error", Confidence.Medium => "warning", _ => "note" }, result.GetProperty("level").GetString());
            Assert.Equal(finding.Message, result.GetProperty("message").GetProperty("text").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal((finding.Path, "%SRCROOT%"), (location.GetProperty("artifactLocation").GetProperty("uri").GetString(), location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString()));
            var region = location.GetProperty("region");
            Assert.Equal(
                (finding.Start.Line, finding.Start.Column, finding.End.Line, finding.End.Column),
                (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
            var properties = result.GetProperty("properties");
            Assert.Equal(finding.Fix, properties.GetProperty("fix").GetString());
            Assert.Equal(finding.Impact.Text, properties.GetProperty("impact").GetString());
            Assert.Equal(finding.Evidence.LoopDepth, properties.GetProperty("evidence").GetProperty("loopDepth").GetInt32());
            Assert.Equal(finding.Impact.RankingNs, properties.GetProperty("rankingNs").GetDouble());
        }
    }

    [Fact]
    public void Given_the_working_folder_When_rendered_Then_SRCROOT_is_its_absolute_file_uri_ending_in_a_slash()
    {
        var run = Run(Awkward());

        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;

        Assert.Equal(new Uri(Path.Combine(_temp.Root, "work") + "/").AbsoluteUri, root);
        Assert.EndsWith("/", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_files_outside_the_working_folder_or_with_spaces_When_rendered_Then_their_uris_are_absolute_or_escaped()
    {
        var uris = Run(Awkward()).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation"))
            .ToDictionary(a => a.GetProperty("uri").GetString()!, a => a.TryGetProperty("uriBaseId", out var b) ? b.GetString() : null);

        Assert.Equal("%SRCROOT%", uris["in%20dir/a.py"]);
        Assert.Null(uris[new Uri(Path.Combine(_temp.Root, "outside", "b.py")).AbsoluteUri]);
    }

    [Fact]
    public void Given_a_skipped_file_When_rendered_Then_the_invocation_carries_a_warning_notification_and_still_succeeds()
    {
        var invocation = Run(Awkward()).GetProperty("invocations")[0];

        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.Contains("blob.py", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("blob.py", notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Given_any_report_When_rendered_Then_it_has_no_null_values_which_SARIF_forbids()
    {
        var nulls = new List<string>();
        Walk(JsonNode.Parse(Awkward()), "$", nulls);

        Assert.Empty(nulls);

        static void Walk(JsonNode? node, string path, List<string> nulls)
        {
            switch (node)
            {
                case null:
                    nulls.Add(path);
                    break;
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        Walk(value, $"{path}.{key}", nulls);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{path}[{i}]", nulls);
                    }

                    break;
            }
        }
    }

    [Fact]
    public async Task Given_the_fixture_and_an_awkward_report_When_checked_by_the_official_SARIF_schema_Then_both_are_valid()
    {
        var fixture = _temp.Write("fixture.sarif", ReportGolden.Render(ReportFormats.Sarif, ReportGolden.FixtureReport()));
        var awkward = _temp.Write("awkward.sarif", Awkward());

        foreach (var file in new[] { fixture, awkward })
        {
            var (exitCode, output) = await SarifValidatorCli.ValidateAsync(file, TestContext.Current.CancellationToken);
            Assert.True(exitCode == 0, output);
        }
    }

    [Fact]
    public async Task Given_a_log_with_a_level_SARIF_does_not_define_When_checked_by_the_schema_Then_the_validator_rejects_it()
    {
        var broken = ReportGolden.Render(ReportFormats.Sarif, ReportGolden.FixtureReport()).Replace("\"level\": \"note\"", "\"level\": \"info\"", StringComparison.Ordinal);
        var file = _temp.Write("broken.sarif", broken);

        var (exitCode, output) = await SarifValidatorCli.ValidateAsync(file, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("level", output, StringComparison.Ordinal);
    }
}
