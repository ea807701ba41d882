using System.Text.RegularExpressions;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Skills;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// Runs rules on code and compares what they report with what the code says it should. A fixture
/// (<c>Rules/Fixtures/PY001.py</c>) has its flagged cases first and its <c># OK</c> cases after; every
/// line that must be flagged ends with a marker comment <c># expect: PY001</c> (Rust: <c>// expect: RS001</c>),
/// several ids separated by commas. The rule under test runs alone.
/// </summary>
internal static partial class RuleFixture
{
    private static readonly Lazy<SkillKnowledge> SkillValue = new(() =>
        new SkillKnowledge(SkillParser.ParseFile(RepoPaths.Combine("skill", "performance-optimization", SkillParser.SkillFileName))));

    /// <summary>The bundled skill, parsed once.</summary>
    public static SkillKnowledge Skill => SkillValue.Value;

    public static string FixturePath(string fileName) => RepoPaths.Combine("tests", "SkillHost.Analysis.Tests", "Rules", "Fixtures", fileName);

    /// <summary>A rule's fixture, named from its descriptor: <c>Fixtures/{Id}{FileExtension}</c> (PY001.py, RS001.rs, PYO005.py).</summary>
    public static string FixturePath(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return FixturePath(rule.Id + rule.FileExtension);
    }

    /// <summary>Companion files of a rule's fixture, reviewed with it (<c>PYO005_native.rs</c>): <c>{Id}_*</c> in the fixtures folder.</summary>
    public static IReadOnlyList<string> CompanionPaths(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return [.. Directory.EnumerateFiles(Path.GetDirectoryName(FixturePath(rule))!, rule.Id + "_*").Order(StringComparer.Ordinal)];
    }

    /// <summary>Parses <paramref name="code"/> as <paramref name="path"/> and runs the given rules over it (plus <paramref name="others"/> as extra files of the same review).</summary>
    public static IReadOnlyList<Finding> Run(IReadOnlyList<Rule> rules, string code, string path, params (string Code, string Path)[] others)
    {
        var trees = new[] { (code, path) }.Concat(others)
            .Select(f => SyntaxParsers.Parse(SourceText.From(f.Item1, f.Item2), f.Item2) ?? throw new InvalidOperationException("unknown language: " + f.Item2))
            .ToList();
        return new ChecklistReview(Skill, rules).Review(trees).Where(f => f.Path == path).ToList();
    }

    /// <summary>The (line, id) pairs the fixture's markers expect, and the ones the rule reported.</summary>
    /// <summary>The rule's own fixture (<see cref="FixturePath(RuleDescriptor)"/>), reviewed together with its companions.</summary>
    public static (SortedSet<(int Line, string Id)> Expected, SortedSet<(int Line, string Id)> Actual) Check(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var path = FixturePath(rule.Descriptor);
        var companions = CompanionPaths(rule.Descriptor).Select(p => (File.ReadAllText(p), p)).ToArray();
        return Check(rule, path, companions);
    }

    /// <summary>As <see cref="Check(Rule)"/>, on another fixture file and without companions.</summary>
    public static (SortedSet<(int Line, string Id)> Expected, SortedSet<(int Line, string Id)> Actual) Check(Rule rule, string fixtureFile) =>
        Check(rule, FixturePath(fixtureFile), []);

    /// <summary>Each finding the rule reports on its fixture (with its companions, by file name), rendered as the text report does: line:column, message, evidence, fix, impact.</summary>
    public static string RenderDiagnostics(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var path = FixturePath(rule.Descriptor);
        var name = Path.GetFileName(path);
        var companions = CompanionPaths(rule.Descriptor).Select(p => (File.ReadAllText(p), Path.GetFileName(p))).ToArray();
        var findings = Run([rule], File.ReadAllText(path), name, companions).OrderBy(f => f.Span.Start).ThenBy(f => f.Span.Length).ToList();
        using var w = new StringWriter();
        foreach (var finding in findings)
        {
            TextReportRenderer.WriteFinding(finding, w);
            w.WriteLine();
        }

        return w.ToString();
    }

    private static (SortedSet<(int Line, string Id)> Expected, SortedSet<(int Line, string Id)> Actual) Check(Rule rule, string path, (string Code, string Path)[] companions)
    {
        var code = File.ReadAllText(path);
        var expected = new SortedSet<(int, string)>();
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = ExpectMarker().Match(lines[i]);
            if (marker.Success)
            {
                foreach (var id in marker.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    expected.Add((i + 1, id));
                }
            }
        }

        var actual = new SortedSet<(int, string)>(Run([rule], code, path, companions).Select(f => (f.Start.Line, f.Rule.Id)));
        return (expected, actual);
    }

    [GeneratedRegex(@"(?:#|//)\s*expect:\s*([A-Z0-9, ]+)\s*$")]
    private static partial Regex ExpectMarker();
}
