using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;

namespace SkillHost.Server.Tools;

/// <summary>Findings as a page carries them: the lists that grow with loop depth (facts, an estimate's basis) cut to a readable length.</summary>
internal static class FindingPages
{
    // A finding inside hundreds of nested loops would otherwise carry hundreds of facts; the CLI's JSON keeps them all.
    private const int MaxListed = 12;

    public static JsonFinding Trimmed(JsonFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var facts = finding.Evidence.Facts;
        var basis = finding.Estimate?.Passes.Basis ?? [];
        if (facts.Count <= MaxListed && basis.Count <= MaxListed)
        {
            return finding;
        }

        return finding with
        {
            Evidence = finding.Evidence with { Facts = Cut(facts) },
            Estimate = finding.Estimate is { } e ? e with { Passes = e.Passes with { Basis = Cut(basis) } } : null,
        };
    }

    private static IReadOnlyList<string> Cut(IReadOnlyList<string> items) =>
        items.Count <= MaxListed ? items : [.. items.Take(MaxListed - 1), $"… and {items.Count - MaxListed + 1} more (the CLI's --format json lists them all)"];
}
