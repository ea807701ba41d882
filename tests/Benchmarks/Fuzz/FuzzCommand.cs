using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Benchmarks.Fuzz;

/// <summary>
/// `fuzz DIR... [--seed S] [--seconds N] [--timeout-ms N] [--slow-factor F] [--slow-floor-ms N] [--max-bytes N] [--save DIR]`:
/// a deterministic mutation fuzzer over the whole review. Each .py/.pyi/.rs file below the folders (in an order fixed
/// by the seed) is reviewed as it is, then mutated (<see cref="SourceMutator"/>) and each mutant reviewed in full
/// (<see cref="FullReview"/>) on a task with a deadline. A failure is an exception, a rule failure, a hang (no end within
/// --timeout-ms, default 10 s) or a mutant slower than --slow-factor (20) times its unmutated file, when over
/// --slow-floor-ms (50 ms), per byte: a mutant twice the size may take twice as long. Failing inputs (exceptions minimized) are written to --save (default artifacts/fuzz) for
/// tests/fuzz/regressions. Runs until --seconds (default 120) are spent; the N-th input is the same on every run with
/// the same seed and corpus. Prints totals; exit 1 on any failure.
/// </summary>
internal static class FuzzCommand
{
    private const int MutantsPerFile = 16;
    private const int MaxHangs = 3; // a hung review keeps its thread: stop before they pile up

    public static int Run(string[] args)
    {
        var options = FuzzOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: fuzz DIR... [--seed S] [--seconds N] [--timeout-ms N] [--slow-factor F] [--slow-floor-ms N] [--max-bytes N] [--save DIR] (every DIR must exist)");
            return 2;
        }

        var corpus = options.Folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(SyntaxParsers.IsSupportedExtension)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}site-packages{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f)))
            .Where(f => f.Bytes.Length <= options.MaxBytes)
            .ToList();
        var random = new Random(options.Seed);
        corpus = [.. corpus.OrderBy(_ => random.Next())];
        var work = Directory.CreateTempSubdirectory("skillhost-fuzz-").FullName;
        var review = new FullReview();
        var failures = new List<string>();
        var known = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var (inputs, hangs) = (0, 0);
        var clock = Stopwatch.StartNew();
        try
        {
            // Round after round over the corpus, new mutants each round, until the time is spent.
            var baselines = new TimeSpan?[corpus.Count];
            for (var step = 0; corpus.Count > 0 && clock.Elapsed.TotalSeconds < options.Seconds && hangs < MaxHangs; step++)
            {
                var (index, round) = (step % corpus.Count, step / corpus.Count);
                var (path, original) = corpus[index];
                var name = Path.GetFileName(path);
                if (round == 0)
                {
                    var (elapsed, problem) = Baseline(review, work, name, original, options);
                    baselines[index] = elapsed;
                    if (problem is not null)
                    {
                        // The unmutated file fails already: a failure of its own, and nothing to compare mutants with.
                        hangs += problem.StartsWith("hang", StringComparison.Ordinal) ? 1 : 0;
                        failures.Add($"{path}: unmutated: {problem}");
                        Console.WriteLine($"failure {failures[^1]}");
                    }
                }

                if (baselines[index] is not { } baseline)
                {
                    if (round > 0 && Array.TrueForAll(baselines, b => b is null))
                    {
                        break;
                    }

                    continue;
                }

                // Not HashCode.Combine: it is randomised per process, and the N-th input must be the same on every run.
                var mutator = new SourceMutator(new Random(unchecked((options.Seed * 1_000_003) + (round * 7_919) + index)));
                for (var m = 0; m < MutantsPerFile && clock.Elapsed.TotalSeconds < options.Seconds; m++)
                {
                    var mutant = mutator.Mutate(original, corpus[(index + 1 + m) % corpus.Count].Bytes);
                    inputs++;
                    if (KnownIssues.Match(name, mutant) is { } issue)
                    {
                        known[issue] = known.GetValueOrDefault(issue) + 1;
                        continue;
                    }

                    var outcome = Attempt(review, work, name, mutant, options.Timeout);
                    // Per byte: a mutant ten times the size may take ten times as long; more than the factor on top is superlinear.
                    var growth = Math.Max(1.0, mutant.Length / (double)Math.Max(1, original.Length));
                    var limit = TimeSpan.FromMilliseconds(Math.Max(options.SlowFloorMs, options.SlowFactor * growth * baseline.TotalMilliseconds));
                    if (outcome.Problem is null && outcome.Elapsed > limit)
                    {
                        // Once more before blaming the input: a collection or the JIT may have landed on it.
                        outcome = Attempt(review, work, name, mutant, options.Timeout);
                        if (outcome.Problem is null && outcome.Elapsed > limit)
                        {
                            outcome = outcome with { Problem = string.Create(CultureInfo.InvariantCulture, $"slow: {outcome.Elapsed.TotalMilliseconds:F0} ms, unmutated {baseline.TotalMilliseconds:F1} ms") };
                        }
                    }

                    if (outcome.Problem is null)
                    {
                        continue;
                    }

                    hangs += outcome.Hung ? 1 : 0;
                    var kept = outcome.Hung || outcome.Problem.StartsWith("slow", StringComparison.Ordinal)
                        ? mutant
                        : FuzzMinimizer.Minimize(mutant, bytes => Attempt(review, work, name, bytes, options.Timeout).Problem == outcome.Problem);
                    failures.Add($"{Save(options.Save, name, kept, outcome.Problem, path)}: {outcome.Problem} (from {path})");
                    Console.WriteLine($"failure {failures[^1]}");
                }
            }
        }
        finally
        {
            if (hangs == 0)
            {
                Directory.Delete(work, recursive: true);
            }
        }

        foreach (var (issue, count) in known)
        {
            Console.WriteLine($"known {issue}: {count} input(s) not run (tests/fuzz/KNOWN.md)");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: seed={options.Seed} corpus_files={corpus.Count} inputs={inputs} seconds={seconds:F1} inputs_per_second={inputs / seconds:F1} failures={failures.Count} hangs={hangs} known={known.Values.Sum()}"));
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The unmutated file's review time (the faster of two), or why it cannot be reviewed.</summary>
    private static (TimeSpan? Elapsed, string? Problem) Baseline(FullReview review, string work, string name, byte[] original, FuzzOptions options)
    {
        var first = Attempt(review, work, name, original, options.Timeout);
        var second = first.Problem is null ? Attempt(review, work, name, original, options.Timeout) : first;
        return second.Problem is null ? (TimeSpan.FromTicks(Math.Min(first.Elapsed.Ticks, second.Elapsed.Ticks)), null) : (null, second.Problem);
    }

    private sealed record Outcome(string? Problem, TimeSpan Elapsed, bool Hung = false);

    /// <summary>Reviews <paramref name="bytes"/> as the file <paramref name="name"/> in <paramref name="work"/>, on a task given <paramref name="timeout"/>.</summary>
    private static Outcome Attempt(FullReview review, string work, string name, byte[] bytes, TimeSpan timeout)
    {
        var file = Path.Combine(work, name);
        File.WriteAllBytes(file, bytes);
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() => review.Run(file));
        try
        {
            if (!task.Wait(timeout))
            {
                return new Outcome(string.Create(CultureInfo.InvariantCulture, $"hang: no end within {timeout.TotalMilliseconds:F0} ms"), clock.Elapsed, Hung: true);
            }
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            return new Outcome($"exception: {Signature(inner)}", clock.Elapsed);
        }

        var elapsed = clock.Elapsed;
        return task.Result is [var failure, ..] ? new Outcome($"rule failure: {failure.RuleId}: {failure.Message}", elapsed) : new Outcome(null, elapsed);
    }

    // The type, the message and the frame that threw: the same bug found twice has the same signature.
    private static string Signature(Exception e)
    {
        var frame = new StackTrace(e, fNeedFileInfo: false).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m is not null);
        return $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} at {frame?.DeclaringType?.Name}.{frame?.Name}";
    }

    private static string Save(string folder, string name, byte[] bytes, string problem, string origin)
    {
        Directory.CreateDirectory(folder);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        var file = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{hash}{Path.GetExtension(name)}");
        File.WriteAllBytes(file, bytes);
        File.WriteAllText(file + ".txt", $"{problem}\nmutant of {origin}\n");
        return file;
    }
}
