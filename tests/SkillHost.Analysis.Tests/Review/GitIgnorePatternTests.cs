using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Tests.Review;

/// <summary>git's gitignore semantics (gitignore(5)), one case per row: pattern, path below the .gitignore's folder, is it a folder, match?</summary>
public sealed class GitIgnorePatternTests
{
    [Theory]
    // A name without a slash matches at any depth, files and folders alike.
    [InlineData("foo.py", "foo.py", false, true)]
    [InlineData("foo.py", "a/b/foo.py", false, true)]
    [InlineData("foo.py", "a/foo.py.bak", false, false)]
    [InlineData("gen", "src/gen", true, true)]
    // * and ? stop at slashes.
    [InlineData("*.py", "a/b/c.py", false, true)]
    [InlineData("*.py", "c.pyi", false, false)]
    [InlineData("*.py", ".py", false, true)]
    [InlineData("*.un~", "notes.un~", false, true)]
    [InlineData("*.un~", "notes.un~x", false, false)]
    [InlineData("*", "anything.rs", false, true)]
    [InlineData("/versions", "versions", true, true)]
    [InlineData("/versions", "versions/3.11/lib", true, false)]
    [InlineData(".idea", "deep/in/.idea", true, true)]
    [InlineData("a.b", "axb", false, false)]
    [InlineData("te?t.py", "test.py", false, true)]
    [InlineData("te?t.py", "teest.py", false, false)]
    [InlineData("a/*.py", "a/b/c.py", false, false)]
    [InlineData("a/*.py", "a/c.py", false, true)]
    // A leading or middle slash anchors the pattern to the .gitignore's folder.
    [InlineData("/foo.py", "foo.py", false, true)]
    [InlineData("/foo.py", "sub/foo.py", false, false)]
    [InlineData("doc/frotz", "doc/frotz", true, true)]
    [InlineData("doc/frotz", "a/doc/frotz", true, false)]
    // A trailing slash matches folders only (and stays unanchored when it is the only slash).
    [InlineData("out/", "out", true, true)]
    [InlineData("out/", "out", false, false)]
    [InlineData("out/", "deep/out", true, true)]
    // ** spans folders: leading, trailing and in the middle; elsewhere it is a plain *.
    [InlineData("**/foo", "foo", false, true)]
    [InlineData("**/foo", "a/b/foo", true, true)]
    [InlineData("**/foo/bar", "x/foo/bar", false, true)]
    [InlineData("abc/**", "abc/x/y.py", false, true)]
    [InlineData("abc/**", "abc", true, false)]
    [InlineData("a/**/b", "a/b", false, true)]
    [InlineData("a/**/b", "a/x/y/b", false, true)]
    [InlineData("a/**/b", "a/x/c", false, false)]
    [InlineData("a**b.py", "axxb.py", false, true)]
    // Bracket classes, negated with ! or ^; an unclosed [ is literal.
    [InlineData("file[0-9].py", "file7.py", false, true)]
    [InlineData("file[0-9].py", "filex.py", false, false)]
    [InlineData("file[!0-9].py", "filex.py", false, true)]
    [InlineData("file[^0-9].py", "file7.py", false, false)]
    [InlineData("x[.py", "x[.py", false, true)]
    // Backslash escapes: a literal # or ! at the start, a kept trailing space, a literal *.
    [InlineData("\\#notes.py", "#notes.py", false, true)]
    [InlineData("\\!bang.py", "!bang.py", false, true)]
    [InlineData("space\\ ", "space ", false, true)]
    [InlineData("star\\*.py", "star*.py", false, true)]
    [InlineData("star\\*.py", "starx.py", false, false)]
    // Trailing blanks (and a CR from CRLF files) are not part of the pattern.
    [InlineData("trail.py   ", "trail.py", false, true)]
    [InlineData("crlf.py\r", "crlf.py", false, true)]
    // Case matters, as with core.ignorecase=false.
    [InlineData("Foo.py", "foo.py", false, false)]
    public void Given_a_pattern_When_matched_against_a_path_Then_it_follows_git(string pattern, string path, bool isDirectory, bool expected)
    {
        var parsed = GitIgnorePattern.Parse(pattern);

        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.Matches(path, isDirectory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    [InlineData("/")]
    [InlineData("!")]
    public void Given_a_blank_comment_or_empty_line_When_parsed_Then_it_is_no_pattern(string line) =>
        Assert.Null(GitIgnorePattern.Parse(line));

    [Fact]
    public void Given_a_bang_When_parsed_Then_the_pattern_is_negated_and_matches_without_the_bang()
    {
        var parsed = GitIgnorePattern.Parse("!keep.py")!;

        Assert.True(parsed.IsNegated);
        Assert.True(parsed.Matches("keep.py", isDirectory: false));
    }

    [Fact]
    public void Given_later_patterns_in_one_file_When_judging_Then_the_last_match_wins()
    {
        var file = new GitIgnoreFile("/r", ["*.py", "!keep.py", "keep.py"]);

        Assert.True(file.Verdict("/r/keep.py", isDirectory: false));
        Assert.Equal(false, new GitIgnoreFile("/r", ["*.py", "!keep.py"]).Verdict("/r/a/keep.py", isDirectory: false));
        Assert.Null(file.Verdict("/r/x.rs", isDirectory: false));
        Assert.Null(file.Verdict("/elsewhere/x.py", isDirectory: false));
    }
}
