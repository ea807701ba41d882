using SkillHost.Testing;

namespace SkillHost.Analysis.Tests.Profiles;

/// <summary>
/// The profilers of this machine kind, run for real: cProfile from each pyenv Python, <c>perf</c> (Debian's linux-perf,
/// which run-tests.sh installs) on a Rust program built by rustc, and on CPython 3.12+ with <c>-X perf</c>.
/// </summary>
internal static class RealProfilers
{
    private static readonly string Home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Where pyenv keeps its Pythons: <c>$PYENV_ROOT/versions</c>, else <c>~/.pyenv/versions</c>.</summary>
    public static string PyenvVersions { get; } = Path.Combine(Environment.GetEnvironmentVariable("PYENV_ROOT") is { Length: > 0 } root ? root : Path.Combine(Home, ".pyenv"), "versions");

    /// <summary>The script of issue 17: a quadratic dedupe() that dominates the run, and a load() the estimates overrate.</summary>
    public static string DedupeScript => File.ReadAllText(GoldenFile.SourceFolder(Path.Combine("Profiles", "Fixtures", "dedupe_app.py")));

    /// <summary>A Rust program whose time goes to the Vec growth in squares(), while its quadratic count_matches() runs on a small input.</summary>
    public const string RustProgram = """
        #[inline(never)]
        fn squares(items: &[u64]) -> Vec<u64> {
            let mut out = Vec::new();
            for v in items {
                out.push(v * v % 7919);
            }
            out
        }

        #[inline(never)]
        fn count_matches(haystack: &[u64], needles: &[u64]) -> usize {
            let mut found = 0;
            for n in needles {
                if haystack.contains(n) {
                    found += 1;
                }
            }
            found
        }

        fn main() {
            let items: Vec<u64> = (0..1_000_000).collect();
            let mut checksum = 0;
            for _ in 0..60 {
                checksum += squares(&items).iter().sum::<u64>();
            }
            let needles: Vec<u64> = (0..2_000).map(|x| x * 3).collect();
            let found = count_matches(&items[..2_000], &needles);
            println!("{} {}", checksum, found);
        }

        """;

    /// <summary>Every pyenv Python (2.7 and 3.x), newest first; empty when pyenv installed none.</summary>
    public static IReadOnlyList<(Version Version, string Executable)> Pythons() =>
        !Directory.Exists(PyenvVersions) ? []
        : [.. Directory.GetDirectories(PyenvVersions)
            .Select(d => (Ok: Version.TryParse(Path.GetFileName(d), out var v), Version: v!, Executable: Path.Combine(d, "bin", "python")))
            .Where(p => p.Ok && File.Exists(p.Executable))
            .Select(p => (p.Version, p.Executable))
            .OrderByDescending(p => p.Version)];

    /// <summary>Finds a program on PATH (or, for rustup's tools, in <c>$CARGO_HOME/bin</c>, else <c>~/.cargo/bin</c>), or null.</summary>
    public static string? OnPath(string name)
    {
        var cargo = Path.Combine(Environment.GetEnvironmentVariable("CARGO_HOME") is { Length: > 0 } home ? home : Path.Combine(Home, ".cargo"), "bin");
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append(cargo)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    public static async Task<string> RunAsync(string executable, IEnumerable<string> arguments, string folder, int timeoutSeconds = 120)
    {
        var (exit, output) = await ProcessRunner.RunAsync(executable, arguments, folder, TimeSpan.FromSeconds(timeoutSeconds), TestContext.Current.CancellationToken);
        Assert.True(exit == 0, $"{executable} {string.Join(' ', arguments)} exited {exit}: {output}");
        return output;
    }

    /// <summary>
    /// <c>perf record</c> then <c>perf script</c> into <paramref name="scriptFile"/>; null when it ran, else why perf cannot
    /// record here (no perf, or the kernel refuses: perf_event_paranoid, no perf events in the container).
    /// </summary>
    public static async Task<string?> PerfScriptAsync(string folder, IReadOnlyList<string> recordArguments, string scriptFile)
    {
        if (OnPath("perf") is not { } perf)
        {
            return "perf is not installed (run-tests.sh installs Debian's linux-perf; install it and run again)";
        }

        var data = Path.Combine(folder, "perf.data");
        var (exit, output) = await ProcessRunner.RunAsync(perf, ["record", "-q", "-o", data, .. recordArguments], folder, TimeSpan.FromSeconds(180), TestContext.Current.CancellationToken);
        if (exit != 0)
        {
            return $"perf record cannot sample here (exit {exit}; kernel.perf_event_paranoid = {ReadParanoid()}): {output.Trim()}";
        }

        var (scriptExit, _) = await ProcessRunner.RunAsync("/bin/sh", ["-c", $"'{perf}' script -i '{data}' > '{scriptFile}' 2>/dev/null"], folder, TimeSpan.FromSeconds(180), TestContext.Current.CancellationToken);
        Assert.Equal(0, scriptExit);
        return null;
    }

    private static string ReadParanoid()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
