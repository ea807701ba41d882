using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Profiles;
using SkillHost.Analysis.Review;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>analyze_profile</c>: step 3's evidence — a profile's hot functions, mapped to the source and to the findings that explain them.</summary>
[McpServerToolType]
internal sealed class AnalyzeProfileTool
{
    private const string Tool = "analyze_profile";

    // A C++ or Rust generic symbol can run to kilobytes: a listed name is cut, the full one is in the file.
    private const int MaxNameChars = 300;

    [McpServerTool(Name = Tool, Title = "Analyze a profile (step 3)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Step 3 of the performance skill, measure: reads a profile (cProfile pstats, collapsed stacks, speedscope JSON or perf script text; the format is read from the content) "
        + "and returns its hot functions by own time with self and total shares and call counts, the hot lines where the profile has them, and whether the profile is flat (then the skill's flat-profile playbook). "
        + "With 'source' (files or folders inside the roots) each hot function is mapped to its file and line and to the checklist findings in it, and the skill's step-4 levers are given when no rule explains the hottest one. "
        + "To rank a review's findings by the profile, pass 'profile' to review_code or checklist_review instead. "
        + "Every result stays within 50,000 characters: while 'nextCursor' is set, call again with the same arguments and it as 'cursor' for more functions.")]
    public static async Task<AnalyzeProfileResult> Analyze(
        SkillCatalog catalog,
        ServerEnvironment environment,
        RequestContext<CallToolRequestParams> call,
        [Description(ProfileInput.PathDescription)] string profile,
        [Description("The source the profile ran: files or folders inside the roots (optional).")] string[]? source = null,
        [Description("Most hot functions per page (1-1000, default 50); a page also stops before the result would pass 50,000 characters.")] int? limit = null,
        [Description(ResultBudget.CursorDescription)] string? cursor = null,
        [Description(ToolDescriptions.Skill)] string? skill = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var pageSize = ResultBudget.Limit(limit);
        var offset = 0;
        if (cursor is not null)
        {
            offset = PageCursor.Parse(cursor) is { Tool: Tool } page && page.First >= 0
                ? page.First
                : throw new McpException($"'cursor' is not a nextCursor of {Tool}: call again without it to start from the top.");
        }

        var roots = await AllowedRoots.ResolveAsync(call?.Server, environment.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var read = ProfileInput.Read(profile, "profile", roots);
        var sources = (source ?? []).Select(roots.Confine).ToList();
        var workflow = catalog.Require(skill).RequireWorkflow(environment.Catalogue);
        var options = new SourceReviewOptions(null, roots.Refuse, cancellationToken) { FileBudget = environment.FileBudget };
        var analysis = (await Task.Run(() => workflow.AnalyzeProfiles([read], sources, roots.Folders[0], options), cancellationToken).ConfigureAwait(false))[0];
        var functions = analysis.Functions.Select(f => f.Name.Length <= MaxNameChars ? f : f with { Name = f.Name[..MaxNameChars] + "…" }).ToList();
        var empty = new AnalyzeProfileResult(analysis with { Functions = [] }, offset, functions.Count, null);
        var budget = ResultBudget.MaxStructuredChars - ResultBudget.JsonLength(empty) - 200;
        var take = offset >= functions.Count ? 0 : ResultBudget.Fit(functions, offset, pageSize, budget, ResultBudget.JsonLength);
        var next = offset + take < functions.Count ? new PageCursor(Tool, "profile", offset + take, 0).ToString() : null;
        return empty with { Analysis = analysis with { Functions = [.. functions.Skip(offset).Take(take)] }, NextCursor = next };
    }
}

/// <summary>What <c>analyze_profile</c> returns: the analysis with one page of its hot functions.</summary>
/// <param name="Offset">The index of this page's first function among all.</param>
/// <param name="FunctionsTotal">How many functions the profile has in all.</param>
/// <param name="NextCursor">Pass as 'cursor' (with the same arguments) for the next functions; null on the last page.</param>
internal sealed record AnalyzeProfileResult(ProfileAnalysis Analysis, int Offset, int FunctionsTotal, string? NextCursor);
