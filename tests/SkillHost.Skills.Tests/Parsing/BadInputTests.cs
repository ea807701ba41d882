using System.Diagnostics;
using System.Text;

using SkillHost.Skills.Tests.Support;

namespace SkillHost.Skills.Tests.Parsing;

/// <summary>Hostile and broken input gives diagnostics with line numbers, never an exception, in reasonable time.</summary>
public sealed class BadInputTests
{
    public sealed class Parse
    {
        [Fact]
        public void Given_an_empty_file_When_parsed_Then_it_reports_SKL001_on_line_1()
        {
            var diagnostic = Assert.Single(SkillParser.Parse(string.Empty).Diagnostics);
            Assert.Equal((DiagnosticCodes.EmptyFile, 1, DiagnosticSeverity.Error), (diagnostic.Code, diagnostic.Line, diagnostic.Severity));
        }

        [Fact]
        public void Given_no_frontmatter_When_parsed_Then_it_reports_SKL010_and_still_reads_the_body()
        {
            var skill = SkillParser.Parse("# Just markdown\n\nText.\n");

            var diagnostic = Assert.Single(skill.Diagnostics);
            Assert.Equal((DiagnosticCodes.NoFrontmatter, 1), (diagnostic.Code, diagnostic.Line));
            Assert.Equal("Just markdown", Assert.Single(skill.Sections).Title);
        }

        [Fact]
        public void Given_an_unclosed_frontmatter_When_parsed_Then_it_reports_SKL011()
        {
            var skill = SkillParser.Parse("---\nname: x\n# Heading\n");
            Assert.Contains(skill.Diagnostics, d => d.Code == DiagnosticCodes.FrontmatterNotClosed && d.Line == 1);
        }

        [Fact]
        public void Given_broken_yaml_When_parsed_Then_it_reports_SKL012_at_the_file_line_of_the_error()
        {
            var skill = SkillParser.Parse("---\nname: demo\ndescription: [unclosed\nlicense: MIT\n---\n# Body\n");

            var diagnostic = Assert.Single(skill.Diagnostics);
            Assert.Equal(DiagnosticCodes.InvalidYaml, diagnostic.Code);
            Assert.Equal(3, diagnostic.Line);
            Assert.Null(skill.Frontmatter);
            Assert.Equal("Body", Assert.Single(skill.Sections).Title);
        }

        [Fact]
        public void Given_a_yaml_list_as_frontmatter_When_parsed_Then_it_reports_SKL013()
        {
            var skill = SkillParser.Parse("---\n- a\n- b\n---\n");
            Assert.Equal(DiagnosticCodes.FrontmatterNotMap, Assert.Single(skill.Diagnostics).Code);
        }

        [Fact]
        public void Given_duplicate_keys_When_parsed_Then_it_reports_invalid_yaml()
        {
            var skill = SkillParser.Parse("---\nname: a\nname: b\n---\n");
            Assert.Equal(DiagnosticCodes.InvalidYaml, Assert.Single(skill.Diagnostics).Code);
        }

        [Fact]
        public void Given_binary_content_When_parsed_from_a_file_Then_it_reports_SKL002_with_the_line_of_the_NUL()
        {
            using var dir = new TempDirectory();
            var file = dir.Write("SKILL.md", [.. "---\nname: x\n"u8, 0, 1, 2, 0xFF]);

            var diagnostic = Assert.Single(SkillParser.ParseFile(file).Diagnostics);
            Assert.Equal((DiagnosticCodes.BinaryContent, 3), (diagnostic.Code, diagnostic.Line));
        }

        [Fact]
        public void Given_invalid_utf8_When_parsed_from_a_file_Then_it_reports_SKL003_with_its_line()
        {
            using var dir = new TempDirectory();
            var file = dir.Write("SKILL.md", [.. "---\nname: x\n---\nok\n"u8, 0xC3, 0x28]);

            var diagnostic = Assert.Single(SkillParser.ParseFile(file).Diagnostics);
            Assert.Equal((DiagnosticCodes.InvalidUtf8, 5), (diagnostic.Code, diagnostic.Line));
        }

        [Fact]
        public void Given_a_string_with_a_NUL_When_parsed_Then_it_reports_binary_content()
        {
            Assert.Equal(DiagnosticCodes.BinaryContent, Assert.Single(SkillParser.Parse("---\n\0").Diagnostics).Code);
        }

        [Fact]
        public void Given_a_50_MB_file_When_parsed_Then_it_reports_SKL004_reads_only_the_frontmatter_and_stays_fast()
        {
            using var dir = new TempDirectory();
            var path = Path.Combine(dir.Path, "SKILL.md");
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                writer.Write("---\nname: huge\ndescription: A very large skill.\n---\n");
                var line = new string('x', 99) + "\n";
                for (var i = 0; i < 500_000; i++)
                {
                    writer.Write(line);
                }
            }

            var clock = Stopwatch.StartNew();
            var skill = SkillParser.ParseFile(path);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            var diagnostic = Assert.Single(skill.Diagnostics);
            Assert.Equal((DiagnosticCodes.TooLarge, 1), (diagnostic.Code, diagnostic.Line));
            Assert.Equal("huge", skill.Name);
            Assert.Empty(skill.Sections);
        }

        [Fact]
        public void Given_a_50_MB_string_When_parsed_Then_it_reports_SKL004()
        {
            var text = "---\nname: huge\ndescription: d\n---\n" + new string('y', 50 * 1024 * 1024);
            var skill = SkillParser.Parse(text);
            Assert.Equal(DiagnosticCodes.TooLarge, Assert.Single(skill.Diagnostics).Code);
            Assert.Equal("huge", skill.Name);
        }

        [Theory]
        [InlineData("list-one-line", DiagnosticCodes.NestedTooDeep)]
        [InlineData("numbered-one-line", DiagnosticCodes.NestedTooDeep)]
        [InlineData("quote", DiagnosticCodes.NestedTooDeep)]
        [InlineData("spaced-quote", DiagnosticCodes.NestedTooDeep)]
        [InlineData("emphasis", DiagnosticCodes.NestedTooDeep)]
        // Indenting 10,000 levels takes 2 × 1 + … + 2 × 10,000 spaces ≈ 100 MB, so the size guard answers first.
        [InlineData("list", DiagnosticCodes.TooLarge)]
        public void Given_10000_nesting_levels_When_parsed_Then_it_reports_a_diagnostic_pointing_into_the_body(string kind, string code)
        {
            // Markdig stops at its own depth limit (~128) with an ArgumentException long before the stack is at risk,
            // so this runs in-process; the thread's small stack proves no deep recursion happens on our side.
            var text = "---\nname: deep\ndescription: d\n---\n# Top\n" + Nested(kind, 10_000);
            SkillDocument? skill = null;
            var thread = new Thread(() => skill = SkillParser.Parse(text), 512 * 1024);
            var clock = Stopwatch.StartNew();
            thread.Start();
            thread.Join();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
            var diagnostic = Assert.Single(skill!.Diagnostics);
            Assert.Equal(code, diagnostic.Code);
            Assert.True(code == DiagnosticCodes.TooLarge || diagnostic.Line == 6, $"line {diagnostic.Line} should be 6, where the nesting is");
            Assert.Equal("deep", skill.Name);
        }

        [Fact]
        public void Given_moderate_nesting_When_parsed_Then_it_reads_without_diagnostics()
        {
            var skill = SkillParser.Parse("---\nname: x\ndescription: d\n---\n" + Nested("quote", 20));
            Assert.Empty(skill.Diagnostics);
        }

        private static string Nested(string kind, int depth)
        {
            var builder = new StringBuilder();
            switch (kind)
            {
                case "list":
                    for (var i = 0; i < depth; i++)
                    {
                        builder.Append(' ', 2 * i).Append("- item\n");
                    }

                    break;
                case "list-one-line":
                    builder.Insert(0, "- ", depth).Append("x\n");
                    break;
                case "numbered-one-line":
                    builder.Insert(0, "1. ", depth).Append("x\n");
                    break;
                case "quote":
                    builder.Append('>', depth).Append(" x\n");
                    break;
                case "spaced-quote":
                    builder.Insert(0, "> ", depth).Append("x\n");
                    break;
                case "emphasis":
                    builder.Insert(0, "*a ", depth).Append('x').Insert(builder.Length, " a*", depth).Append('\n');
                    break;
            }

            return builder.ToString();
        }
    }
}
