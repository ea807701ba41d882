using SkillHost.Server.Cli;

namespace SkillHost.Server.Tests.Support;

/// <summary>Runs <c>skillhost</c> in-process with string writers and writes test skills to a private temp folder.</summary>
internal sealed class CliHarness : IDisposable
{
    public string Temp { get; } = Path.Combine(Path.GetTempPath(), "skillhost-cli-" + Guid.NewGuid().ToString("N"));

    public CliHarness() => Directory.CreateDirectory(Temp);

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = SkillHostCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public string WriteSkill(string folder, string text)
    {
        var directory = Path.Combine(Temp, folder);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "SKILL.md"), text);
        return directory;
    }

    public string ValidSkill() => WriteSkill("demo", """
        ---
        name: demo
        description: Demonstrates the CLI. Use in tests.
        ---
        # Demo

        | Operation | Cost |
        |---|---|
        | Call | 50-100 ns |

        ## Checklist

        - [ ] Avoid loops `demo/loops`
        """);

    public void Dispose() => Directory.Delete(Temp, recursive: true);
}
