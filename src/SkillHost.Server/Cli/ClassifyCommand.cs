using System.CommandLine;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost classify PATH... [--format text|markdown|json] [--skill PATH]</c>: the skill's step 1 for each
/// file and function (test, library, application cold or hot), with evidence and the skill's advice.
/// Exit 0, or 2 for a usage or I/O error or when nothing could be classified.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create(CliOutput output, ReviewEnvironment? environment = null)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files and folders to classify (.py, .pyi, .rs)." };
        var format = SkillCommand.FormatOption(ReportFormats.Text, ReportFormats.Markdown, ReportFormats.Json);
        var skill = new Option<string>("--skill") { Description = "The skill whose step-1 advice to quote.", DefaultValueFactory = _ => ReviewCommand.BundledSkill };
        var fileBudget = FileBudgetOption.Create();
        var command = new Command("classify", "Classify code as the skill's step 1 does: test, library, application cold or hot path, per file and function.")
        {
            paths, format, skill, fileBudget,
        };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(format)!, r.GetValue(skill)!, output, environment ?? ReviewEnvironment.Current(), FileBudgetOption.ToBudget(r.GetValue(fileBudget))));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, string skillPath, CliOutput output, ReviewEnvironment environment, TimeSpan? fileBudget = null)
    {
        if (SourceDiscovery.PathProblem(paths, environment.WorkingDirectory) is { } problem)
        {
            output.Error.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrIo;
        }

        if (SkillLoading.LoadForVerb(skillPath, output, environment) is not { } skill)
        {
            return ExitCodes.UsageOrIo;
        }

        using var heap = new BatchHeap();
        var (files, skipped) = new PerformanceWorkflow(skill, environment.Catalogue).ClassifyPaths(paths, environment.WorkingDirectory, new SourceReviewOptions { Discovered = heap.Reserve, FileBudget = fileBudget });
        foreach (var s in skipped)
        {
            output.Error.WriteLine($"warning: skipped {PrintableText.Escape(s.Path)}: {PrintableText.Line(s.Describe())}");
        }

        if (files.Count == 0)
        {
            output.Error.WriteLine("error: nothing could be classified. Pass Python (.py) or Rust (.rs) source files or folders holding them.");
            return ExitCodes.UsageOrIo;
        }

        using var rendered = new StringWriter();
        if (format == ReportFormats.Json)
        {
            rendered.WriteLine(WorkflowJson.Serialize(files));
        }
        else
        {
            Write(files, format == ReportFormats.Markdown, rendered);
        }

        output.Out.Write(rendered.GetStringBuilder());
        return ExitCodes.Ok;
    }

    private static void Write(IReadOnlyList<FileClassification> files, bool markdown, TextWriter w)
    {
        foreach (var file in files)
        {
            w.WriteLine(markdown ? $"## `{PrintableText.Escape(file.Path)}`: {file.File.ClassName} ({Confidence(file.File)})" : $"{PrintableText.Escape(file.Path)}: {file.File.ClassName} ({Confidence(file.File)})");
            var indent = markdown ? string.Empty : "    ";
            if (markdown)
            {
                w.WriteLine();
            }

            foreach (var evidence in file.File.Evidence)
            {
                w.WriteLine($"{indent}- {Where(evidence)}{evidence.Fact}");
            }

            if (file.File.Advice.Length > 0)
            {
                w.WriteLine($"{indent}- advice: {file.File.Advice}");
            }

            if (markdown && file.Functions.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("| Function | Line | Class | Confidence | Evidence |");
                w.WriteLine("|---|---|---|---|---|");
            }

            foreach (var function in file.Functions)
            {
                var c = function.Classification;
                var facts = string.Join("; ", c.Evidence.Select(e => e.Fact));
                w.WriteLine(markdown
                    ? $"| `{function.Name}` | {function.Line} | {c.ClassName} | {Confidence(c)} | {facts.Replace("|", "\\|", StringComparison.Ordinal)} |"
                    : $"    {function.Line,5}  {function.Name,-28} {c.ClassName,-17} {Confidence(c),-6}  {facts}");
            }

            w.WriteLine();
        }
    }

    private static string Confidence(CodeClassification classification) => classification.Confidence.ToString().ToLowerInvariant();

    private static string Where(ClassificationEvidence evidence) => evidence.Line > 0 ? $"line {evidence.Line}: " : string.Empty;
}
