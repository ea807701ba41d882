using System.Text;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Rules;

namespace SkillHost.Analysis.Tests.Review;

/// <summary>
/// The shapes that once made a review quadratic (tests/Benchmarks/scaling/generate.py has them at full size), at a size
/// where a quadratic path takes minutes and a linear one well under a second. Each is reviewed by every rule under a
/// generous per-file budget: the test fails by its outcome — the file skipped as over budget — never by a timing assert.
/// </summary>
public sealed class LinearTimeTests : IDisposable
{
    // The CLI's default: over ten times what these take on a loaded two-core machine (under 0.5 s); the quadratic
    // paths took from 20 s to minutes at these sizes.
    private static readonly TimeSpan Budget = SourceReviewOptions.DefaultFileBudget;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Shapes() => new()
    {
        { "unclosed_parens.py", "x = " + new string('(', 100_000) + "\n" },
        { "unclosed_subscripts.py", "x = " + new string('[', 100_000) + "\n" },
        { "nested_unclosed_calls.py", "x = " + Repeat("f(", 100_000) + "\n" },
        { "call_chain.py", "x = a" + Repeat(".b()", 100_000) + "\n" },
        { "call_chain.rs", "fn f() {\n    let x = a" + Repeat(".b()", 100_000) + ";\n}\n" },
        { "impl_methods.rs", "pub struct S { k: u32 }\n\nimpl S {\n" + Methods(10_000) + "}\n" },
        { "nested_closures.rs", NestedClosures(2_000) },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Given_a_pathological_shape_When_reviewed_under_a_budget_Then_it_is_reviewed_not_skipped(string name, string code)
    {
        _temp.Write(name, code);
        var review = new SourceReview(new ChecklistReview(RuleFixture.Skill, RuleCatalog.All));

        var outcome = review.Run([name], _temp.Root, new SourceReviewOptions { FileBudget = Budget });

        Assert.Empty(outcome.Skipped);
        Assert.Equal([name], outcome.Files);
        Assert.Empty(outcome.RuleFailures);
    }

    [Fact]
    public void Given_many_small_public_methods_in_one_impl_When_reviewed_Then_each_gets_its_finding()
    {
        _temp.Write("lib.rs", "pub struct S { k: u32 }\n\nimpl S {\n" + Methods(10_000) + "}\n");
        var review = new SourceReview(new ChecklistReview(RuleFixture.Skill, RuleCatalog.All));

        var outcome = review.Run(["lib.rs"], _temp.Root, new SourceReviewOptions { FileBudget = Budget });

        Assert.Equal(10_000, outcome.Findings.Count(f => f.Rule.Id == "RS008"));
    }

    private static string Repeat(string part, int count) => new StringBuilder(part.Length * count).Insert(0, part, count).ToString();

    private static string Methods(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("    pub fn m").Append(i).Append("(&self, v: u32) -> u32 {\n        let y = v + 1;\n        self.k(y) * 2\n    }\n");
        }

        return text.ToString();
    }

    private static string NestedClosures(int depth)
    {
        var text = new StringBuilder("fn f() {\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append("let c").Append(i).Append(" = move |v").Append(i).Append(": u64| {\n")
                .Append("let w").Append(i).Append(" = v").Append(i).Append(".iter().map(|x| x + 1).count();\n");
        }

        for (var i = depth - 1; i >= 0; i--)
        {
            text.Append('w').Append(i).Append("\n};\n");
        }

        return text.Append("}\n").ToString();
    }
}
