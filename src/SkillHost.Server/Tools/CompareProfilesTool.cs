using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Profiles;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>compare_profiles</c>: the skill's "measure again" — two profiles, function by function.</summary>
[McpServerToolType]
internal sealed class CompareProfilesTool
{
    [McpServerTool(Name = "compare_profiles", Title = "Compare two profiles (measure again)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("The skill's 'measure again': compares a profile recorded before a change with one recorded after it (same profiler, same input), function by function: time before and after, the speed-up, "
        + "and whether the success criterion is met (the run got faster and the function with the largest own time before is at least 2× faster). Functions are listed largest change first, as many as fit 50,000 characters (at most 'limit').")]
    public static async Task<ProfileComparison> Compare(
        ServerEnvironment environment,
        RequestContext<CallToolRequestParams> call,
        [Description("The profile before the change, inside the client's roots. " + ProfileReader.Formats + ".")] string before,
        [Description("The profile after the change, inside the client's roots.")] string after,
        [Description("Most functions listed (1-1000, default 50).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var max = ResultBudget.Limit(limit);
        var roots = await AllowedRoots.ResolveAsync(call?.Server, environment.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var b = ProfileInput.Read(before, "before", roots).Profile!;
        var a = ProfileInput.Read(after, "after", roots).Profile!;
        var comparison = ProfileComparison.Compare(b, a, out var problem, max) ?? throw new McpException($"The profiles cannot be compared: {problem}.");
        var fixedSize = ResultBudget.JsonLength(comparison with { Functions = [] });
        var take = ResultBudget.Fit(comparison.Functions, 0, max, ResultBudget.MaxStructuredChars - fixedSize - 200, ResultBudget.JsonLength);
        return comparison with { Functions = [.. comparison.Functions.Take(take)] };
    }
}
