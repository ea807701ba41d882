using System.Globalization;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// Snapshots of what each rule says on its fixture, as the text report renders it (location, message, evidence, fix,
/// impact): one golden file per rule, <c>Rules/Golden/{Id}.txt</c>, so a reviewer sees every change of wording or
/// column as a diff. UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public sealed class RuleSnapshotTests
{
    public static TheoryData<string> RuleIds() => [.. RuleCatalog.All.Select(r => r.Descriptor.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Given_a_rule_alone_on_its_fixture_When_its_findings_are_rendered_as_text_Then_they_match_its_snapshot(string id)
    {
        var rule = RuleCatalog.All.Single(r => r.Descriptor.Id == id);

        var rendered = RuleFixture.RenderDiagnostics(rule);

        var flagged = rendered.Split('\n').Where(l => l.StartsWith(id + rule.Descriptor.FileExtension + ":", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(':')[1], CultureInfo.InvariantCulture));
        Assert.Equal(RuleFixture.Check(rule).Expected.Select(e => e.Line).Distinct(), flagged.Distinct().Order());
        GoldenFile.Verify(GoldenFile.SourceFolder(Path.Combine("Rules", "Golden", id + ".txt")), rendered);
    }

    [Fact]
    public void Given_the_snapshot_folder_Then_it_holds_one_file_per_rule_and_nothing_else()
    {
        var expected = RuleCatalog.All.Select(r => r.Descriptor.Id + ".txt").Order(StringComparer.Ordinal);

        var actual = Directory.EnumerateFiles(GoldenFile.SourceFolder(Path.Combine("Rules", "Golden"))).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }
}
