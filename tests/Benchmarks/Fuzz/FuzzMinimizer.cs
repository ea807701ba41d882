using System.Diagnostics;

namespace SkillHost.Benchmarks.Fuzz;

/// <summary>
/// Shrinks a failing input while it still fails the same way (delta debugging over byte ranges: halves, then
/// quarters, down to single bytes), within a time budget, so the kept regression input shows the bug and little else.
/// </summary>
internal static class FuzzMinimizer
{
    public static byte[] Minimize(byte[] input, Func<byte[], bool> stillFails, TimeSpan? budget = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = budget ?? TimeSpan.FromSeconds(20);
        var current = input;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && clock.Elapsed < limit; chunk /= 2)
        {
            for (var start = 0; start < current.Length && clock.Elapsed < limit;)
            {
                var length = Math.Min(chunk, current.Length - start);
                byte[] candidate = [.. current.AsSpan(0, start), .. current.AsSpan(start + length)];
                if (candidate.Length > 0 && stillFails(candidate))
                {
                    current = candidate; // the same start now holds the next bytes
                }
                else
                {
                    start += length;
                }
            }

            if (chunk == 1)
            {
                break;
            }
        }

        return current;
    }
}
