using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Tests.Reporting;
using SkillHost.Analysis.Tests.Rules;

namespace SkillHost.Analysis.Tests.Review;

/// <summary>Reviewing files on disk: bad inputs are skipped and reported, never fatal; paths are shown relative to the working folder; facts cross files.</summary>
public sealed class SourceReviewTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private ReviewOutcome Review(params string[] paths) =>
        new SourceReview(new ChecklistReview(RuleFixture.Skill, TestRules.All)).Run(paths, _temp.Root);

    [Fact]
    public void Given_a_file_with_NUL_bytes_When_reviewed_Then_it_is_skipped_as_binary_and_the_rest_is_reviewed()
    {
        _temp.Write("blob.py", [0x78, 0x3D, 0x00, 0x01]);
        _temp.Write("ok.py", "for x in xs:\n    slow(x)\n");

        var outcome = Review(".");

        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal(("blob.py", SkipReason.Binary), (skipped.Path, skipped.Reason));
        Assert.Contains("NUL byte at offset 2", skipped.Detail, StringComparison.Ordinal);
        Assert.Equal(["ok.py"], outcome.Files);
        Assert.Single(outcome.Findings);
    }

    [Fact]
    public void Given_a_file_the_parser_fails_on_When_reviewed_Then_it_is_skipped_as_not_parsed_and_the_rest_is_reviewed()
    {
        _temp.Write("broken.py", "for x in xs:\n    slow(x)\n");
        _temp.Write("ok.py", "for x in xs:\n    slow(x)\n");
        SyntaxParsers.InjectedFailure.Value = text => text.Path?.EndsWith("broken.py", StringComparison.Ordinal) == true
            ? new ArgumentOutOfRangeException("index", "Index was out of range.")
            : null;
        try
        {
            var outcome = Review(".");

            var skipped = Assert.Single(outcome.Skipped);
            Assert.Equal(("broken.py", SkipReason.ParserFailed), (skipped.Path, skipped.Reason));
            Assert.Contains("ArgumentOutOfRangeException", skipped.Detail, StringComparison.Ordinal);
            Assert.Contains("SkillHost bug", skipped.Detail, StringComparison.Ordinal);
            Assert.Equal(["ok.py"], outcome.Files);
            Assert.Single(outcome.Findings);
        }
        finally
        {
            SyntaxParsers.InjectedFailure.Value = null;
        }
    }

    [Fact]
    public void Given_a_file_over_10_MB_When_reviewed_Then_it_is_skipped_as_too_large_without_being_read()
    {
        using (var huge = File.Create(Path.Combine(_temp.Root, "huge.py")))
        {
            huge.SetLength(SourceFileReader.DefaultMaxBytes + 1);
        }

        _temp.Write("small.py", "x = 1\n");

        var outcome = Review(".");

        var skipped = Assert.Single(outcome.Skipped);
        Assert.Equal(("huge.py", SkipReason.TooLarge), (skipped.Path, skipped.Reason));
        Assert.Contains("over the 10 MB limit", skipped.Detail, StringComparison.Ordinal);
        Assert.Equal(["small.py"], outcome.Files);
    }

    [Fact]
    public void Given_a_file_of_exactly_the_limit_When_read_Then_it_is_not_too_large()
    {
        var path = _temp.Write("edge.py", new string('x', 16));

        var (bytes, reason, _) = SourceFileReader.Read(path, maxBytes: 16);

        Assert.Null(reason);
        Assert.Equal(16, bytes!.Length);
        Assert.Equal(SkipReason.TooLarge, SourceFileReader.Read(path, maxBytes: 15).Reason);
    }

    [Fact]
    public void Given_a_dangling_link_When_reviewed_Then_it_is_skipped_as_unreadable_whether_walked_or_named()
    {
        File.CreateSymbolicLink(Path.Combine(_temp.Root, "broken.py"), Path.Combine(_temp.Root, "missing-target.py"));
        _temp.Write("fine.rs", "fn main() {}\n");

        var walked = Review(".");
        var named = Review("broken.py");

        Assert.Equal(("broken.py", SkipReason.Unreadable), (walked.Skipped.Single().Path, walked.Skipped.Single().Reason));
        Assert.Equal(["fine.rs"], walked.Files);
        Assert.Equal(SkipReason.Unreadable, Assert.Single(named.Skipped).Reason);
        Assert.Empty(named.Files);
    }

    [Fact]
    public void Given_an_explicit_file_that_is_neither_python_nor_rust_When_reviewed_Then_it_is_skipped_with_that_reason()
    {
        _temp.Write("notes.txt", "(nothing to see)\n");

        var outcome = Review("notes.txt");

        Assert.Equal(SkipReason.UnsupportedLanguage, Assert.Single(outcome.Skipped).Reason);
    }

    [Fact]
    public void Given_an_explicit_script_with_a_python_shebang_When_reviewed_Then_it_is_reviewed_as_python()
    {
        _temp.Write("tool", "#!/usr/bin/env python3\nfor x in xs:\n    slow(x)\n");

        var outcome = Review("tool");

        Assert.Equal(["tool"], outcome.Files);
        Assert.Equal("TST001", Assert.Single(outcome.Findings).Rule.Id);
    }

    [Fact]
    public void Given_files_inside_and_outside_the_working_folder_When_reviewed_Then_paths_are_relative_inside_and_absolute_outside()
    {
        using var elsewhere = new TempFolder();
        var outside = elsewhere.Write("far.py", "x = 1\n");
        _temp.Write("sub/near.py", "x = 1\n");

        var outcome = Review("sub", outside);

        Assert.Equal([outside.Replace('\\', '/'), "sub/near.py"], outcome.Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_a_function_called_from_a_loop_in_another_file_When_reviewed_together_Then_the_evidence_crosses_files()
    {
        _temp.Write("lib.py", "def helper(x):\n    return slow(x)\n");
        _temp.Write("main.py", "from lib import helper\nfor row in rows:\n    helper(row)\n");

        var finding = Assert.Single(Review(".").Findings);

        Assert.Equal(("lib.py", 2, 12), (finding.Path, finding.Start.Line, finding.Start.Column));
        Assert.True(finding.Evidence.PerItemFunction);
        // Resolved through `from lib import helper` to lib.py's own def: evidence, so not demoted.
        Assert.True(finding.Evidence.PerItemResolved);
        Assert.NotEqual(Confidence.Low, finding.Confidence);
        Assert.Contains(finding.Evidence.Facts, f => f.Contains("called from a loop at main.py:3 (resolved", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_loop_that_calls_a_method_of_the_same_name_on_some_other_value_When_reviewed_Then_the_function_is_not_per_item_evidence()
    {
        _temp.Write("lib.py", "def helper(x):\n    return slow(x)\n");
        _temp.Write("main.py", "def run(rows, other):\n    for row in rows:\n        other.helper(row)\n");

        var finding = Assert.Single(Review(".").Findings, f => f.Path == "lib.py");

        // `other.helper(…)` says nothing about lib.py's `helper`: matched by name only, so low.
        Assert.False(finding.Evidence.PerItemResolved);
        Assert.Equal(Confidence.Low, finding.Confidence);
    }

    [Fact]
    public void Given_many_files_When_reviewed_in_parallel_Then_the_outcome_is_the_same_every_time()
    {
        for (var i = 0; i < 40; i++)
        {
            _temp.Write($"m{i:00}.py", $"for x in xs:\n    slow(x)\n{new string('\n', i)}slow({i})\n");
        }

        var first = Review(".");
        var second = Review(".");

        Assert.Equal(80, first.Findings.Count);
        Assert.Equal(40, first.FilesWithFindings);
        Assert.Equal(first.Findings.Select(f => (f.Path, f.Start)), second.Findings.Select(f => (f.Path, f.Start)));
    }
}
