using System.CommandLine;
using SkillHost.Skills;
using SkillHost.Skills.Json;

namespace SkillHost.Server.Cli;

/// <summary><c>skillhost skill show PATH [--format text|json]</c>: the parsed structure of a skill.</summary>
internal static class SkillShowCommand
{
    public static Command Create(CliOutput output)
    {
        var path = SkillCommand.PathArgument();
        var format = SkillCommand.FormatOption("text", "json");
        var command = new Command("show", "Show what SkillHost reads from a skill: sections, cost tables, checklist, examples, report parts.")
        {
            path,
            format,
        };
        command.SetAction(result => Run(result.GetValue(path)!, result.GetValue(format)!, output, AppContext.BaseDirectory));
        return command;
    }

    /// <summary>Exit 0 when the skill was read, 1 when reading it gave errors (shown), 2 for a path that is not a skill.</summary>
    public static int Run(string path, string format, CliOutput output, string baseDirectory)
    {
        var document = SkillLoading.Load(path, output, baseDirectory);
        if (document is null)
        {
            return ExitCodes.UsageOrIo;
        }

        if (format == "json")
        {
            output.Out.WriteLine(SkillJson.Serialize(document));
        }
        else
        {
            SkillTextRenderer.Write(document, output.Out);
        }

        return document.HasErrors ? ExitCodes.Problems : ExitCodes.Ok;
    }
}
