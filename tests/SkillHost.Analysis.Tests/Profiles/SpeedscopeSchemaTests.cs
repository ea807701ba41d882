using SkillHost.Analysis.Tests.Review;
using SkillHost.Testing;

namespace SkillHost.Analysis.Tests.Profiles;

/// <summary>
/// The hand-written speedscope fixtures are checked against the schema speedscope publishes (the copy its npm package
/// ships, tests/clients/validate-speedscope.cjs with ajv, installed by ./run-tests.sh), so the reader is tested on the
/// format as specified, not as we imagined it.
/// </summary>
public sealed class SpeedscopeSchemaTests
{
    private static readonly string Clients = RepoPaths.Combine("tests", "clients");

    private static async Task<(int ExitCode, string Output)> ValidateAsync(string file)
    {
        Assert.True(Directory.Exists(Path.Combine(Clients, "node_modules", "speedscope")),
            $"speedscope's schema is not installed under {Clients}. Run ./run-tests.sh (it runs 'npm ci' in tests/clients) or 'cd tests/clients && npm ci'.");
        return await ProcessRunner.RunAsync("node", [Path.Combine(Clients, "validate-speedscope.cjs"), file], Clients, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("dedupe.speedscope.json")]
    [InlineData("evented.speedscope.json")]
    public async Task Given_a_speedscope_fixture_When_validated_against_speedscopes_schema_Then_it_is_valid(string name)
    {
        var (exit, output) = await ValidateAsync(GoldenFile.SourceFolder(Path.Combine("Profiles", "Fixtures", name)));

        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Given_a_frame_whose_name_is_not_a_string_When_validated_Then_the_schema_rejects_it()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", """{"$schema": "https://www.speedscope.app/file-format-schema.json", "shared": {"frames": [{"name": 3}]}, "profiles": []}""");

        var (exit, output) = await ValidateAsync(file);

        Assert.Equal(1, exit);
        Assert.Contains("should be string", output, StringComparison.Ordinal);
    }
}
