using System.Runtime;
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
    [InlineData(Mb, 24 * Mb)]
    [InlineData(32 * Mb, 768 * Mb)]
    [InlineData(85 * Mb, 2040 * Mb)]
    [InlineData(86 * Mb, 0)]
    public static void Given_the_input_size_When_sizing_the_region_Then_it_is_24_bytes_per_input_byte_between_the_floor_and_the_cap(long inputBytes, long expected) =>
        Assert.Equal(expected, BatchHeap.RegionSize(inputBytes, 24 * Gb));

    [Fact]
    public static void Given_a_machine_with_little_memory_When_sizing_the_region_Then_a_quarter_of_it_is_the_cap() =>
        Assert.Equal((0L, 24 * Mb), (BatchHeap.RegionSize(32 * Mb, 2 * Gb), BatchHeap.RegionSize(Mb, 2 * Gb)));

    /// <summary>Alone in the process: a region is process-wide, and other tests' allocations would end it early.</summary>
    [Collection(nameof(BatchHeapProcessWide))]
    public sealed class Regions : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("skillhost-batch-heap-").FullName;

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public void Given_two_megabytes_of_source_When_reserved_Then_no_collection_runs_until_it_is_disposed()
        {
            File.WriteAllText(Path.Combine(_root, "big.py"), string.Concat(Enumerable.Repeat("value = compute(1, 2)\n", 100_000)));

            using (BatchHeap.Reserve(["."], _root))
            {
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            }

            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        [Fact]
        public void Given_a_small_file_When_reserved_Then_no_region_is_started()
        {
            File.WriteAllText(Path.Combine(_root, "small.py"), "x = 1\n");

            using (BatchHeap.Reserve(["."], _root))
            {
                Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            }
        }
    }
}

[CollectionDefinition(nameof(BatchHeapProcessWide), DisableParallelization = true)]
public sealed class BatchHeapProcessWide;
