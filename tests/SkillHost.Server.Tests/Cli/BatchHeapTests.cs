using System.Runtime;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Server.Cli;

namespace SkillHost.Server.Tests.Cli;

/// <summary>The no-collection region of one-shot CLI runs: how big, when none, and that it ends.</summary>
public static class BatchHeapTests
{
    private const long Mb = 1 << 20;
    private const long Gb = 1L << 30;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(Mb - 1, 0)]
    [InlineData(Mb, 32 * Mb)]
    [InlineData(32 * Mb, 1024 * Mb)]
    [InlineData(64 * Mb, 2048 * Mb)]
    [InlineData(64 * Mb + 1, 0)]
    public static void Given_the_input_size_When_sizing_the_region_Then_it_is_32_bytes_per_input_byte_between_the_floor_and_the_cap(long inputBytes, long expected) =>
        Assert.Equal(expected, BatchHeap.RegionSize(inputBytes, 24 * Gb));

    [Fact]
    public static void Given_a_machine_with_little_memory_When_sizing_the_region_Then_a_quarter_of_it_is_the_cap() =>
        Assert.Equal((0L, 32 * Mb), (BatchHeap.RegionSize(32 * Mb, 2 * Gb), BatchHeap.RegionSize(Mb, 2 * Gb)));

    /// <summary>Alone in the process: a region is process-wide, and other tests' allocations would end it early.</summary>
    [Collection(nameof(BatchHeapProcessWide))]
    public sealed class Regions : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("skillhost-batch-heap-").FullName;

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public void Given_two_megabytes_of_source_When_reserved_Then_no_collection_runs_until_it_is_disposed()
        {
            var big = Path.Combine(_root, "big.py");
            File.WriteAllText(big, string.Concat(Enumerable.Repeat("value = compute(1, 2)\n", 100_000)));

            using (var heap = new BatchHeap())
            {
                heap.Reserve([big]);

                Assert.True(heap.Active);
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            }

            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        [Fact]
        public void Given_a_small_file_or_one_that_is_gone_When_reserved_Then_no_region_is_started()
        {
            var small = Path.Combine(_root, "small.py");
            File.WriteAllText(small, "x = 1\n");

            using var heap = new BatchHeap();
            heap.Reserve([small, Path.Combine(_root, "gone.py")]);

            Assert.False(heap.Active);
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        [Fact]
        public void Given_a_review_of_a_big_folder_When_run_from_the_command_line_Then_its_rules_run_inside_a_region_that_ends_with_it()
        {
            var probe = new LatencyProbe();
            using var cli = new ReviewCliHarness { Catalogue = [probe] };
            // Over a megabyte, mostly comment: cheap to review, so the run stays inside the region it sizes.
            cli.Write("big.py", string.Concat(Enumerable.Repeat("# a line of commentary that the lexer skips over quickly\n", 20_000)) + "for row in rows:\n    slow(row)\n");
            cli.Write("small.py", "x = 1\n");

            var (exitCode, output, error) = cli.Run(".", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.Contains("(2 files reviewed)", output, StringComparison.Ordinal);
            Assert.Empty(error);
            Assert.Equal([GCLatencyMode.NoGCRegion, GCLatencyMode.NoGCRegion], probe.Modes);
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        [Fact]
        public void Given_a_review_of_a_small_folder_When_run_from_the_command_line_Then_it_collects_as_usual()
        {
            var probe = new LatencyProbe();
            using var cli = new ReviewCliHarness { Catalogue = [probe] };
            cli.Write("small.py", "for row in rows:\n    slow(row)\n");

            var (exitCode, _, _) = cli.Run(".", "--format", "text");

            Assert.Equal(1, exitCode);
            Assert.DoesNotContain(GCLatencyMode.NoGCRegion, probe.Modes);
            Assert.Single(probe.Modes);
        }
    }
}

/// <summary>A test rule that records the GC latency mode it runs under (one entry per file) and flags <c>slow</c> calls in loops.</summary>
internal sealed class LatencyProbe : Rule
{
    private readonly List<GCLatencyMode> _modes = [];

    public override RuleDescriptor Descriptor { get; } = new("TST099", "python/test-latency-probe", "LatencyProbe", SourceLanguage.Python,
        WhatItDoes: "Records the GC latency mode.", WhyBad: "It repeats per item.", Example: "slow()", UseInstead: "batch it", CostOperation: null);

    public IReadOnlyList<GCLatencyMode> Modes
    {
        get
        {
            lock (_modes)
            {
                return [.. _modes];
            }
        }
    }

    public override void Analyze(RuleContext context)
    {
        lock (_modes)
        {
            _modes.Add(GCSettings.LatencyMode);
        }

        foreach (var call in context.Tree.InLoops<CallNode>().Where(c => c.Name == "slow"))
        {
            context.Report(call, "`slow` runs per item", "batch it", Confidence.High, "It repeats.");
        }
    }
}

[CollectionDefinition(nameof(BatchHeapProcessWide), DisableParallelization = true)]
public sealed class BatchHeapProcessWide;
