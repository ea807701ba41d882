using SkillHost.Evals.Cli;

namespace SkillHost.Evals.Tests.Support;

/// <summary>Runs the eval command line in-process against the repository's skill and cases, capturing both writers.</summary>
internal static class EvalCliHarness
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await EvalCli.RunAsync([.. args, "--cases", RepoPaths.Cases, "--skill", RepoPaths.Skill], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
