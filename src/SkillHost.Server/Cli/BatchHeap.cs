using System.Runtime;

namespace SkillHost.Server.Cli;

/// <summary>
/// A one-shot <c>review</c> or <c>classify</c> keeps nearly everything it allocates until it has written its
/// output: every file's tree stays alive until the cross-file index, the rules and the classifier have run. A
/// garbage collection during such a run finds little garbage; it traces the growing set of live trees and copies
/// them into older generations (the CPython 3.11 stdlib: about 15% of the CPU in the collector, and fresh pages
/// touched for every copy). So for the length of the run the CLI asks the runtime for a no-collection region
/// sized from the input, as an arena would be: allocation stays a pointer bump and the memory goes back when the
/// process exits. Beyond the region (more allocation than the estimate) the runtime simply collects again, and
/// small inputs (where no collection would happen anyway) or inputs too large for the memory cap get none.
/// The MCP server never uses this: it is long-lived and collects as usual.
/// </summary>
internal sealed class BatchHeap : IDisposable
{
    /// <summary>What a review allocates per byte of source, with room to spare (the CPython 3.11 stdlib: about 14; Rust std: about 17).</summary>
    internal const long BytesPerInputByte = 32;

    /// <summary>Below this much source no collection would happen anyway, so no region is asked for.</summary>
    internal const long MinimumInputBytes = 1 << 20;

    /// <summary>The largest region asked for: its bookkeeping grows with it, and it must leave the machine room.</summary>
    internal const long MaximumRegionBytes = 2L << 30;

    /// <summary>True while this instance holds a region it started.</summary>
    public bool Active { get; private set; }

    /// <summary>
    /// Starts a no-collection region for reading and reviewing <paramref name="files"/> (full paths, as
    /// discovered), or does nothing when it would not help or cannot be had. Given as
    /// <c>SourceReviewOptions.Discovered</c>, so the files are found once.
    /// </summary>
    public void Reserve(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (Active)
        {
            return;
        }

        var size = RegionSize(InputBytes(files), GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (size == 0)
        {
            return;
        }

        try
        {
            Active = GC.TryStartNoGCRegion(size);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Too large for this runtime's heap layout, or a region is already on (another review in the same process).
        }
    }

    /// <summary>Ends the region if this instance started it and it is still on.</summary>
    public void Dispose()
    {
        if (!Active)
        {
            return;
        }

        Active = false;
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The run allocated more than the region held, so the runtime had already ended it.
            }
        }
    }

    /// <summary>The region to ask for, in bytes, for <paramref name="inputBytes"/> of source on a machine with <paramref name="availableBytes"/>; 0 for none.</summary>
    internal static long RegionSize(long inputBytes, long availableBytes)
    {
        var cap = Math.Min(MaximumRegionBytes, availableBytes / 4);
        var wanted = inputBytes * BytesPerInputByte;
        return inputBytes < MinimumInputBytes || wanted > cap ? 0 : wanted;
    }

    private static long InputBytes(IReadOnlyList<string> files)
    {
        long total = 0;
        foreach (var file in files)
        {
            try
            {
                total += new FileInfo(file).Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The review reports it; it only does not count here.
            }
        }

        return total;
    }
}
