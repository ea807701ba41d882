using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Tests.Review;

/// <summary>Which files a review of folders covers: source extensions, .gitignore files (own, nested, parents up to the repository root), excluded folders, links.</summary>
public sealed class SourceDiscoveryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private List<string> Discover(params string[] paths) =>
        [.. SourceDiscovery.Discover(paths, _temp.Root).Files.Select(f => Path.GetRelativePath(_temp.Root, f).Replace('\\', '/'))];

    [Fact]
    public void Given_a_folder_When_walked_Then_only_python_and_rust_sources_are_found_sorted()
    {
        foreach (var file in new[] { "b.py", "a.rs", "stubs.pyi", "sub/c.py", "README.md", "data.json", "script" })
        {
            _temp.Write(file, "x = 1\n");
        }

        Assert.Equal(["a.rs", "b.py", "stubs.pyi", "sub/c.py"], Discover("."));
    }

    [Fact]
    public void Given_build_output_and_vendored_folders_When_walked_Then_they_are_skipped_at_any_depth()
    {
        foreach (var folder in new[] { "target", "bin", "obj", "node_modules", ".venv", "venv", "__pycache__", ".git", "build", "dist", "site-packages" })
        {
            _temp.Write($"{folder}/x.py", "x = 1\n");
            _temp.Write($"pkg/{folder}/y.rs", "fn f() {}\n");
        }

        _temp.Write("pkg/kept.py", "x = 1\n");
        _temp.Write("pkg/binary_search.py", "x = 1\n");

        Assert.Equal(["pkg/binary_search.py", "pkg/kept.py"], Discover("."));
    }

    [Fact]
    public void Given_an_excluded_folder_named_as_the_root_When_walked_Then_it_is_reviewed_because_the_user_asked()
    {
        _temp.Write("build/gen.py", "x = 1\n");
        _temp.Write("build/target/skip.rs", "fn f() {}\n");

        Assert.Equal(["build/gen.py"], Discover("build"));
    }

    [Fact]
    public void Given_a_gitignore_in_the_walked_folder_When_walked_Then_its_patterns_and_negations_apply()
    {
        _temp.Write(".gitignore", "*_pb2.py\n!keep_pb2.py\ngenerated/\n/rooted.py\n");
        _temp.Write("a_pb2.py", "");
        _temp.Write("keep_pb2.py", "");
        _temp.Write("generated/x.py", "");
        _temp.Write("sub/generated/y.py", "");
        _temp.Write("rooted.py", "");
        _temp.Write("sub/rooted.py", "");
        _temp.Write("main.py", "");

        Assert.Equal(["keep_pb2.py", "main.py", "sub/rooted.py"], Discover("."));
    }

    [Fact]
    public void Given_a_nested_gitignore_When_walked_Then_it_overrides_the_outer_one_below_its_folder_only()
    {
        _temp.Write(".gitignore", "*.rs\n");
        _temp.Write("inner/.gitignore", "!*.rs\nlocal.py\n");
        _temp.Write("outer.rs", "");
        _temp.Write("local.py", "");
        _temp.Write("inner/kept.rs", "");
        _temp.Write("inner/local.py", "");
        _temp.Write("inner/deeper/local.py", "");

        Assert.Equal(["inner/kept.rs", "local.py"], Discover("."));
    }

    [Fact]
    public void Given_a_file_inside_an_ignored_folder_When_a_pattern_re_includes_it_Then_it_stays_ignored_as_in_git()
    {
        _temp.Write(".gitignore", "vendor/\n!vendor/mine.py\n");
        _temp.Write("vendor/mine.py", "");
        _temp.Write("app.py", "");

        Assert.Equal(["app.py"], Discover("."));
    }

    [Fact]
    public void Given_a_subfolder_of_a_repository_When_walked_Then_gitignores_of_its_parents_up_to_the_root_apply()
    {
        _temp.InitRepository("repo");
        _temp.Write("repo/.gitignore", "/src/pkg/gen_*.py\n*.tmp.py\n");
        _temp.Write("repo/src/.gitignore", "legacy/\n");
        _temp.Write("repo/src/pkg/gen_a.py", "");
        _temp.Write("repo/src/pkg/x.tmp.py", "");
        _temp.Write("repo/src/pkg/legacy/old.py", "");
        _temp.Write("repo/src/pkg/real.py", "");

        Assert.Equal(["repo/src/pkg/real.py"], Discover("repo/src/pkg"));
    }

    [Fact]
    public void Given_a_repository_When_walked_Then_info_exclude_applies_too()
    {
        _temp.InitRepository();
        _temp.Write(".git/info/exclude", "scratch.py\n");
        _temp.Write("scratch.py", "");
        _temp.Write("app.py", "");

        Assert.Equal(["app.py"], Discover("."));
    }

    [Fact]
    public void Given_a_gitignore_above_a_folder_that_is_no_repository_When_walked_Then_it_is_not_consulted()
    {
        _temp.Write(".gitignore", "*.py\n");
        _temp.Write("project/app.py", "");

        Assert.Equal(["project/app.py"], Discover("project"));
    }

    [Fact]
    public void Given_an_ignored_file_named_explicitly_When_discovered_Then_it_is_reviewed_as_ruff_does()
    {
        _temp.Write(".gitignore", "*.py\n");
        _temp.Write("ignored.py", "");

        Assert.Equal(["ignored.py"], Discover("ignored.py"));
    }

    [Fact]
    public void Given_overlapping_paths_When_discovered_Then_each_file_appears_once()
    {
        _temp.Write("src/a.py", "");

        Assert.Equal(["src/a.py"], Discover("src", "src/a.py", "./src/"));
    }

    [Fact]
    public void Given_a_link_to_a_folder_inside_the_tree_When_walked_Then_it_is_not_followed_so_a_cycle_cannot_loop()
    {
        _temp.Write("real/a.py", "");
        Directory.CreateSymbolicLink(Path.Combine(_temp.Root, "real", "loop"), _temp.Root);
        Directory.CreateSymbolicLink(Path.Combine(_temp.Root, "alias"), Path.Combine(_temp.Root, "real"));

        Assert.Equal(["real/a.py"], Discover("."));
    }

    [Fact]
    public void Given_a_folder_named_like_a_source_file_When_walked_Then_it_is_walked_as_a_folder()
    {
        _temp.Write("odd.py/inner.py", "");

        Assert.Equal(["odd.py/inner.py"], Discover("."));
    }

    [Fact]
    public void Given_paths_that_do_not_exist_When_checked_Then_they_are_listed_but_a_dangling_link_is_not_missing()
    {
        File.CreateSymbolicLink(Path.Combine(_temp.Root, "dangling.py"), Path.Combine(_temp.Root, "nowhere.py"));
        _temp.Write("here.py", "");

        Assert.Equal(["nope.py", "gone/"], SourceDiscovery.Missing(["here.py", "nope.py", "dangling.py", "gone/"], _temp.Root));
    }

    [Fact]
    public void Given_empty_or_malformed_paths_When_checked_Then_they_count_as_missing_instead_of_throwing() =>
        Assert.Equal(["", "  ", "a\0b.py"], SourceDiscovery.Missing(["", "  ", "a\0b.py"], _temp.Root));
}
