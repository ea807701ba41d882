using BenchmarkDotNet.Attributes;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Skills;

namespace SkillHost.Benchmarks;

/// <summary>
/// The whole workflow on one 1,000-line file, warm (skill parsed and workflow built once): classify,
/// checklist review, estimates, five-part report rendered as Markdown. Goal: under 20 ms.
/// Inputs: the CPython stdlib file closest to 1,000 lines (real code; a generated file when there is no
/// corpus), and the repository's Python and Rust samples repeated to 1,000 lines (dense with findings).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class WorkflowReviewBenchmarks
{
    private const int Lines = 1_000;
    private PerformanceWorkflow _workflow = null!;
    private SourceInput _input = null!;

    [Params("python-stdlib", "python-samples", "rust-samples")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = BundledSkill.Folder();
        _workflow = new PerformanceWorkflow(SkillParser.ParseFile(Path.Combine(folder, SkillParser.SkillFileName)));
        var samples = Path.GetFullPath(Path.Combine(folder, "..", "..", "samples"));
        _input = File switch
        {
            "python-stdlib" => StdlibFile(),
            "python-samples" => new SourceInput(Repeat(System.IO.File.ReadAllText(Path.Combine(samples, "python", "shop", "orders.py"))), "orders_x.py"),
            _ => new SourceInput(Repeat(System.IO.File.ReadAllText(Path.Combine(samples, "rust", "src", "main.rs"))), "main_x.rs"),
        };
        var result = _workflow.Review([_input]);
        Console.WriteLine($"// {File}: {_input.Path}, {_input.Code.Split('\n').Length} lines, {result.Outcome.Findings.Count} findings");
    }

    [Benchmark(Description = "review 1,000 lines → Markdown report")]
    public string Review() => MarkdownReportRenderer.Render(_workflow.Review([_input]).Report);

    private static SourceInput StdlibFile()
    {
        var files = PythonCorpus.Files();
        if (files.Count == 0)
        {
            return new SourceInput(PythonCorpus.Generated(Lines), "generated.py");
        }

        var closest = files.OrderBy(f => Math.Abs(System.IO.File.ReadLines(f).Count() - Lines)).ThenBy(f => f, StringComparer.Ordinal).First();
        return new SourceInput(System.IO.File.ReadAllText(closest), Path.GetFileName(closest));
    }

    // Copies renamed per repetition (distinct function names), cut at 1,000 lines.
    private static string Repeat(string code)
    {
        var lines = new List<string>();
        for (var copy = 0; lines.Count < Lines; copy++)
        {
            lines.AddRange(code.Replace("def ", $"def c{copy}_", StringComparison.Ordinal).Replace("fn ", $"fn c{copy}_", StringComparison.Ordinal).Split('\n'));
        }

        return string.Join('\n', lines.Take(Lines));
    }
}
