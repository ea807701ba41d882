using SkillHost.Evals.Cli;

return await EvalCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
