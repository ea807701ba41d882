using SkillHost.Server.Cli;

return SkillHostCli.Run(args, Console.Out, Console.Error);
