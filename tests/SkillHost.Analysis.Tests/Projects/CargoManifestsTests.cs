using SkillHost.Analysis.Projects;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Review;
using SkillHost.Analysis.Tests.Rules;

namespace SkillHost.Analysis.Tests.Projects;

/// <summary>Cargo.toml facts: what a crate is built as and how its release build links, and what RS008 makes of them.</summary>
public sealed class CargoManifestsTests : IDisposable
{
    private const string SmallPublicFunction = "pub fn luminance(px: Rgb) -> u8 {\n    weighted_sum(px.r, px.g, px.b)\n}\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private ReviewOutcome ReviewWithRs008() =>
        new SourceReview(new ChecklistReview(RuleFixture.Skill, [RuleCatalog.Find("RS008")!])).Run(["."], _temp.Root);

    [Fact]
    public void Given_a_manifest_Then_crate_types_lto_and_codegen_units_are_read_and_comments_ignored()
    {
        string[] lines =
        [
            "[package]", "name = \"ext\" # the extension", "[lib]", "name = \"_ext\"", "crate-type = [", "  \"cdylib\", # for Python", "]",
            "[profile.release]", "lto = \"fat\"", "codegen-units = 1", "[profile.bench]", "lto = false",
        ];

        var manifest = CargoManifests.Parse("Cargo.toml", lines);

        Assert.Equal(["cdylib"], manifest.CrateTypes);
        Assert.Equal("fat", manifest.Lto);
        Assert.Equal(1, manifest.CodegenUnits);
    }

    [Fact]
    public void Given_a_member_crate_without_a_profile_Then_the_workspace_roots_release_profile_applies()
    {
        _temp.Write("Cargo.toml", "[workspace]\nmembers = [\"imaging\"]\n\n[profile.release]\nlto = true\n");
        _temp.Write("imaging/Cargo.toml", "[package]\nname = \"imaging\"\n");
        _temp.Write("imaging/src/lib.rs", SmallPublicFunction);

        var facts = new CargoManifests().For(Path.Combine(_temp.Root, "imaging", "src", "lib.rs"));

        Assert.NotNull(facts);
        Assert.EndsWith(Path.Combine("imaging", "Cargo.toml"), facts.ManifestPath, StringComparison.Ordinal);
        Assert.True(facts.FatLto);
        Assert.False(facts.NoRustCallers);
    }

    [Theory]
    [InlineData("[lib]\ncrate-type = [\"cdylib\"]\n")]
    [InlineData("[lib]\ncrate-type = [\"cdylib\", \"rlib\"]\n\n[profile.release]\nlto = \"fat\"\ncodegen-units = 1\n")]
    public void Given_an_extension_module_or_a_fat_lto_build_When_reviewed_Then_missing_inline_stays_silent(string manifest)
    {
        _temp.Write("Cargo.toml", "[package]\nname = \"ext\"\n\n" + manifest);
        _temp.Write("src/lib.rs", SmallPublicFunction);

        Assert.Empty(ReviewWithRs008().Findings);
    }

    [Fact]
    public void Given_a_plain_library_crate_When_reviewed_Then_missing_inline_still_reports()
    {
        _temp.Write("Cargo.toml", "[package]\nname = \"imaging\"\n\n[profile.release]\nlto = \"thin\"\n");
        _temp.Write("src/lib.rs", SmallPublicFunction);

        Assert.Single(ReviewWithRs008().Findings);
    }
}
