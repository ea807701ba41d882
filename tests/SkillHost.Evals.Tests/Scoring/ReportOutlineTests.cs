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
    public void Given_a_heading_that_shortens_a_part_name_When_parsed_Then_it_is_a_near_miss_not_the_part()
    {
        var outline = ReportOutline.Parse("## Top issues\n\n1. x\n", Parts);

        Assert.Empty(outline.Parts);
        Assert.Equal(["Top issues"], outline.NearMisses);
    }

    [Fact]
    public void Given_a_part_name_inside_a_code_block_When_parsed_Then_it_is_not_a_part()
    {
        var outline = ReportOutline.Parse($"```\n## {Parts[0]}\n```\n", Parts);

        Assert.Empty(outline.Parts);
    }
}
