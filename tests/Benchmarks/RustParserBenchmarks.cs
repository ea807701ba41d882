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
/// ../shared/tools/rust-std-corpus.sh), and the whole corpus warm (the corpus command measures it cold);
/// a generated file stands in when no corpus is there.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class RustParserBenchmarks
{
    private SourceText[] _texts = [];
    private RustToken[] _tokens = [];

    [Params("largest", "median", "all")]
    public string File { get; set; } = "largest";

    [GlobalSetup]
    public void Setup()
    {
        _texts = RustBenchmarkInputs.Load(File);
        _tokens = new RustToken[_texts.Max(t => t.Length) / 2 + 16];
        Console.WriteLine($"// {File}: {_texts.Length} file(s), {_texts.Sum(t => (long)t.Length)} chars, first {_texts[0].Path}");
    }

    [Benchmark(Description = "lex")]
    public int Lex()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            count += RustLexer.Tokenize(text.Text, ref _tokens, includeComments: true, []);
        }

        return count;
    }

    [Benchmark(Description = "lex+structure")]
    public int Parse()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            count += RustParser.Parse(text).Root.Children.Count;
        }

        return count;
    }

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
            var mb = RustBenchmarkInputs.Load(file).Sum(t => (long)t.Length) / 1e6;
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
    private static readonly Dictionary<string, SourceText[]> Cache = [];

    public static SourceText[] Load(string which)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(which, out var texts))
            {
                texts = Read(which);
                Cache[which] = texts;
            }

            return texts;
        }
    }

    private static SourceText[] Read(string which)
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
                return which switch
                {
                    "largest" => [SourceText.Load(files[^1].FullName)],
                    "median" => [SourceText.Load(files[files.Count / 2].FullName)],
                    _ => [.. files.Select(f => SourceText.Load(f.FullName))],
                };
            }
        }

        return [SourceText.From(Generate(which == "median" ? 30_000 : 1_000_000), "generated.rs")];
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
