using System.CommandLine;

namespace SkillHost.Evals.Cli;

/// <summary>The eval runner's command line: running the evals (no verb) and <c>score</c>.</summary>
public static class EvalCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var options = new EvalOptions();
        var root = new RootCommand("SkillHost evals: run the performance skill's cases against agents and score their reports.");
        options.AddTo(root);
        foreach (var option in new Option[] { options.Skill, options.Cases, options.Threshold })
        {
            option.Recursive = true;
        }

        RunCommand.Configure(root, options, output, error);
        root.Subcommands.Add(ScoreCommand.Create(options, output, error));
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run with --help for usage.");
            return ExitCodes.UsageOrInput;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }
}
