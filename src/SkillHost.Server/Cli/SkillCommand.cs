using System.CommandLine;

namespace SkillHost.Server.Cli;

/// <summary>The <c>skill</c> verb group: <c>show</c> and <c>validate</c>.</summary>
internal static class SkillCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("skill", "Inspect and validate Agent Skills (a SKILL.md or its folder).");
        command.Add(SkillShowCommand.Create(output));
        command.Add(SkillValidateCommand.Create(output));
        return command;
    }

    /// <summary>The PATH argument shared by the skill verbs.</summary>
    public static Argument<string> PathArgument() => new("PATH")
    {
        Description = "A SKILL.md file or the skill folder holding it.",
    };

    /// <summary>The --format option; <paramref name="formats"/> lists what the verb supports, the first is the default.</summary>
    public static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(" or ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
