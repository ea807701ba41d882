namespace SkillHost.Evals.Cli;

/// <summary>Exit codes of the eval runner.</summary>
public static class ExitCodes
{
    /// <summary>Every case reached the threshold.</summary>
    public const int Passed = 0;

    /// <summary>At least one case scored below the threshold (or its agent failed, e.g. a cassette miss).</summary>
    public const int BelowThreshold = 1;

    /// <summary>Bad command line, missing or malformed case, skill or report file.</summary>
    public const int UsageOrInput = 2;
}
