using System.Reflection;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;

namespace SkillHost.Server.Cli;

/// <summary>What <c>review</c> takes from its surroundings; tests pass their own rules and folders.</summary>
/// <param name="Catalogue">Every rule that exists (SARIF lists them all; --select/--ignore pick from them).</param>
/// <param name="WorkingDirectory">Where relative paths start and what reported paths are relative to.</param>
/// <param name="BaseDirectory">Where the bundled skill travels with the executable.</param>
internal sealed record ReviewEnvironment(IReadOnlyList<Rule> Catalogue, string WorkingDirectory, string BaseDirectory, ReportTool Tool)
{
    public static ReviewEnvironment Current() => new(RuleCatalog.All, Environment.CurrentDirectory, AppContext.BaseDirectory, DefaultTool);

    public static ReportTool DefaultTool { get; } = new(
        "skillhost",
        typeof(ReviewEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
        ReportTool.DefaultInformationUri);
}
