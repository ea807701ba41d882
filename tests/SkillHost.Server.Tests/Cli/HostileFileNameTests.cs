using System.Diagnostics;
using System.Text.Json;

namespace SkillHost.Server.Tests.Cli;

/// <summary>
/// <c>skillhost review</c> over real files whose names try to break its output: a line break that would print a
/// fake finding for a CI problem matcher, ESC and bidi controls, and names that are not UTF-8 (which .NET alone
/// cannot open). Every finding stays one line with its name escaped; JSON and SARIF carry the name as data.
/// </summary>
public static class HostileFileNameTests
{
    private const string Injected = "fake.py:1:1: PY999 injected finding\nx.py";
    private const string Slow = "for x in xs:\n    slow(x)\n";

    private static string[] Lines(string output) => output.ReplaceLineEndings("\n").Split('\n');

    /// <summary>No character of the output is a control or bidi character but the line feeds between lines.</summary>
    private static void AssertPrintable(string output) =>
        Assert.DoesNotContain(output.ReplaceLineEndings("\n"), c => c != '\n' && SkillHost.Analysis.Text.PrintableText.NeedsEscape(c));

    /// <summary>Creates <paramref name="printfName"/> (a printf format: <c>\377</c> is the byte 0xFF) below <paramref name="root"/> with the shell, bytes as they are.</summary>
    private static void CreateWithShell(string root, string printfName, string text)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = root, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("name=\"$(printf \"$1\")\"; mkdir -p \"$(dirname \"$name\")\"; cat > \"$name\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(printfName);
        using var shell = Process.Start(start)!;
        shell.StandardInput.Write(text);
        shell.StandardInput.Close();
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    public sealed class ControlCharacters : IDisposable
    {
        private readonly ReviewCliHarness _cli = new();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_a_name_holding_a_fake_finding_line_When_reviewed_as_text_Then_the_finding_is_one_line_with_the_line_break_escaped()
        {
            _cli.Write(Injected, Slow);

            var (exitCode, output, error) = _cli.Run(".", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Empty(error);
            var lines = Lines(output);
            Assert.StartsWith("fake.py:1:1: PY999 injected finding\\nx.py:2:5: TST001 ", lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.StartsWith("x.py", StringComparison.Ordinal) || l == "fake.py:1:1: PY999 injected finding");
            AssertPrintable(output);
        }

        [Theory]
        [InlineData("text")]
        [InlineData("markdown")]
        public void Given_names_with_ESC_tab_and_bidi_controls_When_reviewed_Then_the_output_holds_none_of_them(string format)
        {
            _cli.Write("red\u001b[31m.py", Slow);
            _cli.Write("tab\tand\rcr.py", Slow);
            _cli.Write("evil\u202egnp.py", Slow);
            _cli.Write("line\u2028sep`x`.py", Slow);

            var (_, output, error) = _cli.Run(".", "--format", format);

            Assert.Empty(error);
            AssertPrintable(output);
            Assert.Contains("red\\x1b[31m.py", output, StringComparison.Ordinal);
            Assert.Contains("tab\\tand\\rcr.py", output, StringComparison.Ordinal);
            Assert.Contains("evil\\u202egnp.py", output, StringComparison.Ordinal);
            Assert.Contains("line\\u2028sep`x`.py", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_name_with_a_backtick_When_reviewed_as_markdown_Then_its_code_span_is_fenced_longer()
        {
            _cli.Write("a`b.py", Slow);

            var (_, output, _) = _cli.Run(".", "--format", "markdown");

            Assert.Contains("``a`b.py``", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_name_holding_a_line_break_When_reviewed_as_json_Then_the_serializer_escapes_it_and_the_name_reads_back_whole()
        {
            _cli.Write(Injected, Slow);

            var (_, output, _) = _cli.Run(".", "--format", "json");

            AssertPrintable(output.Replace("\n", "", StringComparison.Ordinal));
            var finding = JsonDocument.Parse(output).RootElement.GetProperty("findings")[0];
            Assert.Equal(Injected, finding.GetProperty("path").GetString());
        }

        [Fact]
        public void Given_a_name_holding_a_line_break_When_reviewed_as_sarif_Then_its_uri_is_percent_encoded()
        {
            _cli.Write("sub/" + Injected, Slow);

            var (_, output, _) = _cli.Run(".", "--format", "sarif");

            AssertPrintable(output.Replace("\n", "", StringComparison.Ordinal));
            var uri = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results")[0]
                .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
            Assert.Equal("sub/fake.py%3A1%3A1%3A%20PY999%20injected%20finding%0Ax.py", uri);
        }

        [Fact]
        public void Given_a_skipped_file_with_a_line_break_in_its_name_When_reviewed_Then_the_warning_on_stderr_is_one_line()
        {
            _cli.Write("ok.py", Slow);
            _cli.Write("bin\nary.py", [0x61, 0x00]);

            var (_, _, error) = _cli.Run(".", "--format", "text");

            Assert.Equal("warning: skipped bin\\nary.py: binary: holds a NUL byte at offset 1, so it is not source text", error.Trim());
        }
    }

    /// <summary>Names that are not UTF-8: .NET lists each bad byte as U+FFFD, a name that opens nothing.</summary>
    public sealed class NotUtf8 : IDisposable
    {
        private readonly ReviewCliHarness _cli = new();

        // Directory.Delete cannot delete what it cannot name: the shell can.
        public void Dispose()
        {
            using var rm = Process.Start("rm", ["-rf", "--", _cli.Root]);
            rm.WaitForExit();
            _cli.Dispose();
        }

        [Fact]
        public void Given_a_file_whose_name_is_not_utf8_When_its_folder_is_reviewed_Then_it_is_read_and_named_with_a_hex_escape()
        {
            CreateWithShell(_cli.Root, "src/a\\377b.py", Slow);
            CreateWithShell(_cli.Root, "src/caf\\303\\251.py", Slow); // valid UTF-8 (café) beside it: unchanged

            var (exitCode, output, error) = _cli.Run("src", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Empty(error);
            Assert.Contains(Lines(output), l => l.StartsWith("src/a\\xffb.py:2:5: TST001 ", StringComparison.Ordinal));
            Assert.Contains(Lines(output), l => l.StartsWith("src/café.py:2:5: TST001 ", StringComparison.Ordinal));
            Assert.Contains("(2 files reviewed)", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_folder_whose_name_is_not_utf8_When_walked_Then_the_files_in_it_are_reviewed()
        {
            CreateWithShell(_cli.Root, "pkg\\376/mod.py", Slow);

            var (exitCode, output, _) = _cli.Run(".", "--format", "json");

            Assert.Equal(1, exitCode);
            Assert.Equal("pkg\\xfe/mod.py", JsonDocument.Parse(output).RootElement.GetProperty("findings")[0].GetProperty("path").GetString());
        }

        [Fact]
        public void Given_a_name_that_is_not_utf8_on_the_command_line_When_reviewed_Then_the_file_it_stands_for_is_found()
        {
            CreateWithShell(_cli.Root, "x\\377.py", Slow);

            // What .NET passes on for the argument x<0xFF>.py: the bad byte as U+FFFD.
            var (exitCode, output, error) = _cli.Run("x\uFFFD.py", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Empty(error);
            Assert.StartsWith("x\\xff.py:2:5: TST001 ", output, StringComparison.Ordinal);
        }
    }

    /// <summary><c>--format diff</c> names a file as git does, so the patch applies to a file named with a line break.</summary>
    public sealed class Patch : IDisposable
    {
        private readonly ReviewCliHarness _cli = new() { Catalogue = SkillHost.Analysis.Rules.RuleCatalog.All };

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_fixable_code_in_a_file_named_with_a_line_break_When_reviewed_as_a_diff_Then_the_header_is_quoted_and_git_applies_it()
        {
            _cli.Write("jobs/po\nll.py", "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n");

            var (_, output, _) = _cli.Run("jobs", "--format", "diff");

            Assert.StartsWith("--- \"a/jobs/po\\nll.py\"\n+++ \"b/jobs/po\\nll.py\"\n@@ ", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(_cli.Root, "fix.patch"), output);
            var start = new ProcessStartInfo("git", ["apply", "fix.patch"]) { WorkingDirectory = _cli.Root, RedirectStandardError = true, UseShellExecute = false };
            using var git = Process.Start(start)!;
            var gitError = git.StandardError.ReadToEnd();
            git.WaitForExit();
            Assert.True(git.ExitCode == 0, gitError);
            Assert.Contains("await asyncio.sleep(0.1)", File.ReadAllText(Path.Combine(_cli.Root, "jobs", "po\nll.py")), StringComparison.Ordinal);
        }
    }
}
