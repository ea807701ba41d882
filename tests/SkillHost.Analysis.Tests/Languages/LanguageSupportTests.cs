using SkillHost.Analysis.Languages;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Languages;

public sealed class LanguageSupportTests
{
    [Theory]
    [InlineData("pkg/mod.py", SourceLanguage.Python)]
    [InlineData("stubs/mod.PYI", SourceLanguage.Python)]
    [InlineData("gui.pyw", SourceLanguage.Python)]
    [InlineData("src/lib.rs", SourceLanguage.Rust)]
    public void Given_a_path_with_a_known_extension_Then_its_language_is_found_and_detection_agrees(string path, SourceLanguage expected)
    {
        Assert.Equal(expected, LanguageSupport.ForPath(path)?.Language);
        Assert.Equal(expected, LanguageDetector.Detect(path, SourceText.From("x = 1\n")).Language);
        Assert.True(SyntaxParsers.IsSupportedExtension(path));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("Makefile")]
    [InlineData("main.c")]
    public void Given_a_path_of_another_kind_Then_no_language_claims_it(string path)
    {
        Assert.Null(LanguageSupport.ForPath(path));
        Assert.False(SyntaxParsers.IsSupportedExtension(path));
    }

    [Theory]
    [InlineData(" Python ", SourceLanguage.Python)]
    [InlineData("py", SourceLanguage.Python)]
    [InlineData("python3", SourceLanguage.Python)]
    [InlineData("RS", SourceLanguage.Rust)]
    [InlineData("rust", SourceLanguage.Rust)]
    public void Given_a_name_a_user_gives_Then_it_resolves_to_its_language(string alias, SourceLanguage expected) =>
        Assert.Equal(expected, LanguageSupport.ForAlias(alias)?.Language);

    [Theory]
    [InlineData("")]
    [InlineData("go")]
    [InlineData(null)]
    public void Given_no_name_or_an_unsupported_one_Then_none_resolves(string? alias) => Assert.Null(LanguageSupport.ForAlias(alias));

    [Fact]
    public void Given_every_language_Then_its_parser_builds_a_tree_of_that_language_and_its_rules_name_fixtures_with_its_extension()
    {
        foreach (var language in LanguageSupport.All)
        {
            var tree = language.Parse(SourceText.From(language.LineComment + " a comment\n", "x" + language.DefaultExtension));

            Assert.Equal(language.Language, tree.Language);
            Assert.Same(language, LanguageSupport.For(language.Language));
            Assert.All(RuleCatalog.All.Where(r => r.Descriptor.Language == language.Language), r => Assert.Equal(language.DefaultExtension, r.Descriptor.FileExtension));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => LanguageSupport.For(SourceLanguage.Unknown));
    }
}
