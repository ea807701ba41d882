using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Text;

namespace SkillHost.Benchmarks;

/// <summary>
/// Rust lexing alone and lexing plus structure on real files: the largest and the median file of the
/// Rust std corpus (folder from $RUST_CORPUS, else the temp folder's rust-std as filled by
/// ../shared/tools/rust-std-corpus.sh), or a generated file when no corpus is there.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class RustParserBenchmarks
{
    private SourceText _text = null!;
    private RustToken[] _tokens = [];

    [Params("largest", "median")]
    public string File { get; set; } = "largest";

    [GlobalSetup]
    public void Setup()
    {
        _text = RustBenchmarkInputs.Load(File);
        _tokens = new RustToken[_text.Length / 2 + 16];
        Console.WriteLine($"// {File}: {_text.Path} ({_text.Length} chars)");
    }

    [Benchmark(Description = "lex")]
    public int Lex() => RustLexer.Tokenize(_text.Text, ref _tokens, includeComments: true, []);

    [Benchmark(Description = "lex+structure")]
    public int Parse() => RustParser.Parse(_text).Root.Children.Count;

    /// <summary>Adds MB/s and allocated bytes per MB of input to the summary.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new PerMegabyteColumn("MB/s", (report, mb) => mb / (report.ResultStatistics!.Mean / 1e9)));
            AddColumn(new PerMegabyteColumn("Alloc/MB", (report, mb) => (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0) / mb));
        }
    }

    private sealed class PerMegabyteColumn(string name, Func<BenchmarkReport, double, double> value) : IColumn
    {
        public string Id => "RustPerMB." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name == "MB/s" ? "Megabytes of source per second" : "Bytes allocated per megabyte of source";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is null)
            {
                return "-";
            }

            var file = (string)benchmarkCase.Parameters["File"];
            var mb = RustBenchmarkInputs.Load(file).Length / 1e6;
            return value(report, mb).ToString("N1", CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

/// <summary>Picks the benchmark inputs: real corpus files when present, else a generated file.</summary>
internal static class RustBenchmarkInputs
{
    public static SourceText Load(string which)
    {
        var folder = Environment.GetEnvironmentVariable("RUST_CORPUS");
        if (string.IsNullOrEmpty(folder))
        {
            folder = Path.Combine(Path.GetTempPath(), "rust-std");
        }

        if (Directory.Exists(folder))
        {
            var files = Directory.EnumerateFiles(folder, "*.rs", SearchOption.AllDirectories)
                .Select(f => new FileInfo(f))
                .OrderBy(f => f.Length)
                .ThenBy(f => f.FullName, StringComparer.Ordinal)
                .ToList();
            if (files.Count > 0)
            {
                var pick = which == "largest" ? files[^1] : files[files.Count / 2];
                return SourceText.Load(pick.FullName);
            }
        }

        return SourceText.From(Generate(which == "largest" ? 1_000_000 : 30_000), "generated.rs");
    }

    private static string Generate(int size)
    {
        const string Unit = """
            /// Sums the lengths of the names.
            #[inline]
            pub fn total(items: &[Item], cache: &mut HashMap<String, usize>) -> usize {
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter().filter(|i| i.enabled) {
                    let name = item.name.clone();
                    out.push(format!("{}:{}", name, item.id));
                    if let Some(v) = cache.get(&name) { debug!("hit {}", v); }
                }
                out.iter().map(|s| s.len()).sum()
            }

            """;
        return string.Concat(Enumerable.Repeat(Unit, size / Unit.Length + 1));
    }
}
