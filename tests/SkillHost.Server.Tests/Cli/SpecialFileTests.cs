using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Cli;

/// <summary>
/// Named pipes and devices given to <c>review</c> and <c>classify</c>: opening a pipe waited for a writer for ever and
/// /dev/urandom was reported as "empty". Each run has a deadline, so a regression fails instead of hanging the suite.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly ReviewCliHarness _cli = new() { Catalogue = SkillHost.Analysis.Rules.RuleCatalog.All };

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("text")]
    [InlineData("diff")]
    public async Task Given_a_named_pipe_When_reviewed_by_name_Then_it_exits_2_with_one_line_naming_it(string format)
    {
        await MakeFifoAsync("pipe.py");

        var (exitCode, output, error) = await RunAsync(() => _cli.Run("pipe.py", "--format", format));

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal("error: 'pipe.py': it is a named pipe (FIFO): reading it would wait for a writer\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Given_a_device_When_reviewed_by_name_Then_it_is_refused_as_a_device_not_reported_empty()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "statx is asked on Linux only");
        var (exitCode, _, error) = await RunAsync(() => _cli.Run("/dev/urandom"));

        Assert.Equal(2, exitCode);
        Assert.Equal("error: '/dev/urandom': it is a character device: reading it may never end\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Given_a_folder_holding_a_py_named_pipe_When_reviewed_Then_the_pipe_is_skipped_with_the_reason_and_the_rest_is_reviewed()
    {
        _cli.Write("src/real.py", "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n");
        await MakeFifoAsync("src/pipe.py");

        var (exitCode, output, error) = await RunAsync(() => _cli.Run("src", "--format", "text"));

        Assert.Equal(1, exitCode);
        Assert.Contains("src/real.py", output, StringComparison.Ordinal);
        Assert.Contains("warning: skipped src/pipe.py: not a regular file: it is a named pipe (FIFO)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_named_pipe_When_classified_Then_it_exits_2_naming_it()
    {
        var pipe = await MakeFifoAsync("pipe.py");

        var (exitCode, _, error) = await RunAsync(() => CliHarness.Run("classify", pipe));

        Assert.Equal(2, exitCode);
        Assert.Contains("it is a named pipe (FIFO)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_gitignore_that_is_a_named_pipe_When_a_folder_is_reviewed_Then_the_walk_does_not_wait_on_it()
    {
        _cli.Write("src/real.py", "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n");
        await MakeFifoAsync("src/.gitignore");

        var (exitCode, output, _) = await RunAsync(() => _cli.Run("src", "--format", "text"));

        Assert.Equal(1, exitCode);
        Assert.Contains("src/real.py", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_skill_whose_SKILL_md_is_a_named_pipe_When_a_review_uses_it_Then_it_is_refused_with_the_reason()
    {
        _cli.Write("code.py", "x = 1\n");
        await MakeFifoAsync("skill/SKILL.md");

        var (exitCode, _, error) = await RunAsync(() => _cli.Run("code.py", "--skill", Path.Combine(_cli.Root, "skill")));

        Assert.Equal(2, exitCode);
        Assert.Contains("named pipe", error, StringComparison.Ordinal);
    }

    private async Task<string> MakeFifoAsync(string relative)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes and statx are Linux here");
        var path = Path.Combine(_cli.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var (code, text) = await ProcessRunner.RunAsync("mkfifo", [path], _cli.Root, Deadline, TestContext.Current.CancellationToken);
        Assert.True(code == 0, text);
        return path;
    }

    private static Task<(int ExitCode, string Out, string Error)> RunAsync(Func<(int, string, string)> run) =>
        Task.Run(run, TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);
}
