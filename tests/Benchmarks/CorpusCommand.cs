using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Benchmarks;

/// <summary>
/// `corpus DIR... [--threads N] [--list-diagnostics] [--slow-ms N] [--warmup N] [--repeat N]`: lexes and builds the
/// structure of every .py/.pyi/.rs file below the folders, in parallel, and prints one summary line. A
/// robustness run as much as a speed figure: exceptions and slow files are counted and listed. The
/// timed pass follows N untimed warm-up passes (default 3) so that the figure is the parsers' speed,
/// not the JIT's tiering (0 gives the cold figure; use it for big robustness runs). With --repeat N the timed
/// pass runs N times and the summary line gives the fastest (every pass is printed). Before the summary a
/// `per core:` line gives the figure per CPU second (process CPU time, GC threads included) and the bytes
/// allocated per MB of input, which is how the issue's per-core goal is read on a machine with several cores.
/// </summary>
internal static class CorpusCommand
{
    public static int Run(string[] args)
    {
        var folders = new List<string>();
        var threads = Environment.ProcessorCount;
        var listDiagnostics = false;
        var slowMs = 2000;
        // Tiered compilation with dynamic PGO needs a few passes before the hot methods run their final code.
        var warmup = 3;
        var repeat = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--threads" when i + 1 < args.Length:
                    threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--slow-ms" when i + 1 < args.Length:
                    slowMs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--repeat" when i + 1 < args.Length:
                    repeat = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--warmup" when i + 1 < args.Length:
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--list-diagnostics":
                    listDiagnostics = true;
                    break;
                default:
                    folders.Add(args[i]);
                    break;
            }
        }

        var missing = folders.Where(f => !Directory.Exists(f)).ToList();
        if (folders.Count == 0 || missing.Count > 0)
        {
            Console.Error.WriteLine(folders.Count == 0
                ? "usage: corpus DIR... [--threads N] [--list-diagnostics] [--slow-ms N] [--warmup N] [--repeat N]"
                : $"corpus: no such folder: {string.Join(", ", missing)}");
            return 2;
        }

        var files = folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(SyntaxParsers.IsSupportedExtension)
            // Third-party packages installed into an interpreter are not the standard library.
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}site-packages{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        // Read everything first so the figure is lexing + structure, not disk.
        var inputs = files.Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToArray();
        long bytes = inputs.Sum(i => (long)i.Bytes.Length);

        for (var round = 0; round < warmup; round++)
        {
            Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = threads }, input =>
            {
                try
                {
                    var language = input.Path.EndsWith(".rs", StringComparison.OrdinalIgnoreCase) ? SourceLanguage.Rust : SourceLanguage.Python;
                    SyntaxParsers.Parse(SourceText.From(input.Bytes, input.Path), language);
                }
#pragma warning disable CA1031 // Failures are counted by the timed pass below.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            });
        }

        var exceptions = new ConcurrentBag<string>();
        var withDiagnostics = new ConcurrentBag<string>();
        var slow = new ConcurrentBag<string>();
        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        var bestAllocated = long.MaxValue;
        for (var pass = 1; pass <= repeat; pass++)
        {
            // Every pass sees the same files: keep the failures of the first one only.
            var record = pass == 1;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var total = Stopwatch.StartNew();
            TimedPass(inputs, threads, slowMs, record ? exceptions : null, record ? withDiagnostics : null, record ? slow : null);
            total.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            if (repeat > 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pass {pass}: seconds={total.Elapsed.TotalSeconds:F3} cpu={cpu.TotalSeconds:F3} mbps={bytes / 1e6 / total.Elapsed.TotalSeconds:F1}"));
            }

            best = total.Elapsed < best ? total.Elapsed : best;
            bestCpu = cpu < bestCpu ? cpu : bestCpu;
            bestAllocated = Math.Min(bestAllocated, allocated);
        }

        foreach (var line in exceptions.Order(StringComparer.Ordinal))
        {
            Console.WriteLine("exception " + line);
        }

        foreach (var line in slow.Order(StringComparer.Ordinal))
        {
            Console.WriteLine("slow " + line);
        }

        if (listDiagnostics)
        {
            foreach (var line in withDiagnostics.Order(StringComparer.Ordinal))
            {
                Console.WriteLine("diagnostics " + line);
            }
        }

        var seconds = best.TotalSeconds;
        var mbps = bytes / 1e6 / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per core: threads={threads} cpu_seconds={bestCpu.TotalSeconds:F3} mbps_per_cpu_second={bytes / 1e6 / bestCpu.TotalSeconds:F1} allocated_bytes_per_input_mb={bestAllocated / (bytes / 1e6):F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus: files={inputs.Length} bytes={bytes} seconds={seconds:F3} mbps={mbps:F1} exceptions={exceptions.Count} diagnostics={withDiagnostics.Count}"));
        return exceptions.IsEmpty && slow.IsEmpty ? 0 : 1;
    }

    private static void TimedPass(
        (string Path, byte[] Bytes)[] inputs,
        int threads,
        int slowMs,
        ConcurrentBag<string>? exceptions,
        ConcurrentBag<string>? withDiagnostics,
        ConcurrentBag<string>? slow)
    {
        Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = threads }, input =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var text = SourceText.From(input.Bytes, input.Path);
                var language = input.Path.EndsWith(".rs", StringComparison.OrdinalIgnoreCase) ? SourceLanguage.Rust : SourceLanguage.Python;
                var tree = SyntaxParsers.Parse(text, language);
                var errors = tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0 && withDiagnostics is not null)
                {
                    withDiagnostics.Add($"{input.Path}: {errors.Count} error(s), first: {errors[0].Format(text)}");
                }
            }
#pragma warning disable CA1031 // A robustness run must count every failure and go on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                exceptions?.Add($"{input.Path}: {e.GetType().Name}: {e.Message}");
            }

            if (clock.ElapsedMilliseconds > slowMs)
            {
                slow?.Add($"{input.Path}: {clock.ElapsedMilliseconds} ms");
            }
        });
    }
}
