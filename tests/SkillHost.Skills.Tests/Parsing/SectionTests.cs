namespace SkillHost.Skills.Tests.Parsing;

public sealed class SectionTests
{
    private const string Skill = """
        ---
        name: demo
        description: d
        ---
        Intro before any heading.

        # Top

        Top text.

        ## Child one

        One.

        ### Grandchild

        ## Child two

        # Second top
        """;

    public sealed class Parse
    {
        private readonly SkillDocument _skill = SkillParser.Parse(Skill);

        [Fact]
        public void Given_headings_When_parsed_Then_they_form_a_tree_by_level()
        {
            Assert.Equal(["", "Top", "Second top"], _skill.Sections.Select(s => s.Title));
            var top = _skill.Sections[1];
            Assert.Equal(["Child one", "Child two"], top.Children.Select(c => c.Title));
            Assert.Equal("Grandchild", Assert.Single(top.Children[0].Children).Title);
        }

        [Fact]
        public void Given_headings_When_parsed_Then_each_carries_its_one_based_source_line_and_level()
        {
            var top = _skill.Sections[1];
            Assert.Equal((1, 7), (top.Level, top.Line));
            Assert.Equal((2, 11), (top.Children[0].Level, top.Children[0].Line));
            Assert.Equal((3, 15), (top.Children[0].Children[0].Level, top.Children[0].Children[0].Line));
        }

        [Fact]
        public void Given_text_before_the_first_heading_When_parsed_Then_it_is_a_level_zero_section()
        {
            var preamble = _skill.Sections[0];
            Assert.Equal((0, 5, "Intro before any heading."), (preamble.Level, preamble.Line, preamble.Text));
        }

        [Fact]
        public void Given_a_section_When_parsed_Then_its_text_is_its_own_markdown_without_its_children()
        {
            Assert.Equal("Top text.", _skill.Sections[1].Text);
            Assert.Equal(string.Empty, _skill.Sections[1].Children[1].Text);
        }

        [Fact]
        public void Given_a_nested_heading_When_searched_Then_FindSection_returns_it()
        {
            Assert.Equal(15, _skill.FindSection(s => s.Title == "Grandchild")!.Line);
            Assert.Null(_skill.FindSection(s => s.Title == "Missing"));
        }
    }
}
