namespace SkillHost.Server.Cli;

/// <summary>Where a verb writes: results to <see cref="Out"/>, errors and advice to <see cref="Error"/>. Tests pass string writers.</summary>
internal sealed record CliOutput(TextWriter Out, TextWriter Error);
