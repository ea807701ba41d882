using System.CommandLine;

namespace SkillHost.Server.Cli;

/// <summary>The <c>skillhost</c> command tree. Each verb lives in its own file and is added here.</summary>
internal static class SkillHostCli
{
    public static RootCommand Build(CliOutput output, Func<InstallerHost>? installerHost = null)
    {
        var root = new RootCommand("SkillHost: a host for AI-agent skills (Agent Skills SKILL.md) with an MCP server.");
        root.Add(SkillCommand.Create(output));
        root.Add(ReviewCommand.Create(output));
        root.Add(ClassifyCommand.Create(output));
        root.Add(EstimateCommand.Create(output));
        root.Add(ProfileCommand.Create(output));
        root.Add(CompareCommand.Create(output));
        root.Add(RuleCommand.Create(output));
        root.Add(ServeCommand.Create(output));
        foreach (var command in InstallCommands.Create(output, installerHost ?? InstallerHost.FromProcess))
        {
            root.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, installerHost: null);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with the install verbs' machine given (tests pass a temporary home).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<InstallerHost>? installerHost)
    {
        var cli = new CliOutput(output, error);
        var result = Build(cli, installerHost).Parse(args);
        if (UnknownOptions.UsageErrors(result) is { Count: > 0 } usageErrors)
        {
            // System.CommandLine would exit 1 on a usage error; 1 means "the skill has problems" here, so report and use 2.
            foreach (var message in usageErrors)
            {
                error.WriteLine($"error: {message}");
            }

            error.WriteLine("Run 'skillhost --help' (or 'skillhost skill <verb> --help') for usage.");
            return ExitCodes.UsageOrIo;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
