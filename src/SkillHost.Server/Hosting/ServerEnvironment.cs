using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Cli;

namespace SkillHost.Server.Hosting;

/// <summary>What the MCP tools take from the process: the working folder (the allowed root when a client sends none), the rules and the limits.</summary>
/// <param name="MaxInlineCodeChars">The longest <c>code</c> string a tool accepts; longer input is refused with a message, never read.</param>
internal sealed record ServerEnvironment(string WorkingDirectory, IReadOnlyList<Rule> Catalogue, ReportTool Tool, int MaxInlineCodeChars = ServerEnvironment.DefaultMaxInlineCodeChars)
{
    /// <summary>2 Mi characters: far above any file a person reviews by pasting it, far below what would hurt the server.</summary>
    public const int DefaultMaxInlineCodeChars = 2 * 1024 * 1024;

    /// <summary>How long one file's analysis may take in a tool call before it is skipped (<c>serve --file-budget</c>); null for no limit.</summary>
    public TimeSpan? FileBudget { get; init; } = SkillHost.Analysis.Review.SourceReviewOptions.DefaultFileBudget;

    public static ServerEnvironment Current() => new(Environment.CurrentDirectory, RuleCatalog.All, ReviewEnvironment.DefaultTool);
}
