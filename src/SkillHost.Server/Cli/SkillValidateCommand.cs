using System.CommandLine;
using System.Text.Json;
using SkillHost.Skills;
using SkillHost.Skills.Json;
using SkillHost.Skills.Validation;

namespace SkillHost.Server.Cli;

/// <summary><c>skillhost skill validate PATH [--profile spec|claude-code] [--format text|json]</c>.</summary>
internal static class SkillValidateCommand
{
    public static Command Create(CliOutput output)
    {
        var path = SkillCommand.PathArgument();
        var format = SkillCommand.FormatOption("text", "json");
        var profile = new Option<string>("--profile")
        {
            Description = "Rules to apply: 'spec' (Agent Skills spec, as skills-ref checks it) or 'claude-code' (also Claude Code's fields).",
            DefaultValueFactory = _ => "spec",
        };
        profile.AcceptOnlyFromAmong("spec", "claude-code");
        var command = new Command("validate", "Check a skill's frontmatter against the Agent Skills spec or Claude Code. Exit 0 valid, 1 invalid, 2 usage/I-O error.")
        {
            path,
            profile,
            format,
        };
        command.SetAction(result =>
            Run(result.GetValue(path)!, result.GetValue(profile)!, result.GetValue(format)!, output, AppContext.BaseDirectory));
        return command;
    }

    public static int Run(string path, string profileName, string format, CliOutput output, string baseDirectory)
    {
        if (!SkillValidator.TryParseProfile(profileName, out var profile))
        {
            output.Error.WriteLine($"error: unknown profile '{profileName}'; use 'spec' or 'claude-code'.");
            return ExitCodes.UsageOrIo;
        }

        var document = SkillLoading.Load(path, output, baseDirectory, out var folder);
        if (document is null)
        {
            return ExitCodes.UsageOrIo;
        }

        var result = SkillValidator.Validate(document, Path.GetFileName(folder), profile);
        if (format == "json")
        {
            output.Out.WriteLine(JsonSerializer.Serialize(result, SkillJson.Context.ValidationResult));
        }
        else
        {
            Write(result, path, output.Out);
        }

        return result.IsValid ? ExitCodes.Ok : ExitCodes.Problems;
    }

    private static void Write(ValidationResult result, string path, TextWriter writer)
    {
        var errors = result.Problems.Count(p => p.Severity == DiagnosticSeverity.Error);
        var warnings = result.Problems.Length - errors;
        writer.WriteLine(result.IsValid
            ? $"valid ({result.Profile}): {path}" + (warnings > 0 ? $" — {warnings} warning(s)" : string.Empty)
            : $"invalid ({result.Profile}): {path} — {errors} error(s), {warnings} warning(s)");
        foreach (var problem in result.Problems)
        {
            writer.WriteLine($"  {problem}");
        }
    }
}
