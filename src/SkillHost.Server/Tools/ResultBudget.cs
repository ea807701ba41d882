using System.Text.Json;
using ModelContextProtocol;

namespace SkillHost.Server.Tools;

/// <summary>
/// The size every tool result keeps to: text and structured content together within <see cref="MaxResultChars"/>
/// (what Claude Code keeps of a tool result in the conversation), and the page sizes that follow from it.
/// </summary>
internal static class ResultBudget
{
    /// <summary>Text plus structured content of one result, in characters.</summary>
    public const int MaxResultChars = 50_000;

    /// <summary>
    /// The JSON of a paged result's structured content: its text block repeats it, so each gets half, less a margin
    /// for what a client's serialiser escapes differently.
    /// </summary>
    public const int MaxStructuredChars = (MaxResultChars / 2) - 1_000;

    public const int DefaultLimit = 50;

    public const int MaxLimit = 1_000;

    public const string LimitDescription = "Most items per page (1-1000, default 50); a page also stops before the result would pass 50,000 characters.";

    public const string CursorDescription = "The 'nextCursor' of the previous result of this tool, to get the next page; leave out to start. Other arguments may be left out with it.";

    /// <summary>Checks 'limit'.</summary>
    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => limit.Value,
        _ => throw new McpException($"'limit' is {limit}; pass a number of items from 1 to {MaxLimit}, or leave it out for {DefaultLimit}."),
    };

    /// <summary>Checks 'assumeN' (the scenario count).</summary>
    public static double AssumeN(double? assumeN) =>
        assumeN is null ? SkillHost.Analysis.Rules.ReviewOptions.DefaultAssumeN
        : SkillHost.Analysis.Rules.ReviewOptions.AssumeNProblem(assumeN.Value) is { } problem ? throw new McpException("'" + problem.Replace("assume-n", "assumeN", StringComparison.Ordinal))
        : assumeN.Value;

    /// <summary>How many of <paramref name="items"/> from <paramref name="offset"/> fit in <paramref name="budget"/> characters of JSON (at most <paramref name="limit"/>); at least one when any remain, so paging always advances.</summary>
    public static int Fit<T>(IReadOnlyList<T> items, int offset, int limit, int budget, Func<T, int> size)
    {
        var taken = 0;
        var used = 0;
        for (var i = offset; i < items.Count && taken < limit; i++)
        {
            var next = size(items[i]) + 1;
            if (taken > 0 && used + next > budget)
            {
                break;
            }

            used += next;
            taken++;
        }

        return taken;
    }

    /// <summary>The length of <paramref name="value"/>'s JSON as a tool result writes it.</summary>
    public static int JsonLength<T>(T value) => JsonSerializer.Serialize(value, ServerJsonContext.ToolType<T>()).Length;
}
