using System.CommandLine;

namespace SkillHost.Server.Cli;

/// <summary>What <c>review</c> takes for team use: project config, suppressions, baseline, changed lines, CI exit code.</summary>
internal sealed record ReviewTeamArguments
{
    public static ReviewTeamArguments None { get; } = new();

    /// <summary><c>--config FILE</c>: this config governs every file, none is looked for.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--isolated</c>: no config at all.</summary>
    public bool Isolated { get; init; }

    /// <summary><c>--select</c> was given: it replaces the configs' select, extend-select and ignore.</summary>
    public bool SelectGiven { get; init; }

    /// <summary><c>--max-issues</c> was given: it wins over the config's.</summary>
    public bool MaxIssuesGiven { get; init; }

    public bool ReportUnusedIgnores { get; init; }

    public bool ForceExclude { get; init; }

    public string? Baseline { get; init; }

    public string? WriteBaseline { get; init; }

    public string? DiffRef { get; init; }

    public bool ExitZero { get; init; }
}

/// <summary>The options behind <see cref="ReviewTeamArguments"/>, added to the <c>review</c> verb.</summary>
internal sealed class ReviewTeamOptions
{
    private readonly Option<string?> _config = new("--config") { HelpName = "FILE", Description = "Use this config file (a skillhost.toml, or a pyproject.toml with [tool.skillhost]) for every file instead of looking for one near each file." };
    private readonly Option<bool> _isolated = new("--isolated") { Description = "Ignore every config file (pyproject.toml [tool.skillhost], skillhost.toml, .skillhost.toml)." };
    private readonly Option<bool> _unused = new("--report-unused-ignores") { Description = "List the skillhost: ignore comments that silenced nothing (on stderr; exit 1 when there are any)." };
    private readonly Option<bool> _forceExclude = new("--force-exclude") { Description = "Apply the config's exclude globs to files named on the command line too (as pre-commit passes them)." };
    private readonly Option<string?> _baseline = new("--baseline") { HelpName = "FILE", Description = "Report only findings this baseline file (from --write-baseline) does not hold; the summary lists the ones fixed since." };
    private readonly Option<string?> _writeBaseline = new("--write-baseline") { HelpName = "FILE", Description = "Record today's findings in this file (fingerprints that survive moved lines), for --baseline later." };
    private readonly Option<string?> _diff = new("--diff") { HelpName = "REF", Description = "Review the whole project but report only findings on lines added or changed since this git ref (e.g. HEAD, origin/main), untracked files included." };
    private readonly Option<bool> _exitZero = new("--exit-zero") { Description = "Exit 0 even when there are findings (usage and I/O errors still exit 2)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _config, _isolated, _unused, _forceExclude, _baseline, _writeBaseline, _diff, _exitZero })
        {
            command.Add(option);
        }
    }

    public ReviewTeamArguments Read(ParseResult result, Option select, Option maxIssues) => new()
    {
        ConfigFile = result.GetValue(_config),
        Isolated = result.GetValue(_isolated),
        SelectGiven = result.GetResult(select) is { Implicit: false },
        MaxIssuesGiven = result.GetResult(maxIssues) is { Implicit: false },
        ReportUnusedIgnores = result.GetValue(_unused),
        ForceExclude = result.GetValue(_forceExclude),
        Baseline = result.GetValue(_baseline),
        WriteBaseline = result.GetValue(_writeBaseline),
        DiffRef = result.GetValue(_diff),
        ExitZero = result.GetValue(_exitZero),
    };
}
