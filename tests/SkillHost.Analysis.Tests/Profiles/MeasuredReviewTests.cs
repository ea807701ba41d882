using SkillHost.Analysis.Profiles;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Tests.Review;
using SkillHost.Analysis.Tests.Workflow;

namespace SkillHost.Analysis.Tests.Profiles;

/// <summary>
/// Reviews ranked by real measurements: the issue's dedupe()/load() script under cProfile from every pyenv Python, the
/// same measurement as collapsed stacks and speedscope, a Rust program under perf, CPython 3.12+ under perf with -X perf,
/// and compare before and after the fix. Each test asserts the ranking the measurement implies.
/// </summary>
public sealed class MeasuredReviewTests
{
    private static readonly string Fixtures = GoldenFile.SourceFolder(Path.Combine("Profiles", "Fixtures"));

    private static WorkflowResult Review(TempFolder folder, string file, params Profile[] profiles) =>
        WorkflowFixture.Workflow.ReviewPaths([file], folder.Root, SourceReviewOptions.Default with { Profiles = profiles });

    private static Profile Read(string path)
    {
        var result = ProfileReader.Read(path);
        Assert.True(result.Profile is not null, result.Problem);
        return result.Profile!;
    }

    private static async Task<Profile> CProfileAsync(string python, TempFolder folder, string script, string output)
    {
        await RealProfilers.RunAsync(python, ["-m", "cProfile", "-o", output, script], folder.Root);
        return Read(Path.Combine(folder.Root, output));
    }

    public sealed class WithoutAProfile
    {
        [Fact]
        public void Given_the_dedupe_script_When_reviewed_Then_the_estimates_rank_the_json_call_first_and_say_they_are_estimates()
        {
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);

            var result = Review(folder, "app.py");

            Assert.Equal("python/stdlib-json", result.Report.TopIssues[0].Slug);
            Assert.All(result.Outcome.Findings, f => Assert.Null(f.Measured));
            Assert.Contains("estimates from the skill's cost tables, not measurements", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
        }
    }

    public sealed class CProfile
    {
        [Fact]
        public async Task Given_cProfile_of_the_dedupe_script_from_every_pyenv_Python_When_reviewed_Then_the_quadratic_test_ranks_first_with_at_least_half_the_run()
        {
            var pythons = RealProfilers.Pythons();
            Assert.SkipWhen(pythons.Count == 0, $"no pyenv Python under {RealProfilers.PyenvVersions} on this machine");
            foreach (var (version, python) in pythons)
            {
                using var folder = new TempFolder();
                folder.Write("app.py", RealProfilers.DedupeScript);
                var profile = await CProfileAsync(python, folder, "app.py", "app.pstats");

                var result = Review(folder, "app.py", profile);

                var top = result.Outcome.Findings[0];
                Assert.True(top.Rule.Slug == "python/quadratic", $"Python {version}: top finding is {top.Rule.Slug}");
                Assert.True(top.Measured!.Share >= 0.5, $"Python {version}: measured share {top.Measured.Share}");
                Assert.Equal(1, top.Measured.Calls);
                Assert.Equal("python/quadratic", result.Report.TopIssues[0].Slug);
                Assert.Contains("`dedupe`", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
                Assert.Contains("PY001", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
                Assert.Contains(" of ", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
                Assert.Contains("skillhost compare BEFORE AFTER", result.Report.MeasurementPlan.SuccessCriterion, StringComparison.Ordinal);
            }
        }

        [Fact]
        public async Task Given_cProfile_call_counts_When_reviewed_Then_the_json_call_is_priced_per_counted_call_not_per_assumed_item()
        {
            var python = RealProfilers.Pythons().FirstOrDefault(p => p.Version.Major == 3).Executable;
            Assert.SkipWhen(python is null, $"no pyenv Python 3 under {RealProfilers.PyenvVersions} on this machine");
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);
            var profile = await CProfileAsync(python, folder, "app.py", "app.pstats");

            var json = Review(folder, "app.py", profile).Outcome.Findings.Single(f => f.Rule.Slug == "python/stdlib-json");

            var estimate = json.Impact.Estimate!;
            Assert.Equal(PassSource.Profile, estimate.Passes.Source);
            Assert.Equal(400, estimate.Passes.Count);
            Assert.NotNull(estimate.Total);
            Assert.Contains("called 400 times from `load`", estimate.Passes.Basis[0], StringComparison.Ordinal);
        }

        [Fact]
        public async Task Given_cProfile_before_and_after_the_set_fix_When_compared_Then_dedupe_is_named_with_its_speed_up_and_the_criterion_is_met()
        {
            var python = RealProfilers.Pythons().FirstOrDefault(p => p.Version.Major == 3).Executable;
            Assert.SkipWhen(python is null, $"no pyenv Python 3 under {RealProfilers.PyenvVersions} on this machine");
            using var before = new TempFolder();
            using var after = new TempFolder();
            before.Write("app.py", RealProfilers.DedupeScript);
            after.Write("app.py", RealProfilers.DedupeScript.Replace("seen = []", "seen = set()", StringComparison.Ordinal).Replace("seen.append(i)", "seen.add(i)", StringComparison.Ordinal));
            var b = await CProfileAsync(python, before, "app.py", "before.pstats");
            var a = await CProfileAsync(python, after, "app.py", "after.pstats");

            var comparison = ProfileComparison.Compare(b, a, out var problem)!;

            Assert.Null(problem);
            Assert.Equal("dedupe", comparison.Target);
            Assert.True(comparison.TargetSpeedUpMeasured >= 2, $"dedupe speed-up {comparison.TargetSpeedUpMeasured}");
            Assert.True(comparison.Met, comparison.Verdict);
            Assert.Contains("`dedupe`", comparison.Verdict, StringComparison.Ordinal);

            var unchanged = ProfileComparison.Compare(b, b, out _)!;
            Assert.False(unchanged.Met, unchanged.Verdict);
        }
    }

    public sealed class SampledFormats
    {
        [Theory]
        [InlineData("dedupe.collapsed")]
        [InlineData("dedupe.speedscope.json")]
        public void Given_a_sampled_profile_with_lines_When_reviewed_Then_the_quadratic_line_ranks_first_with_its_line_share(string fixture)
        {
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);

            var result = Review(folder, "app.py", Read(Path.Combine(Fixtures, fixture)));

            var top = result.Outcome.Findings[0];
            Assert.Equal("python/quadratic", top.Rule.Slug);
            Assert.Equal(MeasuredScope.Line, top.Measured!.Scope);
            Assert.True(top.Measured.Share >= 0.5, $"share {top.Measured.Share}");
            Assert.Equal("python/quadratic", result.Report.TopIssues[0].Slug);
        }

        [Fact]
        public void Given_a_flat_profile_When_reviewed_Then_the_hypothesis_gives_the_skills_flat_profile_playbook()
        {
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);
            var stacks = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"main (/srv/app.py:20);helper{i} (/srv/lib{i}.py:{i + 1}) 25"));
            var profile = ProfileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stacks + "\nmain (/srv/app.py:20);dedupe (/srv/app.py:15) 30\n"))).Profile!;

            var result = Review(folder, "app.py", profile);

            var playbook = WorkflowFixture.Workflow.Guide.FlatProfilePlaybook;
            Assert.NotEmpty(playbook);
            Assert.Contains("flat", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
            Assert.Contains(playbook[0].Text[..40], result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_hot_function_no_rule_flags_When_reviewed_Then_the_hypothesis_names_it_and_says_no_rule_explains_it()
        {
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);
            var profile = ProfileReader.Read(new MemoryStream("main (/srv/app.py:21) 90\nmain (/srv/app.py:24);dedupe (/srv/app.py:15) 10\n"u8.ToArray())).Profile!;

            var result = Review(folder, "app.py", profile);

            var summary = result.Report.HotPathHypothesis.Summary;
            Assert.Contains("No rule explains `main`", summary, StringComparison.Ordinal);
            Assert.Contains(WorkflowFixture.Workflow.Guide.Levers[0].Label, summary, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_profile_of_the_files_whose_functions_were_renamed_When_reviewed_Then_the_hypothesis_says_so_instead_of_failing()
        {
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);
            var profile = ProfileReader.Read(new MemoryStream("old_main (/srv/app.py:21);old_dedupe (/srv/app.py:15) 10\n"u8.ToArray())).Profile!;

            var result = Review(folder, "app.py", profile);

            Assert.Contains("names none of their functions", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
            Assert.Equal("python/quadratic", result.Outcome.Findings[0].Rule.Slug);
        }

        [Fact]
        public void Given_a_profile_of_other_code_When_reviewed_Then_no_finding_is_measured_and_the_estimates_keep_their_order()
        {
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);
            var profile = ProfileReader.Read(new MemoryStream("main (/srv/other.py:3);work (/srv/other.py:9) 10\n"u8.ToArray())).Profile!;

            var result = Review(folder, "app.py", profile);

            Assert.All(result.Outcome.Findings, f => Assert.Null(f.Measured));
            Assert.Equal("python/stdlib-json", result.Report.TopIssues[0].Slug);
            Assert.Contains("measured no reviewed file", result.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
        }
    }

    public sealed class Perf
    {
        [Fact]
        public async Task Given_perf_script_of_a_Rust_program_When_reviewed_Then_the_finding_in_its_hot_function_ranks_first_with_its_measured_share()
        {
            var rustc = RealProfilers.OnPath("rustc");
            Assert.SkipWhen(rustc is null, "rustc is not installed on this machine");
            using var folder = new TempFolder();
            folder.Write("hot.rs", RealProfilers.RustProgram);
            await RealProfilers.RunAsync(rustc!, ["-C", "debuginfo=2", "-C", "force-frame-pointers=yes", "-C", "opt-level=1", "hot.rs", "-o", "hot"], folder.Root);
            var script = Path.Combine(folder.Root, "hot.perf");
            var cannot = await RealProfilers.PerfScriptAsync(folder.Root, ["-g", "./hot"], script);
            Assert.SkipWhen(cannot is not null, cannot ?? string.Empty);

            var estimated = Review(folder, "hot.rs");
            var measured = Review(folder, "hot.rs", Read(script));

            // The estimates put the quadratic scan first; the profile says the time is in squares(), where RS002 fires.
            Assert.Equal("rust/quadratic", estimated.Outcome.Findings[0].Rule.Slug);
            var top = measured.Outcome.Findings[0];
            Assert.Equal("rust/missing-with-capacity", top.Rule.Slug);
            Assert.Equal("squares", top.Measured!.Function);
            Assert.True(top.Measured.Share >= 0.3, $"share {top.Measured.Share}");
            Assert.True(measured.Outcome.Findings[1].Measured!.Share < 0.05);
            Assert.Contains("`squares`", measured.Report.HotPathHypothesis.Summary, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Given_perf_of_CPython_with_X_perf_When_reviewed_Then_python_frames_rank_the_quadratic_test_first()
        {
            var python = RealProfilers.Pythons().FirstOrDefault(p => p.Version >= new Version(3, 12)).Executable;
            Assert.SkipWhen(python is null, "no pyenv Python 3.12+ (the first with -X perf) on this machine");
            using var folder = new TempFolder();
            folder.Write("app.py", RealProfilers.DedupeScript);
            var script = Path.Combine(folder.Root, "app.perf");
            // The pyenv builds have no frame pointers: only DWARF unwinding reaches the perf map's Python frames.
            var cannot = await RealProfilers.PerfScriptAsync(folder.Root, ["--call-graph", "dwarf", "-F", "999", python!, "-X", "perf", "app.py"], script);
            Assert.SkipWhen(cannot is not null, cannot ?? string.Empty);
            var profile = Read(script);
            Assert.SkipUnless(profile.Functions.Any(f => f.Name == "dedupe" && f.File is not null), "perf recorded no py:: frames from the perf map (-X perf needs a kernel and perf that read /tmp/perf-PID.map)");

            var result = Review(folder, "app.py", profile);

            var top = result.Outcome.Findings[0];
            Assert.Equal("python/quadratic", top.Rule.Slug);
            Assert.True(top.Measured!.Share >= 0.5, $"share {top.Measured.Share}");
        }
    }
}
