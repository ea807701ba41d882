using SkillHost.Evals.Cases;
using SkillHost.Evals.Measuring;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Tests.Measuring;

/// <summary>How a report's patch sketch becomes runnable code (no code is run here: timing belongs to the eval run).</summary>
public sealed class PatchedCodeTests
{
    private const string Python = "def f(xs):\n    total = sum([x * 2 for x in xs])\n    return total\n\n\ndef g():\n    return 1\n";

    private static PatchCode Block(string language, string code, bool before = false, bool after = false) =>
        new(CaseCatalog.ParseLanguage(language), language, code, before ? "" : code) { LabelledAfter = after };

    [Fact]
    public void Given_a_before_block_and_an_after_block_When_applied_Then_the_lines_are_replaced()
    {
        var (code, note) = PatchedCode.Apply(Python, [Block("python", "    total = sum([x * 2 for x in xs])\n", before: true), Block("python", "    total = sum(x * 2 for x in xs)\n", after: true)], CaseLanguage.Python);

        Assert.Equal(Python.Replace("sum([x * 2 for x in xs])", "sum(x * 2 for x in xs)", StringComparison.Ordinal), code);
        Assert.Contains("before/after pair", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_before_block_then_a_pattern_from_elsewhere_When_applied_Then_nothing_runs()
    {
        var (code, note) = PatchedCode.Apply(Python, [Block("python", "    total = sum([x * 2 for x in xs])\n", before: true), Block("python", "def unrelated(rows):\n    return sum(r for r in rows)\n")], CaseLanguage.Python);

        Assert.Null(code);
        Assert.Contains("holds no change to this file's code", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_diff_When_applied_Then_its_hunk_replaces_the_old_lines()
    {
        var diff = "@@ -1,3 +1,3 @@\n def f(xs):\n-    total = sum([x * 2 for x in xs])\n+    total = sum(x * 2 for x in xs)\n";

        var (code, _) = PatchedCode.Apply(Python, [new PatchCode(CaseLanguage.Python, "diff", diff, " def f(xs):\n    total = sum(x * 2 for x in xs)\n")], CaseLanguage.Python);

        Assert.Contains("sum(x * 2 for x in xs)", code, StringComparison.Ordinal);
        Assert.Contains("def g():", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_rust_function_the_file_defines_When_applied_Then_only_that_function_is_replaced()
    {
        const string rust = "struct S;\n\nimpl S {\n    pub fn hex(b: &[u8]) -> String {\n        b.iter().fold(String::new(), |acc, b| acc + &format!(\"{b:02x}\"))\n    }\n\n    fn keep(&self) {}\n}\n";
        const string patch = "pub fn hex(b: &[u8]) -> String {\n    let mut out = String::with_capacity(b.len() * 2);\n    for x in b {\n        out.push_str(\"{}\");\n    }\n    out\n}\n";

        var (code, note) = PatchedCode.Apply(rust, [Block("rust", patch)], CaseLanguage.Rust);

        Assert.NotNull(code);
        Assert.Contains("        let mut out = String::with_capacity(b.len() * 2);", code, StringComparison.Ordinal);
        Assert.DoesNotContain("fold(", code, StringComparison.Ordinal);
        Assert.Contains("    fn keep(&self) {}\n}", code, StringComparison.Ordinal);
        Assert.Contains("function `hex` replaced", note, StringComparison.Ordinal);
    }
}
