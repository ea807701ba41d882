namespace SkillHost.Server.Tests.Team;

/// <summary>Baselines that survive moved lines, and reviews limited to the lines a change touched, in a temporary git repository.</summary>
public sealed class BaselineAndDiffTests : IDisposable
{
    private readonly TempGitRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Given_a_baseline_When_lines_are_inserted_above_the_findings_Then_they_still_match_and_only_a_new_one_is_reported()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n\n\ndef b(xs):\n    for x in xs:\n        slow(x)\n");
        var (writeExit, _, writeError) = _repo.Review(".", "--format", "text", "--write-baseline", "baseline.json");
        Assert.Equal(1, writeExit);
        Assert.Contains("wrote a baseline of 2 finding(s)", writeError, StringComparison.Ordinal);

        _repo.Write("app.py", "import os\n\n\n# moved down\ndef a(xs):\n    total = 0\n    for x in xs:\n        slow(x)\n\n\ndef b(xs):\n    for x in xs:\n        slow(x)\n\n\ndef c(xs):\n    for x in xs:\n        slow(x)\n");

        Assert.Equal(["app.py:18 TST001"], _repo.Findings(".", "--baseline", "baseline.json"));
        var (_, _, error) = _repo.Review(".", "--format", "text", "--baseline", "baseline.json");
        Assert.Contains("baseline: 1 new, 2 known (not shown), 0 fixed since it was written", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_baseline_When_a_finding_is_fixed_Then_the_summary_lists_it_as_fixed_and_the_review_is_clean()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n\n\ndef b(xs):\n    for x in xs:\n        slow(x)\n");
        _repo.Review(".", "--format", "text", "--write-baseline", "baseline.json");
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n\n\ndef b(xs):\n    fast(xs)\n");

        var (exitCode, output, error) = _repo.Review(".", "--format", "text", "--baseline", "baseline.json");

        Assert.Equal(0, exitCode);
        Assert.Contains("Found 0 findings", output, StringComparison.Ordinal);
        Assert.Contains("baseline: 0 new, 1 known (not shown), 1 fixed since it was written", error, StringComparison.Ordinal);
        Assert.Contains("  fixed: app.py:8: TST001 `slow` runs per item (in b)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_same_finding_moved_to_another_function_When_compared_with_the_baseline_Then_it_is_new()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n");
        _repo.Review(".", "--format", "text", "--write-baseline", "baseline.json");
        _repo.Write("app.py", "def renamed(xs):\n    for x in xs:\n        slow(x)\n");

        Assert.Equal(["app.py:3 TST001"], _repo.Findings(".", "--baseline", "baseline.json"));
    }

    [Fact]
    public void Given_committed_findings_and_new_edits_When_reviewed_with_diff_HEAD_Then_only_findings_on_changed_or_untracked_lines_are_reported()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n");
        _repo.Write("lib.rs", "fn f(v: &[String]) {\n    for s in v {\n        let _ = s.clone();\n    }\n}\n");
        _repo.CommitAll();
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x)\n\n\ndef b(ys):\n    for y in ys:\n        slow(y)\n");
        _repo.Write("new.py", "def c(zs):\n    for z in zs:\n        slow(z)\n");

        Assert.Equal(["app.py:3 TST001", "app.py:8 TST001", "lib.rs:3 TST002", "new.py:3 TST001"], _repo.Findings(".").Order(StringComparer.Ordinal));
        Assert.Equal(["app.py:8 TST001", "new.py:3 TST001"], _repo.Findings(".", "--diff", "HEAD").Order(StringComparer.Ordinal));
        _repo.CommitAll();
        Assert.Empty(_repo.Findings(".", "--diff", "HEAD"));
        Assert.Equal(["app.py:8 TST001", "new.py:3 TST001"], _repo.Findings(".", "--diff", "HEAD~1").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_an_unknown_ref_or_no_repository_When_reviewed_with_diff_Then_it_exits_2_saying_why()
    {
        _repo.Write("app.py", "x = 1\n");
        var (badRef, _, badRefError) = _repo.Review(".", "--diff", "no-such-branch");

        using var outside = new Cli.ReviewCliHarness();
        outside.Write("app.py", "x = 1\n");
        var insideRepository = IsInsideRepository(outside.Root);
        var (noRepo, _, noRepoError) = outside.Run(".", "--diff", "HEAD");

        Assert.Equal(2, badRef);
        Assert.Contains("git diff no-such-branch failed", badRefError, StringComparison.Ordinal);
        if (!insideRepository)
        {
            Assert.Equal(2, noRepo);
            Assert.Contains("--diff needs a git repository", noRepoError, StringComparison.Ordinal);
        }
    }

    // The temp folder itself could lie inside a repository on some machines; the message is only checked where it does not.
    private static bool IsInsideRepository(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (Path.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }
}
