using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Reporting;
using SkillHost.Analysis.Tests.Rules;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Review;

/// <summary>A rule that throws costs only its own findings for that file, is reported, and stays with the review it happened in.</summary>
public sealed class RuleFailureTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_a_rule_that_throws_on_one_file_When_reviewed_Then_the_failure_is_reported_and_every_other_finding_kept()
    {
        _temp.Write("boom.py", "# boom\nfor x in xs:\n    slow(x)\n");
        _temp.Write("calm.py", "for x in xs:\n    slow(x)\n");
        var review = new ChecklistReview(RuleFixture.Skill, [.. TestRules.All, new ThrowingRule()]);

        var outcome = new SourceReview(review).Run(["."], _temp.Root);

        var failure = Assert.Single(outcome.RuleFailures);
        Assert.Equal(("PY999", "boom.py"), (failure.RuleId, failure.Path));
        Assert.Contains("InvalidOperationException: boom in boom.py", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["boom.py", "calm.py"], outcome.Findings.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_two_reviews_at_once_on_one_instance_When_only_one_has_a_failing_file_Then_only_that_one_reports_it()
    {
        _temp.Write("a/boom.py", "# boom\nx = 1\n");
        _temp.Write("b/calm.py", "x = 1\n");
        var review = new SourceReview(new ChecklistReview(RuleFixture.Skill, [new ThrowingRule()]));

        // Interleaved many times: with shared state the calm reviews would pick up the other review's failure.
        for (var round = 0; round < 20; round++)
        {
            var failing = Task.Run(() => review.Run(["a"], _temp.Root));
            var calm = Task.Run(() => review.Run(["b"], _temp.Root));
            var outcomes = await Task.WhenAll(failing, calm);

            Assert.Equal("a/boom.py", Assert.Single(outcomes[0].RuleFailures).Path);
            Assert.Empty(outcomes[1].RuleFailures);
        }
    }

    /// <summary>Throws on files that contain "boom"; silent elsewhere.</summary>
    private sealed class ThrowingRule : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new(
            "PY999", "python/test-only", nameof(ThrowingRule), SourceLanguage.Python, "Throws.", "Tests failures.", "", "");

        public override void Analyze(RuleContext context)
        {
            var path = context.Tree.Source.Path ?? "<input>";
            if (context.Tree.Source.Text.Contains("boom", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"boom in {Path.GetFileName(path)}");
            }
        }
    }
}
