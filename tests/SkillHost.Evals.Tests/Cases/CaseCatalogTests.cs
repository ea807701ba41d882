using SkillHost.Evals.Cases;
using SkillHost.Evals.Tests.Support;
using SkillHost.Skills;

namespace SkillHost.Evals.Tests.Cases;

public sealed class CaseCatalogTests
{
    [Fact]
    public void Given_the_bundled_skill_When_cases_load_Then_its_examples_come_first_with_their_code_from_SKILL_md()
    {
        var examples = Bundled.Skill.Examples;

        Assert.True(examples.Length >= 3);
        foreach (var example in examples)
        {
            var evalCase = Bundled.Case(CaseCatalog.ExampleCaseId(example));
            Assert.Equal(example.Inputs.Select(b => b.Code), evalCase.Files.Select(f => f.Content));
            Assert.Equal($"SKILL.md example {example.Id}", evalCase.Origin);
            Assert.Contains(example.FixCode.Select(b => b.Slug).OfType<string>().First(), evalCase.Assertions.Slugs);
        }

        Assert.Equal(["example-a", "example-b", "example-c"], Bundled.Cases.Take(3).Select(c => c.Id));
        Assert.Equal(CaseLanguage.PyO3, Bundled.Case("example-c").Assertions.Language);
        Assert.Equal(CaseLanguage.Rust, Bundled.Case("example-b").Assertions.Language);
    }

    [Fact]
    public void Given_the_case_files_When_read_Then_no_example_code_is_copied_into_them()
    {
        var caseFiles = Directory.EnumerateFiles(RepoPaths.Cases, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();

        foreach (var block in Bundled.Skill.Examples.SelectMany(e => e.Inputs.Concat(e.FixCode)))
        {
            var firstLine = block.Code.Split('\n').First(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#') && !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
            Assert.DoesNotContain(caseFiles, text => text.Contains(firstLine.Trim(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Given_evals_json_When_loaded_Then_it_has_at_least_nine_own_cases_across_python_rust_and_pyo3()
    {
        var own = Bundled.Cases.Where(c => c.Origin == CaseCatalog.EvalsFileName).ToList();

        Assert.True(own.Count >= 9, $"{own.Count} cases");
        Assert.All([CaseLanguage.Python, CaseLanguage.Rust, CaseLanguage.PyO3], l => Assert.Contains(own, c => c.Assertions.Language == l));
        // Each expected slug is one of the skill's checklist slugs.
        var slugs = Bundled.Skill.Checklist!.AllItems.Select(i => i.Slug).ToHashSet();
        Assert.All(own.SelectMany(c => c.Assertions.Slugs), s => Assert.Contains(s, slugs));
        Assert.All(own, c => Assert.NotEmpty(c.Files));
    }

    [Theory]
    [InlineData("""{"evals": [{"id": "Bad Id", "prompt": "p"}]}""", "id 'Bad Id' must be lower-case")]
    [InlineData("""{"evals": [{"id": "x", "prompt": "p"}]}""", "assertions are missing")]
    [InlineData("""{"evals": [{"id": "x", "prompt": "p", "files": ["../outside.py"], "assertions": {"language": "python", "slugs": ["python/quadratic"], "fix_includes_any": ["set"]}}]}""", "outside the cases folder")]
    [InlineData("""{"evals": [{"id": "x", "prompt": "p", "files": ["missing.py"], "assertions": {"language": "python", "slugs": ["python/quadratic"], "fix_includes_any": ["set"]}}]}""", "file 'missing.py' not found")]
    [InlineData("""{"evals": [{"id": "x", "prompt": "p", "assertions": {"language": "cobol", "slugs": ["a"], "fix_includes_any": ["b"]}}]}""", "must be python, rust or pyo3")]
    [InlineData("""{"evals": [{"id": "example-a", "prompt": "p", "files": ["f.py"], "assertions": {"language": "python", "slugs": ["a"], "fix_includes_any": ["b"]}}]}""", "case id 'example-a' is used twice")]
    [InlineData("""{"evals": [ oops""", "not valid JSON")]
    [InlineData("""{"evals": [{"id": "x", "prompt": "p", "files": ["f.py"], "source": {"repository": "encode/httpx", "commit": "main", "path": "a.py"}, "assertions": {"language": "python", "slugs": ["a"], "fix_includes_any": ["b"]}}]}""", "source.commit 'main' must be the full 40-hex-digit commit")]
    [InlineData("""{"evals": [{"id": "x", "prompt": "p", "files": ["f.py"], "measure": {"harness": "f.py", "size": 0}, "assertions": {"language": "python", "slugs": ["a"], "fix_includes_any": ["b"]}}]}""", "measure.size must be a positive number")]
    [InlineData("""{"evals": [{"id": "x", "prompt": "p", "files": ["f.py"], "measure": {"harness": "f.py", "size": 10, "metric": "cpu"}, "assertions": {"language": "python", "slugs": ["a"], "fix_includes_any": ["b"]}}]}""", "measure.metric 'cpu' must be time or memory")]
    public void Given_a_bad_evals_json_When_loaded_Then_the_error_says_what_to_fix(string json, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, CaseCatalog.EvalsFileName), json);
        File.WriteAllText(Path.Combine(folder.Path, "f.py"), "x = 1\n");

        var error = Assert.Throws<CaseFileException>(() => CaseCatalog.Load(folder.Path, Bundled.Skill));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_skill_with_another_example_When_loaded_Then_the_case_follows_the_skill()
    {
        var text = File.ReadAllText(RepoPaths.SkillFile) + """

            ### Example D — Sorting inside a loop

            ```python
            def top(items, keys):
                return [sorted(items)[0] for key in keys]
            ```

            **Issue:** `sorted` runs once per key.

            **Fix:** sort once before the loop.

            ```python
            # GOOD [python/alloc-in-loop]: sort once
            def top(items, keys):
                first = min(items)
                return [first for key in keys]
            ```

            **Expected impact:** O(K·N log N) becomes O(N + K).

            **Tradeoff:** none.
            """;
        var skill = SkillParser.Parse(text, RepoPaths.Skill);

        var cases = CaseCatalog.Load(RepoPaths.Cases, skill);

        var d = Assert.Single(cases, c => c.Id == "example-d");
        Assert.Equal(["python/alloc-in-loop"], d.Assertions.Slugs);
        Assert.Equal(["sorted"], d.Assertions.IssueKeywords);
        Assert.Contains("return [sorted(items)[0] for key in keys]", d.Files[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_evals_json_When_loaded_Then_at_least_eight_cases_are_cut_from_pinned_calibration_repositories()
    {
        var pins = File.ReadAllLines(Path.Combine(RepoPaths.Root, "calibration", "repos.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var real = Bundled.Cases.Where(c => c.Source is not null).ToList();

        // Each names a repository of the calibration corpus at the commit the corpus pins, and what must not be flagged.
        Assert.All(real, c => Assert.Equal(pins[c.Source!.Repository], c.Source.Commit));
        Assert.All(real, c => Assert.NotEmpty(c.Assertions.MustNotFlag));
        Assert.All(real, c => Assert.Contains(c.Source!.Commit, c.Files[0].Content, StringComparison.Ordinal));
        Assert.True(real.Count >= 3, $"{real.Count} real-code cases");
    }
}
