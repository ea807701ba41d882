using System.CommandLine;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Cli;

namespace SkillHost.Server.Tests.Cli;

/// <summary>Runs <c>review</c> in-process over a private temp folder (its working folder), with the test rules and string writers.</summary>
internal sealed class ReviewCliHarness : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "skillhost-review-cli-" + Guid.NewGuid().ToString("N"));

    public ReviewCliHarness() => Directory.CreateDirectory(Root);

    public IReadOnlyList<Rule> Catalogue { get; init; } = ReviewTestRules.All;

    public ReviewEnvironment Environment => new(Catalogue, Root, AppContext.BaseDirectory, new ReportTool("skillhost", "0.0.0-test", ReportTool.DefaultInformationUri));

    /// <summary>Parses and runs like <see cref="SkillHostCli.Run"/> does (usage errors exit 2), but with this harness's environment.</summary>
    public (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { ReviewCommand.Create(new CliOutput(output, error), Environment) };
        var result = root.Parse(["review", .. args]);
        if (UnknownOptions.UsageErrors(result) is { Count: > 0 } usageErrors)
        {
            foreach (var message in usageErrors)
            {
                error.WriteLine($"error: {message}");
            }

            return (ExitCodes.UsageOrIo, output.ToString(), error.ToString());
        }

        var exitCode = result.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>A folder with one Python and one Rust finding, and a clean file.</summary>
    public void WriteProject()
    {
        Write("src/app.py", "for x in xs:\n    slow(x)\n");
        Write("src/lib.rs", "fn f(v: &[String]) {\n    for s in v {\n        let _ = s.clone();\n    }\n}\n");
        Write("src/clean.py", "x = 1\n");
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
