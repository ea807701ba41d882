using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>Edits as rules hand them over: applied in any order, checked for overlap, placed by line and column.</summary>
public sealed class SourceEditTests
{
    private static SourceEdit Edit(int start, int length, string newText, string text) =>
        new(new TextSpan(start, length), default, default, text.Substring(start, length), newText);

    [Fact]
    public void Given_edits_in_any_order_When_applied_Then_each_replaces_its_own_span()
    {
        const string text = "sum([x for x in xs])";

        var result = SourceEdit.Apply(text, [Edit(18, 1, "", text), Edit(4, 1, "", text), Edit(0, 3, "max", text)]);

        Assert.Equal("max(x for x in xs)", result);
    }

    [Fact]
    public void Given_an_offset_When_applied_to_an_excerpt_Then_file_spans_land_in_the_excerpt()
    {
        const string file = "a = 1\nb = sum([y])\n";

        Assert.Equal("b = sum(y)", SourceEdit.Apply(file[6..18], [Edit(14, 1, "", file), Edit(16, 1, "", file)], offset: 6));
    }

    [Fact]
    public void Given_overlapping_edits_When_applied_Then_it_refuses_them()
    {
        const string text = "abcdef";

        var error = Assert.Throws<ArgumentException>(() => SourceEdit.Apply(text, [Edit(1, 3, "X", text), Edit(2, 1, "Y", text)]));

        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reports one finding on every call, with the edits it is given.</summary>
    private sealed class EditingRule(Func<CallNode, Replacement[]> edits) : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new(
            "TST100", "python/test-edit", "EditingRule", SourceLanguage.Python,
            WhatItDoes: "Test.", WhyBad: "Test.", Example: "f()", UseInstead: "g()", CostOperation: null);

        public override void Analyze(RuleContext context)
        {
            foreach (var call in context.Tree.All<CallNode>())
            {
                context.Report(call, "m", "fix", Confidence.Low, "impact", edits: edits(call));
            }
        }
    }

    [Fact]
    public void Given_a_rule_edit_When_reported_Then_it_carries_its_positions_and_the_text_it_replaces()
    {
        var findings = RuleFixture.Run([new EditingRule(c => [new Replacement(c.CalleeSpan, "g")])], "x = 1\ny = foo(x)\n", "app.py");

        var edit = Assert.Single(Assert.Single(findings).Edits);
        Assert.Equal((new LinePosition(2, 5), new LinePosition(2, 8), "foo", "g"), (edit.Start, edit.End, edit.OldText, edit.NewText));
    }

    [Theory]
    [InlineData(0, 3, 1, 3)]      // overlapping
    [InlineData(0, 3, 100, 1)]    // past the end of the file
    public void Given_rule_edits_that_overlap_or_leave_the_file_When_reported_Then_the_finding_stands_without_them(int start1, int length1, int start2, int length2)
    {
        var findings = RuleFixture.Run([new EditingRule(_ => [new Replacement(new TextSpan(start1, length1), "a"), new Replacement(new TextSpan(start2, length2), "b")])], "foo(1)\n", "app.py");

        Assert.Empty(Assert.Single(findings).Edits);
    }
}
