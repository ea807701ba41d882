using SkillHost.Evals.Scoring;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Scoring;

/// <summary>
/// The scorer's core promise: it tells good output from bad. Each control takes a report that passes and
/// introduces one defect; the report must then score below the pass threshold, and the check that owns the
/// defect must say so.
/// </summary>
public sealed class NegativeControlTests
{
    private static string PartName(int index) => Bundled.Rubric.PartNames[index];

    [Theory]
    [InlineData("example-a", "example-a.good.md")]
    [InlineData("example-b", "example-b.good.md")]
    [InlineData("example-c", "example-c.good.md")]
    public async Task Given_a_good_report_When_scored_Then_every_check_passes(string caseId, string file)
    {
        var score = await Bundled.ScoreAsync(caseId, Bundled.Report(file));

        Assert.True(score.Passed, string.Join("\n", score.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Reason}")));
        Assert.Equal(1, score.Overall);
        Assert.Equal(ReportScorer.AllChecks().Length, score.Checks.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Given_a_report_missing_one_part_When_scored_Then_it_fails_and_structure_names_the_part(int part)
    {
        var report = ReportEdits.WithoutPart(Bundled.Report("example-c.good.md"), PartName(part));

        var score = await Bundled.ScoreAsync("example-c", report);

        Assert.False(score.Passed, $"overall {score.Overall}");
        Assert.True(score.Overall < score.Threshold);
        var structure = score.Checks.Single(c => c.Name == "structure");
        Assert.False(structure.Passed);
        Assert.Contains($"missing '{PartName(part)}'", structure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_issues_ranked_smallest_first_When_scored_Then_it_fails_on_ranking()
    {
        var good = Bundled.Report("example-c.good.md");
        var report = ReportEdits.Swap(good,
            good[good.IndexOf("### 1.", StringComparison.Ordinal)..good.IndexOf("### 2.", StringComparison.Ordinal)],
            good[good.IndexOf("### 2.", StringComparison.Ordinal)..good.IndexOf($"## {PartName(2)}", StringComparison.Ordinal)]);

        var score = await Bundled.ScoreAsync("example-c", report);

        Assert.False(score.Passed, $"overall {score.Overall}");
        var ranking = score.Checks.Single(c => c.Name == "ranking");
        Assert.False(ranking.Passed);
        Assert.Contains("larger impact than issue 1", ranking.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_patch_in_the_wrong_language_When_scored_Then_it_fails_on_the_patch_sketch()
    {
        var rust = """
            ```rust
            fn normalised_hostnames(path: &Path) -> impl Iterator<Item = String> {
                let reader = BufReader::new(File::open(path).unwrap());
                reader.lines().map(|line| extract_host(&line.unwrap()).to_lowercase())
            }
            ```
            """;
        var report = ReportEdits.WithPartBody(Bundled.Report("example-a.good.md"), PartName(2), rust);

        var score = await Bundled.ScoreAsync("example-a", report);

        Assert.False(score.Passed, $"overall {score.Overall}");
        var patch = score.Checks.Single(c => c.Name == "patch-sketch");
        Assert.False(patch.Passed);
        Assert.Contains("the code is in rust, but the case is Python", patch.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_measurement_plan_When_scored_Then_it_fails()
    {
        var report = ReportEdits.WithoutPart(Bundled.Report("example-b.good.md").Replace("**Measurement plan** —", "## Measurement plan\n\n", StringComparison.Ordinal), PartName(4));

        var score = await Bundled.ScoreAsync("example-b", report);

        Assert.False(score.Passed, $"overall {score.Overall}");
        Assert.Equal(0, score.Checks.Single(c => c.Name == "measurement-plan").Score);
    }

    [Fact]
    public async Task Given_a_measurement_plan_without_tool_or_target_When_scored_Then_it_fails()
    {
        var report = ReportEdits.WithPartBody(Bundled.Report("example-a.good.md"), PartName(4), "Measure it again after the change and check that it got better.");

        var score = await Bundled.ScoreAsync("example-a", report);

        Assert.False(score.Passed, $"overall {score.Overall}");
        var plan = score.Checks.Single(c => c.Name == "measurement-plan");
        Assert.Equal(0, plan.Score);
        Assert.Contains("names none of the skill's tools", plan.Reason, StringComparison.Ordinal);
        Assert.Contains("memray", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_report_about_the_wrong_issue_When_scored_Then_it_fails_on_content()
    {
        var score = await Bundled.ScoreAsync("example-b", Bundled.Report("example-b.wrong-issue.md"));

        Assert.False(score.Passed, $"overall {score.Overall}");
        var expected = score.Checks.Single(c => c.Name == "expected-issue");
        Assert.True(expected.Score <= 0.25, expected.Reason);
        Assert.Contains("no top issue is about it", expected.Reason, StringComparison.Ordinal);
        Assert.False(score.Checks.Single(c => c.Name == "fix-direction").Passed);
        // The structure is fine: only content checks catch this one.
        Assert.True(score.Checks.Single(c => c.Name == "structure").Passed);
    }

    [Fact]
    public async Task Given_a_fix_that_keeps_the_flagged_pattern_When_scored_Then_fix_direction_fails()
    {
        var patch = """
            ```python
            def normalised_hostnames(log_path):
                with open(log_path) as log_file:
                    raw_lines = log_file.readlines()
                return [extract_host(line).lower() for line in raw_lines]
            ```
            """;
        var report = ReportEdits.WithPartBody(Bundled.Report("example-a.good.md"), PartName(2), patch);

        var score = await Bundled.ScoreAsync("example-a", report);

        Assert.False(score.Passed, $"overall {score.Overall}");
        var fix = score.Checks.Single(c => c.Name == "fix-direction");
        Assert.Contains("new code still has 'readlines()'", fix.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_default_weights_When_any_one_check_scores_zero_Then_the_overall_is_below_the_threshold()
    {
        var checks = ReportScorer.AllChecks();
        var total = checks.Sum(c => c.Weight);
        foreach (var check in checks.Where(c => c.Name != "naming"))
        {
            Assert.True((total - check.Weight) / total < ReportScorer.DefaultThreshold, $"{check.Name} alone cannot fail a case");
        }

        // Wording alone never does: the naming check weighs too little.
        var naming = checks.Single(c => c.Name == "naming");
        Assert.True((total - naming.Weight) / total >= ReportScorer.DefaultThreshold, "naming alone fails a case");

        // And an empty answer fails every check.
        var empty = await Bundled.ScoreAsync("example-a", "I could not find any performance problems.");
        Assert.All(empty.Checks, c => Assert.False(c.Passed, c.Name));
    }
}
