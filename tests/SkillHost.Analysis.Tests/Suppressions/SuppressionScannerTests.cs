using SkillHost.Analysis.Suppressions;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Suppressions;

/// <summary>What counts as a suppression comment, and which line it covers.</summary>
public static class SuppressionScannerTests
{
    public sealed class Parse
    {
        [Theory]
        [InlineData(" skillhost: ignore", false, "", null)]
        [InlineData(" skillhost:ignore[PY001,python/quadratic]", false, "PY001|python/quadratic", null)]
        [InlineData(" skillhost: ignore[RS003] -- Arc clone, cheap", false, "RS003", "Arc clone, cheap")]
        [InlineData(" skillhost: ignore-file[PY007] -- generated", true, "PY007", "generated")]
        [InlineData(" skillhost: ignore-file", true, "", null)]
        public void Given_a_skillhost_directive_When_parsed_Then_scope_ids_and_reason_are_read(string comment, bool wholeFile, string ids, string? reason)
        {
            var directive = SuppressionParser.Parse(comment, allowNoqa: true);

            Assert.NotNull(directive);
            Assert.Equal(wholeFile, directive.Value.WholeFile);
            Assert.Equal(ids.Length == 0 ? [] : ids.Split('|'), directive.Value.Selectors);
            Assert.Equal(reason, directive.Value.Reason);
            Assert.False(directive.Value.IsNoqa);
        }

        [Theory]
        [InlineData(" noqa", "")]
        [InlineData(" noqa: PY001", "PY001")]
        [InlineData(" type: ignore  # noqa:PY001,E501", "PY001|E501")]
        public void Given_a_noqa_When_parsed_for_python_Then_its_codes_are_read(string comment, string ids)
        {
            var directive = SuppressionParser.Parse(comment, allowNoqa: true);

            Assert.NotNull(directive);
            Assert.True(directive.Value.IsNoqa);
            Assert.Equal(ids.Length == 0 ? [] : ids.Split('|'), directive.Value.Selectors);
        }

        [Theory]
        [InlineData(" skillhost: ignore[PY001", true)]
        [InlineData(" see skillhost: ignore for details", true)]
        [InlineData(" skillhost: ignored", true)]
        [InlineData(" noqa: PY001", false)]
        public void Given_text_that_is_not_a_directive_When_parsed_Then_it_is_none(string comment, bool allowNoqa)
        {
            Assert.Null(SuppressionParser.Parse(comment, allowNoqa));
        }
    }

    public sealed class Scan
    {
        [Fact]
        public void Given_comments_above_code_When_scanned_Then_each_covers_the_next_line_of_code_and_trailing_ones_their_own()
        {
            var source = SourceText.From("x = 1\n# skillhost: ignore[PY001]\n\n# another comment\ny = [a\n     for a in b]  # skillhost: ignore[PY002]\ns = \"# skillhost: ignore\"\n", "a.py");

            var found = SuppressionScanner.Scan(source, SourceLanguage.Python);

            Assert.Equal([(SuppressionScope.NextLine, 5), (SuppressionScope.Line, 6)], found.Select(f => (f.Scope, f.TargetLine)));
        }

        [Fact]
        public void Given_rust_line_block_and_doc_comments_When_scanned_Then_line_and_block_comments_count_and_doc_comments_do_not()
        {
            var source = SourceText.From("//! skillhost: ignore[RS001]\n/* skillhost: ignore-file[RS002] */\nfn f() {\n    g(); // skillhost: ignore[RS003]\n    /// skillhost: ignore\n    h();\n}\n", "a.rs");

            var found = SuppressionScanner.Scan(source, SourceLanguage.Rust);

            Assert.Equal([(SuppressionScope.File, 0), (SuppressionScope.Line, 4)], found.Select(f => (f.Scope, f.TargetLine)));
        }
    }
}
