using System.Text.Json;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Review;
using SkillHost.Analysis.Tests.Rules;
using SkillHost.Analysis.Tests.Workflow;
using SkillHost.Analysis.Text;
using SkillHost.Testing;

namespace SkillHost.Analysis.Tests.Reporting;

/// <summary>
/// Findings with edits in every format: the unified diff that <c>git apply</c> takes, SARIF <c>fixes</c> (checked by the
/// official schema), JSON <c>edits</c>, and the five-part report's patch sketch on the reader's own code.
/// </summary>
public sealed class MechanicalFixReportTests : IDisposable
{
    private const string Handler = "import logging\nimport time\n\nlog = logging.getLogger(__name__)\n\n\nasync def sync(ids):\n    for i in ids:\n        log.debug(f\"syncing {i}\")\n        time.sleep(0.1)\n";

    private const string Reports = "def total(parcels):\n    return sum([p.weight for p in parcels])";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private ReviewReport Review() => ReportGolden.ReviewFolder(_temp.Root, RuleCatalog.All);

    private static string Render(string format, ReviewReport report) => ReportGolden.Write(format, report);

    private async Task<(int ExitCode, string Output)> Git(params string[] args) =>
        await ProcessRunner.RunAsync("git", ["-c", "core.autocrlf=false", .. args], _temp.Root, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Given_fixable_findings_When_rendered_as_a_diff_Then_git_apply_takes_it_and_the_files_read_as_fixed()
    {
        _temp.Write("svc/handler.py", Handler);
        _temp.Write("svc/reports.py", Reports); // no line break at the end of the file
        _temp.Write("svc/clean.py", "x = 1\n");
        var diff = Render(ReportFormats.Diff, Review());
        var patch = _temp.Write("fix.patch", diff);
        Assert.Equal(0, (await Git("init", "-q")).ExitCode);

        var check = await Git("apply", "--check", "-v", patch);
        Assert.True(check.ExitCode == 0, check.Output + "\n" + diff);
        Assert.Equal(0, (await Git("apply", patch)).ExitCode);

        Assert.Equal(
            "import logging\nimport asyncio\nimport time\n\nlog = logging.getLogger(__name__)\n\n\nasync def sync(ids):\n    for i in ids:\n        log.debug(\"syncing %s\", i)\n        await asyncio.sleep(0.1)\n",
            File.ReadAllText(Path.Combine(_temp.Root, "svc", "handler.py")));
        Assert.Equal("def total(parcels):\n    return sum(p.weight for p in parcels)", File.ReadAllText(Path.Combine(_temp.Root, "svc", "reports.py")));
        Assert.Contains("\\ No newline at end of file", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("clean.py", diff, StringComparison.Ordinal);
        Assert.Contains("# 3 of 3 findings fixed mechanically, in 2 file(s)", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_same_findings_When_fixed_in_place_and_when_patched_with_git_apply_Then_the_files_are_byte_identical()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["svc/handler.py"] = System.Text.Encoding.UTF8.GetBytes(Handler),
            ["svc/reports.py"] = System.Text.Encoding.UTF8.GetBytes(Reports),
            ["bom.py"] = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Handler.Replace("\n", "\r\n", StringComparison.Ordinal))],
            ["src/lib.rs"] = System.Text.Encoding.UTF8.GetBytes("pub fn names(users: &[User]) -> Vec<String> {\n    let mut out = Vec::new();\n    for u in users {\n        out.push(format!(\"{}\", u.name.clone()));\n    }\n    out\n}\n"),
        };
        using var inPlace = new TempFolder();
        foreach (var (path, bytes) in files)
        {
            _temp.Write(path, bytes);
            inPlace.Write(path, bytes);
        }

        var patch = _temp.Write("fix.patch", Render(ReportFormats.Diff, Review()));
        Assert.Equal(0, (await Git("init", "-q")).ExitCode);
        Assert.Equal(0, (await Git("apply", patch)).ExitCode);
        var plans = MechanicalFixes.Plan(ReportGolden.ReviewFolder(inPlace.Root, RuleCatalog.All).Outcome.Findings, inPlace.Root, insideWorkingFolderOnly: false);
        Assert.All(plans, plan => Assert.Null(MechanicalFixes.Write(plan)));

        Assert.Equal(4, plans.Count);
        foreach (var path in files.Keys)
        {
            var patched = File.ReadAllBytes(Path.Combine(_temp.Root, path));
            Assert.NotEqual(files[path], patched);
            Assert.Equal(patched, File.ReadAllBytes(Path.Combine(inPlace.Root, path)));
        }

        Assert.Equal(files.Count, Directory.GetFiles(inPlace.Root, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Given_a_file_that_changes_between_the_plan_and_the_write_When_written_Then_it_is_refused_and_the_change_kept()
    {
        var path = _temp.Write("handler.py", Handler);
        var plan = Assert.Single(MechanicalFixes.Plan(Review().Outcome.Findings, _temp.Root, insideWorkingFolderOnly: false));
        File.AppendAllText(path, "# edited meanwhile\n");

        var problem = MechanicalFixes.Write(plan);

        Assert.Equal("the file changed while it was being fixed; review it again", problem);
        Assert.Equal(Handler + "# edited meanwhile\n", File.ReadAllText(path));
        Assert.Equal(["handler.py"], Directory.GetFiles(_temp.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Given_a_file_that_changed_where_an_edit_lies_When_planned_Then_the_plan_names_the_problem_and_writing_it_does_nothing()
    {
        var path = _temp.Write("handler.py", Handler);
        var findings = Review().Outcome.Findings;
        File.WriteAllText(path, "# a line added since\n" + Handler);

        var plan = Assert.Single(MechanicalFixes.Plan(findings, _temp.Root, insideWorkingFolderOnly: false));

        Assert.Null(plan.Source);
        Assert.Equal("the file changed since it was reviewed; review it again", plan.Problem);
        Assert.Equal(plan.Problem, MechanicalFixes.Write(plan));
        Assert.Equal("# a line added since\n" + Handler, File.ReadAllText(path));
    }

    [Fact]
    public async Task Given_a_file_with_a_byte_order_mark_and_one_with_crlf_line_ends_When_patched_Then_git_applies_it_and_the_mark_stays_first()
    {
        var code = "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n";
        _temp.Write("bom.py", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(code)]);
        _temp.Write("crlf.py", code.Replace("\n", "\r\n", StringComparison.Ordinal));
        var patch = _temp.Write("fix.patch", Render(ReportFormats.Diff, Review()));
        Assert.Equal(0, (await Git("init", "-q")).ExitCode);

        var apply = await Git("apply", patch);

        Assert.True(apply.ExitCode == 0, apply.Output);
        var fixedCode = "import asyncio\n" + code.Replace("time.sleep", "await asyncio.sleep", StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(fixedCode)], File.ReadAllBytes(Path.Combine(_temp.Root, "bom.py")));
        Assert.Equal(fixedCode.Replace("\n", "\r\n", StringComparison.Ordinal), File.ReadAllText(Path.Combine(_temp.Root, "crlf.py")));
    }

    [Fact]
    public void Given_a_file_that_is_not_utf8_When_rendered_as_a_diff_Then_it_is_named_and_left_out_and_not_counted()
    {
        _temp.Write("latin.py", [.. System.Text.Encoding.Latin1.GetBytes("import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n    x = \"caf\u00e9\"\n")]);
        _temp.Write("reports.py", Reports);

        var diff = Render(ReportFormats.Diff, Review());

        Assert.Contains("# latin.py: not fixed, it is not valid UTF-8", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("--- a/latin.py", diff, StringComparison.Ordinal);
        Assert.Contains("# 1 of 2 findings fixed mechanically, in 1 file(s)", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_file_changed_after_the_review_When_rendered_as_a_diff_Then_it_is_named_and_left_out()
    {
        var path = _temp.Write("handler.py", Handler);
        _temp.Write("reports.py", Reports);
        var report = Review();
        // A line added at the top: every edit's text is still there, but not where the review saw it.
        File.WriteAllText(path, "# edited\n" + Handler);

        var diff = Render(ReportFormats.Diff, report);

        Assert.Contains("# handler.py: not fixed, the file changed since it was reviewed; review it again", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("--- a/handler.py", diff, StringComparison.Ordinal);
        Assert.Contains("--- a/reports.py", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_file_changed_after_the_review_only_where_no_edit_lies_When_rendered_as_a_diff_Then_the_patch_is_built_on_the_file_as_it_is_now()
    {
        var path = _temp.Write("handler.py", Handler);
        var report = Review();
        File.WriteAllText(path, Handler.Replace("time.sleep(0.1)", "time.sleep(0.2)", StringComparison.Ordinal));

        var diff = Render(ReportFormats.Diff, report);

        Assert.Contains("+        await asyncio.sleep(0.2)\n", diff, StringComparison.Ordinal);
        Assert.Contains("-        time.sleep(0.2)\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_findings_none_of_which_has_edits_When_rendered_as_a_diff_Then_it_says_so_and_holds_no_hunk()
    {
        _temp.Write("q.py", "def f(rows, wanted):\n    ids = [r.id for r in rows]\n    for w in wanted:\n        if w in ids:\n            print(w)\n");

        var report = Review();
        var diff = Render(ReportFormats.Diff, report);

        Assert.NotEmpty(report.Outcome.Findings);
        Assert.StartsWith("# no finding of the ", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("@@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_fixable_findings_When_rendered_as_json_Then_each_carries_its_edits_with_the_old_and_new_text()
    {
        _temp.Write("handler.py", Handler);

        var findings = JsonDocument.Parse(Render(ReportFormats.Json, Review())).RootElement.GetProperty("findings").EnumerateArray().ToList();

        var sleep = findings.Single(f => f.GetProperty("ruleId").GetString() == "PY009");
        var edits = sleep.GetProperty("edits").EnumerateArray().ToList();
        Assert.Equal(2, edits.Count);
        Assert.Equal((2, 1, 2, 1, "", "import asyncio\n"), Edit(edits[0]));
        Assert.Equal((10, 9, 10, 19, "time.sleep", "await asyncio.sleep"), Edit(edits[1]));
    }

    [Fact]
    public void Given_a_finding_without_a_mechanical_fix_When_rendered_as_json_Then_it_has_no_edits_property()
    {
        _temp.Write("q.py", "import requests\n\nasync def f(u):\n    return requests.get(u)\n");

        var finding = JsonDocument.Parse(Render(ReportFormats.Json, Review())).RootElement.GetProperty("findings")[0];

        Assert.False(finding.TryGetProperty("edits", out _));
    }

    private static (int, int, int, int, string?, string?) Edit(JsonElement e) => (
        e.GetProperty("startLine").GetInt32(), e.GetProperty("startColumn").GetInt32(), e.GetProperty("endLine").GetInt32(), e.GetProperty("endColumn").GetInt32(),
        e.GetProperty("oldText").GetString(), e.GetProperty("newText").GetString());

    [Fact]
    public async Task Given_fixable_findings_When_rendered_as_sarif_Then_each_result_has_a_fix_the_official_schema_accepts()
    {
        _temp.Write("svc/handler.py", Handler);

        var sarif = Render(ReportFormats.Sarif, Review());

        var results = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var sleep = results.Single(r => r.GetProperty("ruleId").GetString() == "PY009");
        var change = sleep.GetProperty("fixes")[0].GetProperty("artifactChanges")[0];
        Assert.Equal("svc/handler.py", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacements = change.GetProperty("replacements").EnumerateArray().ToList();
        Assert.Equal("import asyncio\n", replacements[0].GetProperty("insertedContent").GetProperty("text").GetString());
        var deleted = replacements[1].GetProperty("deletedRegion");
        Assert.Equal((10, 9, 10, 19), (deleted.GetProperty("startLine").GetInt32(), deleted.GetProperty("startColumn").GetInt32(), deleted.GetProperty("endLine").GetInt32(), deleted.GetProperty("endColumn").GetInt32()));

        var (exitCode, output) = await SarifValidatorCli.ValidateAsync(_temp.Write("fixes.sarif", sarif), TestContext.Current.CancellationToken);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Given_a_top_issue_whose_findings_all_have_edits_When_the_report_is_built_Then_the_patch_sketch_shows_the_readers_code_fixed()
    {
        _temp.Write("worker.py", "import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef handle(batches):\n    for batch in batches:\n        for row in batch:\n            log.debug(f\"row {row.id} of {batch.name}\")\n");

        var sketch = WorkflowFixture.Workflow.ReviewPaths(["."], _temp.Root).Report.PatchSketch!;

        Assert.Equal("python/logging-in-loop", sketch.Slug);
        Assert.Null(sketch.AfterSource);
        Assert.Contains("log.debug(f\"row {row.id} of {batch.name}\")", sketch.Before, StringComparison.Ordinal);
        Assert.Equal(sketch.Before.Replace("f\"row {row.id} of {batch.name}\"", "\"row %s of %s\", row.id, batch.name", StringComparison.Ordinal), sketch.After);
        Assert.Contains("--format diff", sketch.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_top_issue_with_a_finding_that_needs_judgement_When_the_report_is_built_Then_the_patch_sketch_keeps_the_skills_pattern()
    {
        _temp.Write("svc.py", "import time\nimport requests\n\n\nasync def sync(ids):\n    for i in ids:\n        requests.get(i)\n        time.sleep(0.1)\n");

        var sketch = WorkflowFixture.Workflow.ReviewPaths(["."], _temp.Root).Report.PatchSketch!;

        Assert.Equal("python/sync-io-in-async", sketch.Slug);
        Assert.NotNull(sketch.AfterSource);
        Assert.DoesNotContain("requests.get(", sketch.After, StringComparison.Ordinal);
    }
}
