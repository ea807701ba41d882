using SkillHost.Skills;

namespace SkillHost.Server.Cli;

/// <summary>Resolves a PATH and parses the skill, reporting I/O problems on the error writer.</summary>
internal static class SkillLoading
{
    public static SkillDocument? Load(string path, CliOutput output, string baseDirectory) =>
        Load(path, output, baseDirectory, out _);

    /// <summary>The --skill of the workflow verbs: the path as given (from the working folder), else next to the executable.</summary>
    public static SkillDocument? LoadForVerb(string path, CliOutput output, ReviewEnvironment environment)
    {
        var fromWorkingFolder = Path.GetFullPath(path, environment.WorkingDirectory);
        return Load(Path.Exists(fromWorkingFolder) ? fromWorkingFolder : path, output, environment.BaseDirectory);
    }

    public static SkillDocument? Load(string path, CliOutput output, string baseDirectory, out string? folder)
    {
        folder = null;
        var resolved = SkillPathResolver.Resolve(path, baseDirectory, out var error);
        if (resolved is not { } found)
        {
            output.Error.WriteLine($"error: {error}");
            return null;
        }

        try
        {
            folder = found.SkillFolder;
            var document = SkillParser.ParseFile(found.SkillFile);
            if (document.Diagnostics.FirstOrDefault(d => d.Code == SkillHost.Skills.DiagnosticCodes.NotAFile) is { } notAFile)
            {
                output.Error.WriteLine($"error: {notAFile.Message}");
                return null;
            }

            return document;
        }
        catch (IOException e)
        {
            output.Error.WriteLine($"error: cannot read '{found.SkillFile}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            output.Error.WriteLine($"error: no permission to read '{found.SkillFile}': {e.Message}");
        }

        return null;
    }
}
