using System.Collections.Immutable;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Scoring;
using SkillHost.Skills;

namespace SkillHost.Evals.Cli;

/// <summary>The parsed skill, its rubric and the cases: what every verb needs, loaded with clear errors.</summary>
public sealed record EvalSetup(EvalPaths Paths, SkillDocument Skill, SkillRubric Rubric, ImmutableArray<EvalCase> Cases)
{
    /// <summary>Loads everything, or writes why not to <paramref name="error"/> and returns null.</summary>
    public static EvalSetup? Load(EvalPaths paths, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(error);
        if (!File.Exists(paths.SkillFile))
        {
            error.WriteLine($"error: no SKILL.md at '{paths.SkillFile}'; pass --skill with a skill folder or its SKILL.md.");
            return null;
        }

        try
        {
            var skill = SkillParser.ParseFile(paths.SkillFile);
            if (skill.HasErrors)
            {
                error.WriteLine($"error: the skill at '{paths.SkillFile}' has errors; run 'skillhost skill validate' on it:");
                foreach (var d in skill.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    error.WriteLine($"  {d}");
                }

                return null;
            }

            var rubric = SkillRubric.From(skill).WithSynonyms(Path.Combine(paths.Cases, SkillRubric.SynonymsFileName));
            return new EvalSetup(paths, skill, rubric, CaseCatalog.Load(paths.Cases, skill));
        }
        catch (CaseFileException e)
        {
            error.WriteLine($"error: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"error: {e.Message}");
        }
        catch (IOException e)
        {
            error.WriteLine($"error: cannot read the skill or cases: {e.Message}");
        }

        return null;
    }

    /// <summary>The case with <paramref name="id"/>, or null after telling which ids exist.</summary>
    public EvalCase? FindCase(string id, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var found = Cases.FirstOrDefault(c => c.Id == id);
        if (found is null)
        {
            error.WriteLine($"error: no case '{id}'. Cases: {string.Join(", ", Cases.Select(c => c.Id))}.");
        }

        return found;
    }
}
