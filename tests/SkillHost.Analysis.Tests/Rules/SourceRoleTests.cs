using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Tests.Rules;

public sealed class SourceRoleTests
{
    [Theory]
    [InlineData("src/app/orders.py", SourceRole.Production)]
    [InlineData("crates/core/src/lib.rs", SourceRole.Production)]
    [InlineData("tests/test_orders.py", SourceRole.Test)]
    [InlineData("pkg/conftest.py", SourceRole.Test)]
    [InlineData("app/test_api.py", SourceRole.Test)]
    [InlineData("docs/_ext/autodoc_plugin.py", SourceRole.Docs)]
    [InlineData("crates/core/flags/doc/help.rs", SourceRole.Docs)]
    [InlineData("benches/parse.rs", SourceRole.Bench)]
    [InlineData("tests/benchmarks/complete_schema.py", SourceRole.Bench)]
    [InlineData("examples/multipart-form/src/main.rs", SourceRole.Example)]
    [InlineData("scripts/release.py", SourceRole.Script)]
    [InlineData("setup.py", SourceRole.Script)]
    [InlineData("app/migrations/0001_initial.py", SourceRole.Migration)]
    [InlineData("fuzz/fuzz_targets/glob.rs", SourceRole.Fuzz)]
    [InlineData("build.rs", SourceRole.BuildScript)]
    [InlineData(@"C:\work\proj\examples\demo.py", SourceRole.Example)]
    public void Given_a_path_Then_its_role_is_read_from_its_folders_and_name(string path, SourceRole expected) =>
        Assert.Equal(expected, SourceRoles.Of(path));

    [Fact]
    public void Given_a_finding_in_example_code_When_reported_Then_it_is_low_confidence_and_says_why()
    {
        const string code = "def total(orders):\n    seen = []\n    for o in orders:\n        if o.id not in seen:\n            seen.append(o.id)\n    return seen\n";

        var production = Assert.Single(RuleFixture.Run([RuleCatalog.Find("PY001")!], code, "shop/orders.py"));
        var example = Assert.Single(RuleFixture.Run([RuleCatalog.Find("PY001")!], code, "examples/orders.py"));

        Assert.NotEqual(Confidence.Low, production.Confidence);
        Assert.Equal(Confidence.Low, example.Confidence);
        Assert.Contains(example.Evidence.Facts, f => f.Contains("example code", StringComparison.Ordinal));
    }
}
