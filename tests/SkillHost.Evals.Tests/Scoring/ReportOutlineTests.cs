using SkillHost.Evals.Scoring;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Scoring;

public sealed class ReportOutlineTests
{
    private static IReadOnlyList<string> Parts => Bundled.Rubric.PartNames;

    [Fact]
    public void Given_numbered_headings_and_bold_labels_When_parsed_Then_every_part_is_found_in_order()
    {
        var report = $"""
            # Review

            ## 1. {Parts[0]}

            text

            **{Parts[1]}:**

            1. first

            - **{Parts[2]}** — see below

            ```python
            x = 1
            ```

            ### {Parts[3].ToUpperInvariant()}

            none

            **{Parts[4]}** — `py-spy`, below 20 ms
            """;

        var outline = ReportOutline.Parse(report, Parts);

        Assert.Equal(Parts, outline.Parts.Select(p => p.Name));
        Assert.Empty(outline.NearMisses);
    }

    [Fact]
    public void Given_a_heading_that_drops_the_parenthetical_When_parsed_Then_it_is_the_part_as_a_paraphrase()
    {
        var outline = ReportOutline.Parse("## Top issues\n\n1. x\n", Parts);

        var part = Assert.Single(outline.Parts);
        Assert.Equal(Parts[1], part.Name);
        Assert.Equal(LabelMatch.Paraphrase, part.Match);
    }

    [Fact]
    public void Given_a_heading_that_shares_only_a_first_word_When_parsed_Then_it_is_a_near_miss_not_the_part()
    {
        var outline = ReportOutline.Parse("## Measurement\n\nsoon\n", Parts);

        Assert.Empty(outline.Parts);
        Assert.Equal(["Measurement"], outline.NearMisses);
    }

    [Theory]
    [InlineData("Tradeoffs & risks", "Tradeoffs and risks")]
    [InlineData("Trade-offs and risks", "Tradeoffs and risks")]
    [InlineData("Risks & tradeoffs", "Tradeoffs and risks")]
    [InlineData("Measurement Plans", "Measurement plan")]
    [InlineData("Patch sketches", "Patch sketch")]
    public void Given_a_paraphrased_label_When_matched_Then_it_names_the_part(string label, string part)
    {
        Assert.Contains(part, Parts);

        var match = Bundled.Rubric.Naming.Match(label);

        Assert.Equal((part, LabelMatch.Paraphrase), match);
    }

    [Fact]
    public void Given_an_exact_heading_and_an_earlier_synonym_sub_heading_When_parsed_Then_the_exact_heading_starts_the_part()
    {
        var report = $"## {Parts[0]}\n\ntext\n\n### Risks\n\nsome\n\n## {Parts[3]}\n\nthe costs\n";

        var outline = ReportOutline.Parse(report, Bundled.Rubric.Naming);

        Assert.Equal([Parts[0], Parts[3]], outline.Parts.Select(p => p.Name));
        Assert.Contains("### Risks", outline.Find(Parts[0])!.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_synonym_file_naming_a_part_the_skill_lacks_When_loaded_Then_the_error_names_file_and_part()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, SkillRubric.SynonymsFileName);
        File.WriteAllText(path, """{"Executive summary": ["Summary"]}""");

        var error = Assert.Throws<InvalidOperationException>(() => Bundled.Rubric.WithSynonyms(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("'Executive summary', which the skill does not have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_part_name_inside_a_code_block_When_parsed_Then_it_is_not_a_part()
    {
        var outline = ReportOutline.Parse($"```\n## {Parts[0]}\n```\n", Parts);

        Assert.Empty(outline.Parts);
    }
}
