using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using SkillHost.Analysis.Profiles;

namespace SkillHost.Benchmarks;

/// <summary>
/// <c>profile-parse [collapsed|pstats] [--mb N] [--keep DIR]</c>: parse time and memory of the profile readers on a
/// generated file of the size the issue asks about (100 MB of collapsed stacks, 50 MB of pstats by default). The
/// collapsed file has py-spy style frames (<c>func (path/module.py:line)</c>) over 5,000 functions, stacks 8–40 deep;
/// the pstats file is CPython's marshal (version 4 shapes: short ASCII strings, small tuples) of 100,000+ functions with
/// five callers each. Run one format per process for a clean peak working set. Prints seconds, MB/s, bytes allocated,
/// the peak working set and the heap the read profile keeps.
/// </summary>
internal static class ProfileParseCommand
{
    public static int Run(string[] args)
    {
        var format = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "collapsed";
        var mb = args.SkipWhile(a => a != "--mb").Skip(1).Select(int.Parse).FirstOrDefault(format == "pstats" ? 50 : 100);
        var keep = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault();
        if (format is not ("collapsed" or "pstats"))
        {
            Console.Error.WriteLine("usage: profile-parse [collapsed|pstats] [--mb N] [--keep DIR]");
            return 2;
        }

        var folder = keep ?? Path.Combine(Path.GetTempPath(), "skillhost-profile-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, format == "pstats" ? "big.pstats" : "big.collapsed");
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length < mb * 1048576L * 9 / 10)
            {
                using var file = File.Create(path);
                if (format == "pstats")
                {
                    WritePstats(file, mb * 1048576L);
                }
                else
                {
                    WriteCollapsed(file, mb * 1048576L);
                }
            }

            var bytes = new FileInfo(path).Length;
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var result = ProfileReader.Read(path);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            var profile = result.Profile ?? throw new InvalidOperationException(result.Problem);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"{format}: {bytes / 1048576.0:0.0} MB, {profile.Functions.Count:N0} functions, {profile.Lines.Count:N0} lines, {profile.Calls.Count:N0} call edges, {profile.Stacks:N0} stacks, {result.Diagnostics.Count} diagnostics");
            Console.WriteLine($"  parse {clock.Elapsed.TotalSeconds:0.00} s = {bytes / 1048576.0 / clock.Elapsed.TotalSeconds:0} MB/s");
            Console.WriteLine($"  allocated {allocated / 1048576.0:0} MB; kept by the profile {retained / 1048576.0:0.0} MB; peak working set {process.PeakWorkingSet64 / 1048576.0:0} MB");
            GC.KeepAlive(profile);
            return 0;
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void WriteCollapsed(Stream stream, long size)
    {
        var random = new Random(17);
        var frames = Enumerable.Range(0, 5_000).Select(i => $"function_{i} (/home/user/project/package_{i % 40}/module_{i % 400}.py:{10 + (i % 300)})").ToArray();
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        long written = 0;
        var line = new StringBuilder();
        while (written < size)
        {
            line.Clear();
            var depth = random.Next(8, 41);
            var at = random.Next(frames.Length);
            for (var d = 0; d < depth; d++)
            {
                line.Append(frames[(at + d * 37) % frames.Length]).Append(';');
            }

            line.Length--;
            line.Append(' ').Append(random.Next(1, 200));
            w.WriteLine(line);
            written += line.Length + 1;
        }
    }

    // CPython marshal: '{' (key ')' 3: 'z' file, 'i' line, 'z' name) (value ')' 5: 'i' cc, 'i' nc, 'g' tt, 'g' ct, '{' callers '0') ... '0'.
    private static void WritePstats(Stream stream, long size)
    {
        var random = new Random(17);
        using var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        w.Write((byte)'{');
        long written = 1;
        var n = 0;
        while (written < size)
        {
            var start = stream.Position;
            Key(w, n);
            w.Write((byte)')');
            w.Write((byte)5);
            var calls = random.Next(1, 100_000);
            Int(w, calls);
            Int(w, calls);
            Float(w, random.NextDouble());
            Float(w, random.NextDouble() * 10);
            w.Write((byte)'{');
            for (var c = 0; c < 5 && n > 0; c++)
            {
                Key(w, random.Next(n));
                w.Write((byte)')');
                w.Write((byte)4);
                Int(w, random.Next(1, 1000));
                Int(w, random.Next(1, 1000));
                Float(w, random.NextDouble());
                Float(w, random.NextDouble());
            }

            w.Write((byte)'0');
            written += stream.Position - start;
            n++;
        }

        w.Write((byte)'0');
    }

    private static void Key(BinaryWriter w, int n)
    {
        w.Write((byte)')');
        w.Write((byte)3);
        Ascii(w, $"/home/user/project/package_{n % 40}/module_{n % 4000}.py");
        Int(w, 10 + (n % 3000));
        Ascii(w, $"function_{n}");
    }

    private static void Ascii(BinaryWriter w, string s)
    {
        w.Write((byte)'z');
        w.Write((byte)s.Length);
        w.Write(Encoding.ASCII.GetBytes(s));
    }

    private static void Int(BinaryWriter w, int value)
    {
        w.Write((byte)'i');
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        w.Write(b);
    }

    private static void Float(BinaryWriter w, double value)
    {
        w.Write((byte)'g');
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        w.Write(b);
    }
}
