namespace SkillHost.Skills.Tests.Parsing;

public sealed class FrontmatterTests
{
    public sealed class Parse
    {
        [Fact]
        public void Given_known_and_unknown_fields_When_parsed_Then_every_field_is_kept_in_order()
        {
            var skill = SkillParser.Parse("---\nname: demo\ndescription: Does things.\nwhen_to_use: often\nmetadata:\n  owner: me\n  tags: [a, b]\n---\n# Body\n");

            Assert.Equal("demo", skill.Name);
            Assert.Equal("Does things.", skill.Description);
            Assert.Equal(["name", "description", "when_to_use", "metadata"], skill.Frontmatter!.Entries.Select(e => e.Key));
            var metadata = Assert.IsType<FrontmatterMap>(skill.Frontmatter.Find("metadata")!.Value);
            Assert.Equal("me", metadata.GetString("owner"));
            var tags = Assert.IsType<FrontmatterList>(metadata.Find("tags")!.Value);
            Assert.Equal(["a", "b"], tags.Items.Cast<FrontmatterScalar>().Select(s => s.Text));
            Assert.Empty(skill.Diagnostics);
        }

        [Fact]
        public void Given_fields_When_parsed_Then_each_entry_carries_its_file_line()
        {
            var skill = SkillParser.Parse("---\nname: demo\n\ndescription: >\n  folded\n  text\n---\n");

            Assert.Equal(2, skill.Frontmatter!.Find("name")!.Line);
            Assert.Equal(4, skill.Frontmatter.Find("description")!.Line);
            Assert.Equal("folded text\n", skill.Description);
        }

        [Fact]
        public void Given_an_empty_frontmatter_block_When_parsed_Then_the_map_is_empty_and_the_body_still_reads()
        {
            var skill = SkillParser.Parse("---\n---\n# Title\n");

            Assert.Empty(skill.Frontmatter!.Entries);
            Assert.Equal("Title", Assert.Single(skill.Sections).Title);
        }

        [Fact]
        public void Given_quoted_and_plain_scalars_When_parsed_Then_quoting_is_recorded()
        {
            var skill = SkillParser.Parse("---\na: \"1.0\"\nb: 1.0\nc:\n---\n");

            Assert.True(((FrontmatterScalar)skill.Frontmatter!.Find("a")!.Value).Quoted);
            Assert.False(((FrontmatterScalar)skill.Frontmatter.Find("b")!.Value).Quoted);
            Assert.True(((FrontmatterScalar)skill.Frontmatter.Find("c")!.Value).IsNull);
        }

        [Fact]
        public void Given_crlf_line_endings_When_parsed_Then_the_frontmatter_and_lines_read_the_same()
        {
            var skill = SkillParser.Parse("---\r\nname: demo\r\ndescription: d\r\n---\r\n\r\n# Title\r\n");

            Assert.Equal("demo", skill.Name);
            Assert.Equal(6, Assert.Single(skill.Sections).Line);
        }

        [Fact]
        public void Given_an_alias_bomb_When_parsed_Then_it_is_refused_with_a_diagnostic()
        {
            var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
            for (var i = 0; i < 8; i++)
            {
                var prev = (char)('a' + i);
                var next = (char)('b' + i);
                yaml += $"{next}: &{next} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n";
            }

            var skill = SkillParser.Parse($"---\n{yaml}---\n");

            Assert.Contains(skill.Diagnostics, d => d.Code == DiagnosticCodes.FrontmatterTooComplex);
            Assert.Null(skill.Frontmatter);
        }
    }
}
