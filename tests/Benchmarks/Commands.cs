namespace SkillHost.Benchmarks;

/// <summary>Plain commands that print figures (corpus runs and the like), dispatched by their first argument.</summary>
internal static class Commands
{
    // One line per command: name → entry point taking the remaining arguments and returning the exit code.
    private static readonly Dictionary<string, Func<string[], int>> Registry = new(StringComparer.Ordinal)
    {
        ["corpus"] = CorpusCommand.Run,
        ["review-corpus"] = ReviewCorpusCommand.Run,
        ["review-timings"] = ReviewTimingsCommand.Run,
        ["scaling"] = ScalingCommand.Run,
        ["model-memory"] = ModelMemoryCommand.Run,
        ["profile-parse"] = ProfileParseCommand.Run,
        ["fuzz"] = Fuzz.FuzzCommand.Run,
        ["rpc-fuzz"] = Fuzz.RpcFuzzCommand.Run,
    };

    public static bool TryRun(string[] args, out int exitCode)
    {
        if (Registry.TryGetValue(args[0], out var run))
        {
            exitCode = run(args[1..]);
            return true;
        }

        exitCode = 0;
        return false;
    }
}
