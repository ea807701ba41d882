using SkillHost.Evals.Agents.Cassettes;
using SkillHost.Evals.Tests.Support;

namespace SkillHost.Evals.Tests.Agents;

/// <summary>The shipped cassettes: one per case, each saying how it was made.</summary>
public sealed class CassetteFilesTests
{
    [Fact]
    public void Given_the_cases_When_cassettes_are_loaded_Then_every_case_has_one_labelled_with_its_provenance()
    {
        var store = new CassetteStore(RepoPaths.Cassettes);

        foreach (var evalCase in Bundled.Cases)
        {
            var cassette = store.Load(evalCase.Id);
            Assert.Contains(cassette.Provenance, new[] { Cassette.HandWritten, Cassette.Recorded });
            if (cassette.Provenance == Cassette.HandWritten)
            {
                Assert.StartsWith("Hand-written", cassette.Note, StringComparison.Ordinal);
            }

            Assert.NotEmpty(cassette.Interactions);
            Assert.Equal("stop", cassette.Interactions[^1].Response.FinishReason);
        }

        // No cassette for a case that no longer exists.
        var ids = Bundled.Cases.Select(c => c.Id + ".json").ToHashSet();
        Assert.All(Directory.EnumerateFiles(RepoPaths.Cassettes, "*.json").Select(f => Path.GetFileName(f)), f => Assert.Contains(f, ids));
    }

    [Fact]
    public void Given_a_malformed_cassette_When_loaded_Then_it_is_a_miss_that_says_so()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "example-a.json"), "{ not json");

        var miss = Assert.Throws<CassetteMissException>(() => new CassetteStore(folder.Path).Load("example-a"));

        Assert.Contains("is not a valid cassette", miss.Message, StringComparison.Ordinal);
    }
}
