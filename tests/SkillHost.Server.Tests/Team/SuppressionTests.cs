namespace SkillHost.Server.Tests.Team;

/// <summary>Inline suppressions in a temporary git repository: both comment syntaxes, ids and slugs, noqa, ignore-file, unused ones.</summary>
public sealed class SuppressionTests : IDisposable
{
    private readonly TempGitRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Given_python_and_rust_suppressions_at_line_end_and_above_When_reviewed_Then_only_the_unsuppressed_findings_are_left()
    {
        _repo.Write("app.py", """
            def a(xs):
                for x in xs:
                    slow(x)  # skillhost: ignore[TST001] -- measured: xs has 3 items
                for x in xs:
                    # skillhost: ignore[python/test-slow-call]
                    slow(x)
                for x in xs:
                    slow(x)
            """);
        _repo.Write("lib.rs", """
            fn f(v: &[String]) {
                for s in v {
                    let _ = s.clone(); // skillhost: ignore[TST002]
                }
                for s in v {
                    // skillhost: ignore[rust/test-clone-in-loop] -- cheap Arc
                    let _ = s.clone();
                }
                for s in v {
                    let _ = s.clone();
                }
            }
            """);

        Assert.Equal(["app.py:8 TST001", "lib.rs:10 TST002"], _repo.Findings(".").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_several_ids_a_bare_ignore_and_a_noqa_When_reviewed_Then_each_silences_its_line()
    {
        _repo.Write("app.py", """
            def a(xs, v):
                for x in xs:
                    slow(x)  # skillhost: ignore[TST002, TST001]
                for x in xs:
                    slow(x)  # skillhost: ignore
                for x in xs:
                    slow(x)  # noqa: TST001
                for x in xs:
                    slow(x)  # noqa: E501
                for x in xs:
                    slow(x)  # skillhost: ignore[TST002]
            """);

        Assert.Equal(["app.py:9 TST001", "app.py:11 TST001"], _repo.Findings("."));
    }

    [Fact]
    public void Given_the_directive_inside_a_string_When_reviewed_Then_it_suppresses_nothing()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        slow(x, \"# skillhost: ignore\")\n");
        _repo.Write("lib.rs", "fn f(v: &[String]) {\n    for s in v {\n        let _ = (s.clone(), \"// skillhost: ignore\");\n    }\n}\n");

        Assert.Equal(["app.py:3 TST001", "lib.rs:3 TST002"], _repo.Findings(".").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_ignore_file_in_the_first_comment_block_When_reviewed_Then_the_file_reports_nothing_of_that_rule()
    {
        _repo.Write("gen.py", "#!/usr/bin/env python3\n# skillhost: ignore-file[TST001] -- generated\n\ndef a(xs):\n    for x in xs:\n        slow(x)\n");
        _repo.Write("gen.rs", "//! Generated.\n// skillhost: ignore-file[TST002]\nfn f(v: &[String]) {\n    for s in v {\n        let _ = s.clone();\n    }\n}\n");
        _repo.Write("late.py", "def a(xs):\n    for x in xs:\n        slow(x)\n# skillhost: ignore-file[TST001]\n");

        Assert.Equal(["late.py:3 TST001"], _repo.Findings("."));
    }

    [Fact]
    public void Given_suppressions_that_silence_nothing_When_unused_ones_are_reported_Then_each_is_listed_and_the_review_exits_1()
    {
        _repo.Write("app.py", "def a(xs):\n    for x in xs:\n        fast(x)  # skillhost: ignore[TST001]\n# skillhost: ignore-file[TST001]\nx = 1  # noqa: TST001\n");

        var (exitCode, _, error) = _repo.Review(".", "--format", "text", "--report-unused-ignores");
        var (plainExit, _, plainError) = _repo.Review(".", "--format", "text");

        Assert.Equal(1, exitCode);
        Assert.Contains("app.py:3:18: unused suppression 'skillhost: ignore[TST001]'", error, StringComparison.Ordinal);
        Assert.Contains("app.py:4:1: unused suppression 'skillhost: ignore-file[TST001]' (ignore-file is honoured only in the file's first comment block)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("noqa", error, StringComparison.Ordinal);
        Assert.Equal(0, plainExit);
        Assert.DoesNotContain("unused", plainError, StringComparison.Ordinal);
    }
}
