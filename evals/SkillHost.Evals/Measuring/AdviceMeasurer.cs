using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Scoring;
using SkillHost.Evals.Scoring.Checks;

namespace SkillHost.Evals.Measuring;

/// <summary>Where the toolchains are and how large an input the run may generate.</summary>
/// <param name="Python">A Python 3 interpreter (standard library only is used).</param>
/// <param name="Rustc">The Rust compiler (std only).</param>
/// <param name="MaxInput">Caps every case's input size (CI bounds the run with it); null keeps the sizes the cases state.</param>
public sealed record MeasureOptions(string Python, string Rustc, int? MaxInput)
{
    public const string PythonVariable = "SKILLHOST_EVAL_PYTHON";
    public const string RustcVariable = "SKILLHOST_EVAL_RUSTC";

    public static MeasureOptions FromEnvironment(Func<string, string?> environment, int? maxInput)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new MeasureOptions(
            environment(PythonVariable) is { Length: > 0 } python ? python : "python3",
            environment(RustcVariable) is { Length: > 0 } rustc ? rustc : "rustc",
            maxInput);
    }
}

/// <summary>
/// Runs a case's code and a report's patched code on the same generated input (the case's harness), several times, and
/// compares: the output must not change, the patched code must not be slower (or use more memory), and a claimed
/// speed-up more than <see cref="MeasuredAdvice.ClaimTolerance"/>× away from the measured one is reported. This is a
/// benchmark: it belongs to the eval run, never to unit tests.
/// </summary>
public sealed class AdviceMeasurer(MeasureOptions options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public MeasureOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public async Task<MeasuredAdvice?> MeasureAsync(EvalCase evalCase, string report, SkillRubric rubric, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rubric);
        if (evalCase.Measure is not { } spec)
        {
            return null;
        }

        var metric = spec.Metric == MeasureMetric.Memory ? "memory" : "time";
        var size = Options.MaxInput is { } cap ? Math.Min(cap, spec.Size) : spec.Size;
        var input = ScoringInput.Create(evalCase, rubric, report);
        var patch = input.Part(2) is { } part ? PatchCode.From(part) : [];
        var (patched, how) = PatchedCode.Apply(spec.Target.Content, patch, spec.Language);
        if (patched is null)
        {
            return MeasuredAdvice.NotRun(metric, size, spec.Runs, how);
        }

        using var folder = new ScratchFolder();
        Func<Task<Sample>> runBefore, runAfter;
        try
        {
            runBefore = await PrepareAsync(spec, spec.Target.Content, "before", size, folder.Path, cancellationToken).ConfigureAwait(false);
            _ = await runBefore().ConfigureAwait(false);
        }
        catch (ToolchainMissingException e)
        {
            return MeasuredAdvice.NotRun(metric, size, spec.Runs, e.Message);
        }
        catch (MeasureException e)
        {
            // The case's own code must run: a broken harness is the case's fault, reported as a failure of the measurement.
            return new MeasuredAdvice(MeasureStatus.Failed, metric, size, spec.Runs, null, null, "", null, null, null, [$"the case's own code does not run: {e.Message}"]);
        }

        Sample before, after;
        try
        {
            runAfter = await PrepareAsync(spec, patched, "after", size, folder.Path, cancellationToken).ConfigureAwait(false);

            // Rounds alternate the two versions, so a burst of load on a shared machine hits both; the best value wins.
            var befores = new List<Sample>();
            var afters = new List<Sample>();
            for (var round = 0; round < Rounds; round++)
            {
                befores.Add(await runBefore().ConfigureAwait(false));
                afters.Add(await runAfter().ConfigureAwait(false));
            }

            before = befores.MinBy(b => b.Value)! with { Output = befores[0].Output };
            after = afters.MinBy(a => a.Value)! with { Output = afters.Any(a => a.Output != afters[0].Output) ? "unstable" : afters[0].Output };
        }
        catch (MeasureException e)
        {
            return new MeasuredAdvice(MeasureStatus.Failed, metric, size, spec.Runs, null, null, "", null, null, null, [how, $"the patched code does not run: {e.Message}"]);
        }

        var ratio = after.Value > 0 ? before.Value / after.Value : double.PositiveInfinity;
        var same = before.Output == after.Output;
        var notes = new List<string> { how };
        var claimed = ClaimedFactor(input);
        if (claimed is { } c && ratio > 0 && (c / ratio > MeasuredAdvice.ClaimTolerance || ratio / c > MeasuredAdvice.ClaimTolerance))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the report claims {c:0.##}× but the measurement gives {ratio:0.##}×: more than {MeasuredAdvice.ClaimTolerance:0}× off"));
        }

        if (!same)
        {
            notes.Add("the patched code's output differs from the original's on the same input");
        }

        if (ratio < 1 - MeasuredAdvice.NoiseTolerance)
        {
            notes.Add(metric == "memory" ? "the patched code uses more memory" : "the patched code is slower");
        }

        var failed = !same || ratio < 1 - MeasuredAdvice.NoiseTolerance;
        return new MeasuredAdvice(failed ? MeasureStatus.Failed : MeasureStatus.Passed, metric, size, spec.Runs, before.Value, after.Value, before.Unit, Math.Round(ratio, 3), same, claimed, [.. notes]);
    }

    // The speed-up factor the expected issue's impact promises ("3–5× faster" → 5), when it states one.
    private static double? ClaimedFactor(ScoringInput input)
    {
        var issue = ExpectedIssueCheck.Matching(input) ?? input.Issues.FirstOrDefault();
        return issue?.ImpactSize() is ("factor", var factor) ? factor : null;
    }

    /// <summary>How many times each version runs (alternating), each run taking the best of the case's runs.</summary>
    public const int Rounds = 3;

    private Task<Func<Task<Sample>>> PrepareAsync(MeasureSpec spec, string code, string label, int size, string folder, CancellationToken cancellationToken) =>
        spec.Language == CaseLanguage.Rust
            ? PrepareRustAsync(spec, code, label, size, folder, cancellationToken)
            : PreparePythonAsync(spec, code, label, size, folder, cancellationToken);

    private async Task<Func<Task<Sample>>> PreparePythonAsync(MeasureSpec spec, string code, string label, int size, string folder, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, $"{label}.py");
        var harness = Path.Combine(folder, "harness.py");
        var driver = Path.Combine(folder, "driver.py");
        await File.WriteAllTextAsync(target, code, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(harness, spec.Harness.Content, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(driver, Drivers.Python, cancellationToken).ConfigureAwait(false);
        var metric = spec.Metric == MeasureMetric.Memory ? "memory" : "time";
        return async () => Sample.Parse(
            await ProcessRunner.RunAsync(Options.Python, [driver, target, harness, Invariant(size), Invariant(spec.Runs), metric], folder, cancellationToken).ConfigureAwait(false),
            spec.Metric == MeasureMetric.Memory ? "bytes" : "seconds");
    }

    private async Task<Func<Task<Sample>>> PrepareRustAsync(MeasureSpec spec, string code, string label, int size, string folder, CancellationToken cancellationToken)
    {
        var source = Path.Combine(folder, $"{label}.rs");
        var binary = Path.Combine(folder, label + (OperatingSystem.IsWindows() ? ".exe" : ""));
        await File.WriteAllTextAsync(source, Drivers.RustPrelude + code + "\n\n" + spec.Harness.Content + "\n\n" + Drivers.RustMain, cancellationToken).ConfigureAwait(false);
        await ProcessRunner.RunAsync(Options.Rustc, ["--edition", "2021", "-C", "opt-level=3", "-o", binary, source], folder, cancellationToken).ConfigureAwait(false);
        return async () => Sample.Parse(await ProcessRunner.RunAsync(binary, [Invariant(size), Invariant(spec.Runs)], folder, cancellationToken).ConfigureAwait(false), "seconds");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What one version's run printed: the best value, its unit and a digest of its output.</summary>
    private sealed record Sample(double Value, string Unit, string Output)
    {
        public static Sample Parse(string stdout, string unit)
        {
            var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.TrimStart().StartsWith('{'))
                ?? throw new MeasureException($"the harness printed no result line: {Shorten(stdout)}");
            try
            {
                using var json = JsonDocument.Parse(line);
                return new Sample(json.RootElement.GetProperty("value").GetDouble(), unit, json.RootElement.GetProperty("output").GetString() ?? "");
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new MeasureException($"the harness printed an unreadable result ({e.Message}): {Shorten(line)}");
            }
        }
    }

    internal static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length <= 600 ? t : "…" + t[^600..];
    }

    private static class ProcessRunner
    {
        public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string folder, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new ToolchainMissingException($"'{program}' did not start");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new ToolchainMissingException($"'{program}' is not available ({e.Message}); install it or set {MeasureOptions.PythonVariable} / {MeasureOptions.RustcVariable}");
            }

            using (process)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Timeout);
                var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                try
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    process.Kill(entireProcessTree: true);
                    throw new MeasureException($"'{Path.GetFileName(program)}' ran longer than {Timeout.TotalMinutes:0} minutes");
                }

                var output = await stdout.ConfigureAwait(false);
                var error = await stderr.ConfigureAwait(false);
                return process.ExitCode == 0
                    ? output
                    : throw new MeasureException($"'{Path.GetFileName(program)}' exited with {process.ExitCode}: {Shorten(error.Length > 0 ? error : output)}");
            }
        }
    }

    private sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("skillhost-measure-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; the OS cleans it.
            }
        }
    }
}

/// <summary>A version of the code did not build or run, or printed no result.</summary>
public sealed class MeasureException(string message) : Exception(message)
{
    public MeasureException()
        : this("the measurement failed")
    {
    }

    public MeasureException(string message, Exception inner)
        : this(message + ": " + inner?.Message)
    {
    }
}

/// <summary>The interpreter or compiler a measurement needs is not installed.</summary>
public sealed class ToolchainMissingException(string message) : Exception(message)
{
    public ToolchainMissingException()
        : this("a toolchain is missing")
    {
    }

    public ToolchainMissingException(string message, Exception inner)
        : this(message + ": " + inner?.Message)
    {
    }
}
