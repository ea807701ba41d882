using SkillHost.Evals.Cases;
using SkillHost.Evals.Scoring;
using SkillHost.Evals.Tests.Support;
using SkillHost.Skills;

namespace SkillHost.Evals.Tests.Scoring;

public sealed class SkillRubricTests
{
    [Fact]
    public void Given_the_bundled_skill_When_the_rubric_is_read_Then_parts_and_tools_come_from_steps_5_and_3()
    {
        var rubric = Bundled.Rubric;

        Assert.Equal(Bundled.Skill.ReportParts, rubric.PartNames);
        Assert.Contains("py-spy", rubric.ToolsFor(CaseLanguage.Python));
        Assert.Contains("memory_profiler", rubric.ToolsFor(CaseLanguage.Python));
        Assert.Contains("criterion", rubric.ToolsFor(CaseLanguage.Rust));
        Assert.DoesNotContain("criterion", rubric.ToolsFor(CaseLanguage.Python));
        Assert.Contains("criterion", rubric.ToolsFor(CaseLanguage.PyO3));
        Assert.Contains("py-spy", rubric.ToolsFor(CaseLanguage.PyO3));
    }

    [Fact]
    public async Task Given_a_skill_that_renames_a_part_and_a_tool_When_scoring_Then_the_scorer_follows_the_skill()
    {
        var text = File.ReadAllText(RepoPaths.SkillFile)
            .Replace("**Measurement plan**", "**Benchmark plan**", StringComparison.Ordinal)
            .Replace("`memray` or `memory_profiler`", "`heaptrack`", StringComparison.Ordinal);
        var rubric = SkillRubric.From(SkillParser.Parse(text, RepoPaths.Skill));
        var report = Bundled.Report("example-a.good.md");

        var score = await new ReportScorer(rubric).ScoreAsync(Bundled.Case("example-a"), report, TestContext.Current.CancellationToken);

        Assert.Contains("Benchmark plan", rubric.PartNames);
        Assert.Contains("heaptrack", rubric.ToolsFor(CaseLanguage.Python));
        Assert.Contains("missing 'Benchmark plan'", score.Checks.Single(c => c.Name == "structure").Reason, StringComparison.Ordinal);
        Assert.False(score.Passed);
    }

    [Fact]
    public void Given_a_skill_without_report_parts_When_the_rubric_is_read_Then_it_says_why_it_cannot_score()
    {
        var skill = SkillParser.Parse("---\nname: tiny\ndescription: d\n---\n# Tiny\n\nNo workflow.\n");

        var error = Assert.Throws<InvalidOperationException>(() => SkillRubric.From(skill));

        Assert.Contains("names no report parts", error.Message, StringComparison.Ordinal);
    }
}
