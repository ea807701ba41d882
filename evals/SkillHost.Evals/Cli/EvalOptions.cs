using System.CommandLine;
using SkillHost.Evals.Scoring;

namespace SkillHost.Evals.Cli;

/// <summary>The options every verb shares: where the skill and cases are, and the pass threshold.</summary>
internal sealed class EvalOptions
{
    public Option<string?> Skill { get; } = new("--skill") { Description = $"The skill folder or SKILL.md (default: {EvalPaths.BundledSkill} in the repository)." };

    public Option<string?> Cases { get; } = new("--cases") { Description = "The cases folder holding evals.json (default: evals/cases)." };

    public Option<double> Threshold { get; } = new("--threshold") { Description = "Overall score a case needs to pass, 0 to 1.", DefaultValueFactory = _ => ReportScorer.DefaultThreshold };

    public void AddTo(Command command)
    {
        command.Options.Add(Skill);
        command.Options.Add(Cases);
        command.Options.Add(Threshold);
    }

    public EvalArguments Read(ParseResult result) => new(
        Directory.GetCurrentDirectory(), result.GetValue(Skill), result.GetValue(Cases), result.GetValue(Threshold));
}

/// <summary>The shared options as parsed.</summary>
public sealed record EvalArguments(string WorkingDirectory, string? Skill, string? Cases, double Threshold, string? Cassettes = null, string? Output = null)
{
    /// <summary>Resolves the paths and loads the skill and cases, or reports why not.</summary>
    public static EvalSetup? Setup(EvalArguments arguments, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(error);
        if (arguments.Threshold is < 0 or > 1 || double.IsNaN(arguments.Threshold))
        {
            error.WriteLine($"error: --threshold {arguments.Threshold} is outside 0..1.");
            return null;
        }

        var paths = EvalPaths.Find(arguments.WorkingDirectory, arguments.Cases, arguments.Cassettes, arguments.Skill, arguments.Output);
        if (paths is null)
        {
            error.WriteLine("error: cannot find evals/cases/evals.json above the working folder; run from the repository or pass --cases and --skill.");
            return null;
        }

        return EvalSetup.Load(paths, error);
    }
}
