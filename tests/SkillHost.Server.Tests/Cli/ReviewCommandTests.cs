using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Cli;

/// <summary><c>skillhost review</c>: exit codes as ruff's, rule selection, output formats and files, bad inputs.</summary>
public static class ReviewCommandTests
{
    private static string[] RuleIds(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct().Order(StringComparer.Ordinal)];

    public sealed class ExitCodes : IDisposable
    {
        private readonly ReviewCliHarness _cli = new();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_code_without_findings_When_reviewed_Then_it_exits_0_with_the_summary()
        {
            _cli.Write("clean.py", "x = 1\n");

            var (exitCode, output, error) = _cli.Run(".", "--format", "text");

            Assert.Equal(0, exitCode);
            Assert.Equal("Found 0 findings in 0 files (1 file reviewed)", output.Trim());
            Assert.Empty(error);
        }

        [Fact]
        public void Given_code_with_findings_When_reviewed_Then_it_exits_1_and_prints_ruff_like_lines()
        {
            _cli.WriteProject();

            var (exitCode, output, _) = _cli.Run("src", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Contains("src/app.py:2:5: TST001 [python/test-slow-call] `slow` runs per item", output, StringComparison.Ordinal);
            Assert.Contains("src/lib.rs:3:17: TST002 [rust/test-clone-in-loop] `clone` runs per item", output, StringComparison.Ordinal);
            Assert.Contains("Found 2 findings in 2 files (3 files reviewed)", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_missing_path_When_reviewed_Then_it_exits_2_naming_it_and_reviews_nothing()
        {
            _cli.WriteProject();

            var (exitCode, output, error) = _cli.Run("src", "nope.py");

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains("no such file or folder: 'nope.py'", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_an_empty_path_When_reviewed_Then_it_exits_2()
        {
            var (exitCode, _, error) = _cli.Run("");

            Assert.Equal(2, exitCode);
            Assert.Contains("no such file or folder: ''", error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--format", "xml", ".")]
        [InlineData("--select")]
        public void Given_a_usage_error_When_parsed_Then_it_exits_2(params string[] args)
        {
            var (exitCode, output, error) = _cli.Run(args);

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.StartsWith("error:", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_no_path_When_parsed_Then_it_exits_2()
        {
            var (exitCode, _, error) = _cli.Run();

            Assert.Equal(2, exitCode);
            Assert.Contains("PATH", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_skill_path_that_does_not_exist_When_reviewed_Then_it_exits_2()
        {
            _cli.WriteProject();

            var (exitCode, _, error) = _cli.Run("src", "--skill", Path.Combine(_cli.Root, "no-skill"));

            Assert.Equal(2, exitCode);
            Assert.Contains("does not exist", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_binary_huge_and_unreadable_files_When_reviewed_Then_they_are_warned_about_on_stderr_and_do_not_change_the_exit_code()
        {
            _cli.Write("ok.py", "x = 1\n");
            _cli.Write("blob.py", [0x00]);
            using (var huge = File.Create(Path.Combine(_cli.Root, "huge.rs")))
            {
                huge.SetLength(10 * 1024 * 1024 + 1);
            }

            File.CreateSymbolicLink(Path.Combine(_cli.Root, "dangling.py"), Path.Combine(_cli.Root, "gone.py"));

            var (exitCode, output, error) = _cli.Run(".", "--format", "text");

            Assert.Equal(0, exitCode);
            Assert.Contains("warning: skipped blob.py: binary", error, StringComparison.Ordinal);
            Assert.Contains("warning: skipped huge.rs: too large", error, StringComparison.Ordinal);
            Assert.Contains("warning: skipped dangling.py: unreadable", error, StringComparison.Ordinal);
            Assert.Contains("(1 file reviewed)", output, StringComparison.Ordinal);
            Assert.Contains("Skipped 3 files", output, StringComparison.Ordinal);
        }
    }

    public sealed class Selection : IDisposable
    {
        private readonly ReviewCliHarness _cli = new();

        public Selection() => _cli.WriteProject();

        public void Dispose() => _cli.Dispose();

        [Theory]
        [InlineData(new[] { "--select", "TST001" }, new[] { "TST001" })]
        [InlineData(new[] { "--select", "rust/test-clone-in-loop" }, new[] { "TST002" })]
        [InlineData(new[] { "--select", "python" }, new[] { "TST001" })]
        [InlineData(new[] { "--select", "TST00" }, new[] { "TST001", "TST002" })]
        [InlineData(new[] { "--select", "CloneInLoop" }, new[] { "TST002" })]
        [InlineData(new[] { "--select", "TST001,TST002" }, new[] { "TST001", "TST002" })]
        [InlineData(new[] { "--select", "TST001", "--select", "rust" }, new[] { "TST001", "TST002" })]
        [InlineData(new[] { "--ignore", "TST001" }, new[] { "TST002" })]
        [InlineData(new[] { "--select", "TST", "--ignore", "rust" }, new[] { "TST001" })]
        [InlineData(new[] { "--select", "python", "--ignore", "python/test-slow-call" }, new string[0])]
        public void Given_select_and_ignore_When_reviewed_Then_exactly_the_chosen_rules_report(string[] options, string[] expected)
        {
            var (exitCode, output, error) = _cli.Run(["src", "--format", "json", .. options]);

            Assert.Equal(expected, RuleIds(output));
            Assert.Equal(expected.Length > 0 ? 1 : 0, exitCode);
            Assert.Empty(error);
        }

        [Theory]
        [InlineData("--select", "PY999")]
        [InlineData("--ignore", "python/nope")]
        [InlineData("--select", "TST001,bogus")]
        public void Given_an_unknown_selector_When_reviewed_Then_it_exits_2_listing_the_valid_rules(string option, string value)
        {
            var (exitCode, output, error) = _cli.Run("src", option, value);

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains("unknown rule selector", error, StringComparison.Ordinal);
            Assert.Contains($"'{value.Split(',')[^1]}'", error, StringComparison.Ordinal);
            foreach (var listed in new[] { "TST001", "python/test-slow-call", "TST002", "rust/test-clone-in-loop", "TST010", "pyo3/test-gil" })
            {
                Assert.Contains(listed, error, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Given_a_narrow_selection_When_rendered_as_sarif_Then_the_driver_still_lists_every_rule()
        {
            var (_, output, _) = _cli.Run("src", "--format", "sarif", "--select", "TST002");

            var run = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0];
            Assert.Equal(["TST001", "TST002", "TST010"], run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            Assert.Equal("TST002", Assert.Single(run.GetProperty("results").EnumerateArray()).GetProperty("ruleId").GetString());
        }
    }

    public sealed class Output : IDisposable
    {
        private readonly ReviewCliHarness _cli = new();

        public Output() => _cli.WriteProject();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_an_output_file_When_reviewed_Then_the_report_goes_there_and_stdout_stays_empty()
        {
            var (exitCode, output, _) = _cli.Run("src", "--format", "json", "--output", "report.json");

            Assert.Equal(1, exitCode);
            Assert.Empty(output);
            Assert.Equal(["TST001", "TST002"], RuleIds(File.ReadAllText(Path.Combine(_cli.Root, "report.json"))));
        }

        [Theory]
        [InlineData("missing-folder/report.txt")]
        [InlineData("src")]
        public void Given_an_output_path_that_cannot_be_written_When_reviewed_Then_it_exits_2(string path)
        {
            var (exitCode, output, error) = _cli.Run("src", "-o", path);

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains($"cannot write the report to '{path}'", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_the_bundled_skill_When_reviewed_Then_impacts_cite_its_cost_table()
        {
            var (_, output, _) = _cli.Run("src/app.py", "--format", "text");

            Assert.Contains("estimate: if ", output, StringComparison.Ordinal);
            Assert.Contains("has 1,000 items: 1,000 × 50–100 ns", output, StringComparison.Ordinal);
            Assert.Contains("Python function call overhead (50-100 ns)", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_assume_n_When_reviewed_Then_the_assumed_counts_use_it()
        {
            var (_, output, _) = _cli.Run("src/app.py", "--format", "text", "--assume-n", "20");

            Assert.Contains("has 20 items: 20 × 50–100 ns", output, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-3")]
        [InlineData("1e9")]
        public void Given_an_absurd_assume_n_When_reviewed_Then_it_exits_2_saying_the_range(string n)
        {
            var (exitCode, _, error) = _cli.Run("src/app.py", "--assume-n", n);

            Assert.Equal(2, exitCode);
            Assert.Contains("from 1 to 1,000,000", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_another_skill_When_reviewed_with_skill_Then_its_cost_tables_price_the_findings()
        {
            _cli.Write("other-skill/SKILL.md", """
                ---
                name: other-skill
                description: A skill without the figures the test rules cite.
                ---
                # Other

                | Operation | Cost |
                |---|---|
                | Python function call overhead | 1-2 ns |
                """);

            var (exitCode, output, _) = _cli.Run("src/app.py", "--skill", "other-skill", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Contains("1,000 × 1–2 ns", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_skill_without_report_parts_When_the_five_part_report_is_asked_Then_it_exits_2_suggesting_the_findings_formats()
        {
            _cli.Write("bare-skill/SKILL.md", "---\nname: bare-skill\ndescription: No report parts. Use in tests.\n---\n# Bare\n");

            var (exitCode, output, error) = _cli.Run("src/app.py", "--skill", "bare-skill");

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains("names 0 report parts", error, StringComparison.Ordinal);
            Assert.Contains("--format text, json or sarif", error, StringComparison.Ordinal);
        }
    }

    /// <summary><c>--format diff</c> with the real rules, in a working folder.</summary>
    public sealed class Fixes : IDisposable
    {
        private const string Code = "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n";

        private readonly ReviewCliHarness _cli = new() { Catalogue = SkillHost.Analysis.Rules.RuleCatalog.All };

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_fixable_code_When_reviewed_with_the_diff_format_Then_it_prints_a_minimal_patch_exits_1_and_leaves_the_file_alone()
        {
            _cli.Write("jobs/poll.py", Code);

            var (exitCode, output, error) = _cli.Run("jobs", "--format", "diff");

            Assert.Equal(1, exitCode);
            Assert.Empty(error);
            Assert.Equal(
                "--- a/jobs/poll.py\n+++ b/jobs/poll.py\n@@ -1,6 +1,7 @@\n+import asyncio\n import time\n \n \n async def poll(ids):\n     for i in ids:\n-        time.sleep(0.1)\n+        await asyncio.sleep(0.1)\n"
                + "# 1 of 1 findings fixed mechanically, in 1 file(s); apply with: git apply FILE (or patch -p1 < FILE)\n",
                output.ReplaceLineEndings("\n"));
            Assert.Equal(Code, File.ReadAllText(Path.Combine(_cli.Root, "jobs", "poll.py")));
        }

        [Fact]
        public void Given_the_diff_format_and_an_output_file_When_reviewed_Then_the_patch_goes_to_the_file()
        {
            _cli.Write("poll.py", Code);

            var (exitCode, output, _) = _cli.Run("poll.py", "--format", "diff", "-o", "fix.patch");

            Assert.Equal(1, exitCode);
            Assert.Empty(output);
            Assert.StartsWith("--- a/poll.py\n+++ b/poll.py\n@@ -1,6 +1,7 @@\n", File.ReadAllText(Path.Combine(_cli.Root, "fix.patch")), StringComparison.Ordinal);
        }

        private const string Fixed = "import asyncio\nimport time\n\n\nasync def poll(ids):\n    for i in ids:\n        await asyncio.sleep(0.1)\n";

        [Fact]
        public void Given_fixable_code_When_reviewed_with_fix_Then_the_file_is_rewritten_the_report_is_of_the_fixed_code_and_it_exits_0()
        {
            _cli.Write("jobs/poll.py", Code);

            var (exitCode, output, error) = _cli.Run("jobs", "--fix", "--format", "json");

            Assert.Equal(0, exitCode);
            Assert.Equal("fixed 1 of 1 findings in 1 file(s); the report is of the code as it is now\n", error.ReplaceLineEndings("\n"));
            Assert.Equal(Fixed, File.ReadAllText(Path.Combine(_cli.Root, "jobs", "poll.py")));
            Assert.Equal(0, JsonDocument.Parse(output).RootElement.GetProperty("findings").GetArrayLength());
            Assert.Equal(["poll.py"], Directory.GetFiles(Path.Combine(_cli.Root, "jobs")).Select(Path.GetFileName));
        }

        [Fact]
        public void Given_a_fix_and_a_finding_that_needs_judgement_When_reviewed_with_fix_Then_only_the_second_is_reported_and_it_exits_1()
        {
            // time.sleep has a mechanical fix; the blocking open() inside async def does not.
            _cli.Write("poll.py", Code + "\n\nasync def load(path):\n    with open(path) as f:\n        return f.read()\n");

            var (exitCode, output, error) = _cli.Run("poll.py", "--fix", "--format", "json");

            Assert.Equal(1, exitCode);
            Assert.Contains("fixed 1 of 2 findings in 1 file(s)", error, StringComparison.Ordinal);
            var findings = JsonDocument.Parse(output).RootElement.GetProperty("findings");
            var remaining = Assert.Single(findings.EnumerateArray());
            Assert.Equal("PY009", remaining.GetProperty("ruleId").GetString());
            Assert.Equal(11, remaining.GetProperty("startLine").GetInt32()); // the open() line, one lower for the import added above
            Assert.StartsWith(Fixed, File.ReadAllText(Path.Combine(_cli.Root, "poll.py")), StringComparison.Ordinal);
        }

        [Fact]
        public void Given_fixed_code_When_reviewed_with_fix_again_Then_nothing_is_written()
        {
            var path = _cli.Write("poll.py", Code);
            Assert.Equal(0, _cli.Run("poll.py", "--fix", "--format", "text").ExitCode);
            var written = File.GetLastWriteTimeUtc(path);
            File.SetLastWriteTimeUtc(path, written.AddMinutes(-5));

            var (exitCode, _, error) = _cli.Run("poll.py", "--fix", "--format", "text");

            Assert.Equal(0, exitCode);
            Assert.Contains("fixed nothing: no finding of the 0 has a mechanical fix", error, StringComparison.Ordinal);
            Assert.Equal(Fixed, File.ReadAllText(path));
            Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(path));
        }

        [Fact]
        public void Given_a_byte_order_mark_CRLF_and_file_permissions_When_fixed_Then_all_three_are_kept()
        {
            var path = _cli.Write("poll.py", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Code.ReplaceLineEndings("\r\n"))]);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
            }

            Assert.Equal(0, _cli.Run("poll.py", "--fix", "--format", "text").ExitCode);

            Assert.Equal([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Fixed.ReplaceLineEndings("\r\n"))], File.ReadAllBytes(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
            }
        }

        [Fact]
        public void Given_a_symbolic_link_When_fixed_Then_the_file_it_points_to_is_rewritten_and_the_link_stays()
        {
            var target = _cli.Write("real/poll.py", Code);
            var link = Path.Combine(_cli.Root, "poll.py");
            File.CreateSymbolicLink(link, target);

            Assert.Equal(0, _cli.Run("poll.py", "--fix", "--format", "text").ExitCode);

            Assert.Equal(target, new FileInfo(link).LinkTarget);
            Assert.Equal(Fixed, File.ReadAllText(target));
        }

        [Fact]
        public async Task Given_a_file_with_a_second_hard_link_When_fixed_Then_it_is_rewritten_in_place_and_both_names_read_the_fix()
        {
            var path = _cli.Write("poll.py", Code);
            var other = Path.Combine(_cli.Root, "poll-link.py");
            var link = await ProcessRunner.RunAsync("ln", [path, other], _cli.Root, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.True(link.ExitCode == 0, link.Output);

            Assert.Equal(0, _cli.Run("poll.py", "--fix", "--format", "text").ExitCode);

            Assert.Equal(Fixed, File.ReadAllText(path));
            Assert.Equal(Fixed, File.ReadAllText(other));
            Assert.Equal(["poll-link.py", "poll.py"], Directory.GetFiles(_cli.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Given_fix_and_the_diff_format_When_run_Then_it_is_a_usage_error_and_the_file_is_untouched()
        {
            var path = _cli.Write("poll.py", Code);

            var (exitCode, output, error) = _cli.Run("poll.py", "--fix", "--format", "diff");

            Assert.Equal(2, exitCode);
            Assert.Empty(output);
            Assert.Contains("--fix makes the fixes in the files and --format diff prints them as a patch instead; use one of the two.", error, StringComparison.Ordinal);
            Assert.Equal(Code, File.ReadAllText(path));
        }

        [Fact]
        public void Given_a_file_without_any_write_bit_When_reviewed_with_fix_even_as_root_Then_it_is_named_and_left_byte_for_byte()
        {
            if (OperatingSystem.IsWindows())
            {
                Assert.Skip("Unix file modes");
                return;
            }

            var path = _cli.Write("poll.py", Code);
            var readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            File.SetUnixFileMode(path, readOnly);
            var written = File.GetLastWriteTimeUtc(path);

            // Root may write a 0444 file; the mode still says the user does not want it changed.
            var (exitCode, _, error) = _cli.Run("poll.py", "--fix", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Contains("warning: poll.py: not fixed, it is read-only (mode 0444)", error, StringComparison.Ordinal);
            Assert.Contains("fixed 0 of 1 findings in 0 file(s)", error, StringComparison.Ordinal);
            Assert.Equal(Code, File.ReadAllText(path));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
            Assert.Equal(readOnly, File.GetUnixFileMode(path));
        }

        [Fact]
        public void Given_a_file_that_is_not_UTF8_When_reviewed_with_fix_Then_it_is_named_and_left_byte_for_byte()
        {
            // A Latin-1 "é" in a comment: the file is read as Latin-1, and writing it back as UTF-8 would change that byte.
            byte[] bytes = [.. System.Text.Encoding.UTF8.GetBytes("# caf"), 0xE9, .. System.Text.Encoding.UTF8.GetBytes("\n" + Code)];
            var path = _cli.Write("latin.py", bytes);

            var (exitCode, _, error) = _cli.Run("latin.py", "--fix", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Contains("warning: latin.py: not fixed, it is not valid UTF-8", error, StringComparison.Ordinal);
            Assert.Contains("fixed 0 of 1 findings in 0 file(s)", error, StringComparison.Ordinal);
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
    }

    /// <summary>Through the real <c>skillhost</c> command tree and the real rule catalogue.</summary>
    public sealed class RealCommandTree : IDisposable
    {
        private readonly CliHarness _cli = new();

        public void Dispose() => _cli.Dispose();

        [Fact]
        public void Given_the_real_catalogue_When_a_file_with_nothing_to_flag_is_reviewed_Then_it_exits_0()
        {
            var file = Path.Combine(_cli.Temp, "plain.py");
            File.WriteAllText(file, "x = 1\n");

            var (exitCode, output, error) = CliHarness.Run("review", file, "--format", "json");

            Assert.Equal(0, exitCode);
            Assert.Empty(error);
            Assert.Equal(1, JsonDocument.Parse(output).RootElement.GetProperty("summary").GetProperty("filesReviewed").GetInt32());
        }

        [Fact]
        public void Given_a_fixable_file_outside_the_working_folder_When_reviewed_with_the_diff_format_Then_it_is_patched_relative_to_a_folder_holding_both()
        {
            var file = Path.Combine(_cli.Temp, "poll.py");
            File.WriteAllText(file, "import time\n\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n");

            var (exitCode, output, error) = CliHarness.Run("review", file, "--format", "diff");

            Assert.Equal(1, exitCode);
            Assert.Empty(error);
            Assert.DoesNotContain("not fixed", output, StringComparison.Ordinal);
            var root = output.Split('\n')[0];
            Assert.StartsWith("# paths below are relative to ", root, StringComparison.Ordinal);
            var folder = root["# paths below are relative to ".Length..root.LastIndexOf(':')];
            Assert.Contains($"+++ b/{Path.GetRelativePath(folder, file).Replace('\\', '/')}", output, StringComparison.Ordinal);
            Assert.Contains("+        await asyncio.sleep(0.1)", output, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("rust/lock-contention", true)]
        [InlineData("rust/sequential-await", false)]
        [InlineData("RS011", false)]
        public void Given_sequential_awaits_in_a_for_loop_When_a_checklist_item_is_ignored_Then_only_its_own_item_silences_RS011(string ignored, bool reported)
        {
            var file = Path.Combine(_cli.Temp, "probe.rs");
            File.WriteAllText(file, "async fn probe_all(hosts: &[Host]) -> Vec<Health> {\n    let mut report = Vec::with_capacity(hosts.len());\n    for host in hosts {\n        report.push(probe(host).await);\n    }\n    report\n}\n");

            var (exitCode, output, error) = CliHarness.Run("review", file, "--format", "text", "--ignore", ignored);

            Assert.Empty(error);
            Assert.Equal(reported ? 1 : 0, exitCode);
            Assert.Equal(reported, output.Contains("RS011 [rust/sequential-await]", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_the_real_catalogue_When_an_unknown_rule_is_selected_Then_it_exits_2()
        {
            var (exitCode, _, error) = CliHarness.Run("review", _cli.Temp, "--select", "NOPE999");

            Assert.Equal(2, exitCode);
            Assert.Contains("unknown rule selector: 'NOPE999'", error, StringComparison.Ordinal);
        }
    }
}
