using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Scoring;

/// <summary>
/// Reports a reviewer accepts although their labels are not the skill's words: they pass, structure counts every part,
/// and the naming check (low weight) says which label to rename. Removing a part from them still fails the case.
/// </summary>
public sealed class ParaphrasedReportTests
{
    private static string PartName(int index) => Bundled.Rubric.PartNames[index];

    public static TheoryData<string, string> Paraphrases => new()
    {
        { "## Tradeoffs and risks", "## Tradeoffs & risks" },
        { "## Tradeoffs and risks", "## Trade-offs and risks" },
        { "## Tradeoffs and risks", "## Risks & tradeoffs" },
        { "## Measurement plan", "## How to measure" },
        { "## Patch sketch", "## Patch Sketches" },
    };

    // The skill's words in another layout: a colon label on its own line, a bold label, other capitals.
    public static TheoryData<string, string> Layouts => new()
    {
        { "## Measurement plan", "Measurement Plan:" },
        { "## Patch sketch", "**Patch sketch:**" },
        { "## Hot path hypothesis", "**Hot Path Hypothesis**" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Given_a_good_report_with_the_skills_words_in_another_layout_When_scored_Then_every_check_passes(string heading, string layout)
    {
        var score = await Bundled.ScoreAsync("example-c", Paraphrase(heading, layout));

        Assert.True(score.Passed, string.Join("\n", score.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Reason}")));
        Assert.Equal(1, score.Overall);
    }

    [Theory]
    [MemberData(nameof(Paraphrases))]
    public async Task Given_a_good_report_with_a_paraphrased_label_When_scored_Then_it_passes_and_naming_names_the_label(string heading, string paraphrase)
    {
        var report = Paraphrase(heading, paraphrase);

        var score = await Bundled.ScoreAsync("example-c", report);

        Assert.True(score.Passed, string.Join("\n", score.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Reason}")));
        Assert.True(score.Checks.Single(c => c.Name == "structure").Passed);
        var naming = score.Checks.Single(c => c.Name == "naming");
        Assert.False(naming.Passed);
        Assert.Contains($"'{paraphrase.Trim('#', ' ', '*').TrimEnd(':')}' for '{heading.TrimStart('#', ' ')}'", naming.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_report_with_every_label_paraphrased_When_scored_Then_it_still_passes_on_content()
    {
        var report = Bundled.Report("example-c.good.md")
            .Replace("## Hot path hypothesis", "## Hypothesis", StringComparison.Ordinal)
            .Replace("## Top issues (ranked)", "## Top Issues", StringComparison.Ordinal)
            .Replace("## Patch sketch", "**Proposed patch:**", StringComparison.Ordinal)
            .Replace("## Tradeoffs and risks", "## Risks & trade-offs", StringComparison.Ordinal)
            .Replace("## Measurement plan", "Measurement Plan:", StringComparison.Ordinal);

        var score = await Bundled.ScoreAsync("example-c", report);

        Assert.True(score.Passed, $"overall {score.Overall}");
        var naming = score.Checks.Single(c => c.Name == "naming");
        Assert.Equal(0.2, naming.Score, 3); // only "Measurement Plan:" keeps the skill's words
        Assert.Contains("'Proposed patch' for 'Patch sketch' (a synonym)", naming.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Given_a_paraphrased_report_missing_one_part_When_scored_Then_it_still_fails_on_structure(int part)
    {
        var report = ReportEdits.WithoutPart(Paraphrase("## Tradeoffs and risks", "## Risks & tradeoffs"), part == 3 ? "Risks & tradeoffs" : PartName(part));

        var score = await Bundled.ScoreAsync("example-c", report);

        Assert.False(score.Passed, $"overall {score.Overall}");
        Assert.Contains($"missing '{PartName(part)}'", score.Checks.Single(c => c.Name == "structure").Reason, StringComparison.Ordinal);
    }

    private static string Paraphrase(string heading, string paraphrase)
    {
        var good = Bundled.Report("example-c.good.md");
        Assert.Contains(heading, good, StringComparison.Ordinal);
        return good.Replace(heading, paraphrase, StringComparison.Ordinal);
    }
}
