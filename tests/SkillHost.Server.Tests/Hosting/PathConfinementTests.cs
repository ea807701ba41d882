using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tests.Hosting;

/// <summary>Real paths follow every link, so confinement cannot be escaped through one.</summary>
public sealed class PathConfinementTests : IDisposable
{
    private readonly string _root = PathConfinement.RealPath(Directory.CreateTempSubdirectory("skillhost-paths-").FullName);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Given_a_chain_of_relative_and_absolute_links_Then_the_real_path_is_the_final_target()
    {
        var target = Directory.CreateDirectory(Path.Combine(_root, "target")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_root, "a"), "target");
        Directory.CreateSymbolicLink(Path.Combine(_root, "b"), Path.Combine(_root, "a"));

        Assert.Equal(Path.Combine(target, "file.py"), PathConfinement.RealPath(Path.Combine(_root, "b", "file.py")));
    }

    [Fact]
    public void Given_dot_dot_after_a_link_Then_it_climbs_from_the_links_target_like_the_operating_system()
    {
        var deep = Directory.CreateDirectory(Path.Combine(_root, "x", "y")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_root, "inside"), deep);

        Assert.Equal(Path.Combine(_root, "x", "z"), PathConfinement.RealPath(Path.Combine(_root, "inside", "..", "z")));
    }

    [Fact]
    public void Given_a_link_loop_Then_an_io_error_says_so()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "loop1"), Path.Combine(_root, "loop2"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "loop2"), Path.Combine(_root, "loop1"));

        var error = Assert.Throws<IOException>(() => PathConfinement.RealPath(Path.Combine(_root, "loop1", "f")));
        Assert.Contains("symbolic links", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_link_whose_name_is_not_utf8_Then_the_real_path_follows_it_out_of_the_folder()
    {
        Assert.SkipUnless(SkillHost.Skills.Files.RawFileSystem.IsSupported, "names as bytes need Linux");
        var outside = PathConfinement.RealPath(Directory.CreateTempSubdirectory("skillhost-outside-").FullName);
        try
        {
            // .NET sees neither the name nor the link (it reads the byte 0xFF as U+FFFD): the shell makes both.
            Shell($"ln -s '{outside}' \"$(printf 'esc\\377')\"");
            var link = Path.Combine(_root, "esc" + (char)0xDCFF);

            Assert.Equal(Path.Combine(outside, "secret.py"), PathConfinement.RealPath(Path.Combine(link, "secret.py")));
        }
        finally
        {
            Shell("rm -f \"$(printf 'esc\\377')\"");
            Directory.Delete(outside);
        }
    }

    private void Shell(string command)
    {
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", command]) { WorkingDirectory = _root })!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    [Theory]
    [InlineData("/srv/app", "/srv/app", true)]
    [InlineData("/srv/app/src/x.py", "/srv/app", true)]
    [InlineData("/srv/application", "/srv/app", false)]
    [InlineData("/srv", "/srv/app", false)]
    [InlineData("/etc/passwd", "/", true)]
    public void Given_a_path_and_a_root_Then_within_means_the_root_or_below_it(string path, string root, bool within) =>
        Assert.Equal(within, PathConfinement.IsWithin(path, root));
}
