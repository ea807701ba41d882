using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Text;

namespace SkillHost.Benchmarks;

/// <summary>
/// Python lexing alone and lexing plus structure on real files: the largest code file and the median
/// file of the newest CPython stdlib that ../shared/tools/corpora.sh lists, or a generated file when there is none.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class PythonParserBenchmarks
{
    private SourceText _text = null!;

    [Params("largest", "median")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var files = PythonCorpus.Files();
        if (files.Count == 0)
        {
            _text = SourceText.From(PythonCorpus.Generated(File == "largest" ? 400_000 : 20_000));
            return;
        }

        // pydoc_data/topics.py (one dict of long strings) is data, not code: the largest code file is more telling.
        var bySize = files.Where(f => !f.Contains("pydoc_data", StringComparison.Ordinal)).OrderBy(f => new FileInfo(f).Length).ToList();
        var path = File == "largest" ? bySize[^1] : bySize[bySize.Count / 2];
        _text = SourceText.Load(path);
        Console.WriteLine($"// {File}: {path} ({_text.Length} chars)");
    }

    [Benchmark]
    public int Lex() => PythonLexer.Tokenize(_text, includeTrivia: false).Count;

    [Benchmark]
    public int LexAndStructure() => PythonParser.Parse(_text).Root.Children.Count;

    internal int InputLength => _text.Length;

    /// <summary>Adds MB/s (input characters per second) next to the mean.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Input megabytes (10^6 chars) per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
            {
                return "-";
            }

            var instance = new PythonParserBenchmarks { File = (string)benchmarkCase.Parameters["File"] };
            instance.Setup();
            return (instance.InputLength / 1e6 / (stats.Mean / 1e9)).ToString("F1", CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}

/// <summary>Finds the Python corpus through the shared corpora script, without machine paths in the repository.</summary>
internal static class PythonCorpus
{
    public static IReadOnlyList<string> Files()
    {
        var script = FindScript();
        if (script is null)
        {
            return [];
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true })!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            process.WaitForExit();
            // "python <files> <bytes> <folder>": the newest interpreter is listed last.
            var folder = lines.Where(l => l.StartsWith("python ", StringComparison.Ordinal)).Select(l => l.Split(' ', 4)[3]).LastOrDefault();
            return folder is null || !Directory.Exists(folder) ? [] : Directory.GetFiles(folder, "*.py", SearchOption.AllDirectories);
        }
#pragma warning disable CA1031 // No corpus is not an error: the benchmark falls back to generated input.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }

    public static string Generated(int lines)
    {
        const string unit = "class C(Base):\n    def m(self, items):\n        for x in items:\n            if x in self.seen:\n                log.debug(f\"{x!r}\")\n        return [f(y) for y in items]\n";
        return string.Concat(Enumerable.Repeat(unit, lines / 6));
    }

    // BenchmarkDotNet runs a generated copy elsewhere, so this source file's own path is tried too.
    private static string? FindScript([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "tools", "corpora.sh");
                if (System.IO.File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
