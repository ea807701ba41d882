namespace SkillHost.Evals.Measuring;

/// <summary>
/// The fixed drivers around a case's harness. Each prints one JSON line: <c>value</c> (the best of the runs: seconds per
/// call, or peak bytes) and <c>output</c> (a digest of what the code returned, to compare versions).
/// </summary>
internal static class Drivers
{
    /// <summary>
    /// <c>driver.py CODE HARNESS N RUNS time|memory</c>: runs the code, then the harness, in one namespace; times
    /// <c>run(make_input(N))</c> with timeit (each run at least 0.2 s of calls) or takes its tracemalloc peak.
    /// </summary>
    public const string Python = """
        import hashlib, json, sys, timeit, tracemalloc

        code_path, harness_path, n, runs, metric = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        namespace = {"__name__": "measured_case"}
        with open(code_path) as f:
            exec(compile(f.read(), code_path, "exec"), namespace)
        with open(harness_path) as f:
            exec(compile(f.read(), harness_path, "exec"), namespace)
        make_input, run = namespace["make_input"], namespace["run"]
        data = make_input(n)
        output = hashlib.sha256(repr(run(data)).encode()).hexdigest()
        if metric == "memory":
            peaks = []
            for _ in range(runs):
                tracemalloc.start()
                run(data)
                peaks.append(tracemalloc.get_traced_memory()[1])
                tracemalloc.stop()
            samples = peaks
        else:
            timer = timeit.Timer(lambda: run(data))
            number, _ = timer.autorange()
            samples = [t / number for t in timer.repeat(repeat=runs, number=number)]
        print(json.dumps({"value": min(samples), "samples": samples, "output": output}))
        """;

    /// <summary>Lints a cut of real code would raise (items the harness does not use).</summary>
    public const string RustPrelude = "#![allow(dead_code, unused_imports, unused_variables, unused_mut)]\n";

    /// <summary>
    /// <c>main</c> for a Rust case: the harness gives <c>make_input(n)</c> and <c>run(&amp;input) -&gt; String</c>; each
    /// run times enough calls to last at least 50 ms and the best per-call time wins.
    /// </summary>
    public const string RustMain = """
        fn main() {
            use std::hash::{Hash, Hasher};
            use std::time::Instant;
            let args: Vec<String> = std::env::args().collect();
            let n: usize = args[1].parse().expect("input size");
            let runs: usize = args[2].parse().expect("runs");
            let input = make_input(n);
            let output = run(&input);
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            output.hash(&mut hasher);
            let mut calls: u64 = 1;
            loop {
                let start = Instant::now();
                for _ in 0..calls {
                    std::hint::black_box(run(std::hint::black_box(&input)));
                }
                if start.elapsed().as_millis() >= 50 || calls >= 1 << 24 {
                    break;
                }
                calls *= 2;
            }
            let mut samples = Vec::with_capacity(runs);
            for _ in 0..runs {
                let start = Instant::now();
                for _ in 0..calls {
                    std::hint::black_box(run(std::hint::black_box(&input)));
                }
                samples.push(start.elapsed().as_secs_f64() / calls as f64);
            }
            let best = samples.iter().cloned().fold(f64::INFINITY, f64::min);
            let list: Vec<String> = samples.iter().map(|s| format!("{:e}", s)).collect();
            println!("{{\"value\": {:e}, \"samples\": [{}], \"output\": \"{:016x}-{}\"}}", best, list.join(", "), hasher.finish(), output.len());
        }
        """;
}
