using System.Security.Cryptography;
using System.Text;
using ModelContextProtocol;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Reporting;

namespace SkillHost.Server.Tools;

/// <summary>
/// The results of recent reviews, kept so that a client can page through them (<c>cursor</c>) and read the full report
/// as a resource (<c>skillhost://reviews/{id}/report.md</c>, <c>.json</c>) without the server reviewing again. Bounded:
/// the oldest result is dropped when <see cref="Capacity"/> is reached, and its cursors and resources then expire.
/// Thread-safe.
/// </summary>
internal sealed class ReviewStore
{
    /// <summary>How many results are kept; a review of a whole standard library holds tens of megabytes.</summary>
    public const int Capacity = 16;

    public const string UriPrefix = "skillhost://reviews/";

    private readonly Dictionary<string, StoredReview> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Keeps <paramref name="review"/>, dropping the oldest beyond <see cref="Capacity"/>; returns it.</summary>
    public StoredReview Add(StoredReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        lock (_lock)
        {
            _byId[review.Id] = review;
            _order.Enqueue(review.Id);
            while (_order.Count > Capacity)
            {
                _byId.Remove(_order.Dequeue());
            }
        }

        return review;
    }

    public StoredReview? Find(string id)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>A fresh id: 12 hex digits, unguessable enough that one client cannot read another's review by chance.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>The key of a request's arguments (all but <c>cursor</c> and <c>limit</c>): a cursor is valid only for the call that made it.</summary>
    public static string RequestKey(params object?[] arguments)
    {
        var text = new StringBuilder();
        foreach (var argument in arguments)
        {
            text.Append(argument switch
            {
                null => "\u0000",
                string[] list => string.Join("\u0001", list),
                _ => Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture),
            }).Append('\u0002');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>
    /// The stored review a cursor points into, checked: it must be one this server gave, for this tool, still kept, and
    /// (when the call repeats its arguments) for the same arguments. Each problem is an error saying what to send instead.
    /// </summary>
    public (StoredReview Review, PageCursor Cursor) Resolve(string cursor, string tool, string? requestKey)
    {
        var parsed = PageCursor.Parse(cursor)
            ?? throw new McpException($"'cursor' is not one this server gave. Send the 'nextCursor' of the previous {tool} result unchanged, or leave 'cursor' out to start again.");
        if (parsed.Tool != tool)
        {
            throw new McpException($"'cursor' comes from a {parsed.Tool} call, not {tool}. Pass it to {parsed.Tool}, or leave 'cursor' out to start a new {tool} call.");
        }

        var review = Find(parsed.ReviewId)
            ?? throw new McpException($"'cursor' has expired: the server keeps the last {Capacity} results and this one is gone. Call {tool} again without 'cursor' (with the same arguments) to start over.");
        if (requestKey is not null && requestKey != review.RequestKey)
        {
            throw new McpException($"'cursor' belongs to another {tool} call (other code, paths or options). Send it with the arguments of the call that returned it, or with none but 'cursor' and 'limit'; leave 'cursor' out to start this call afresh.");
        }

        return (review, parsed);
    }
}

/// <summary>What one tool call produced, kept for paging and for the report resources.</summary>
/// <param name="RequestKey">See <see cref="ReviewStore.RequestKey"/>.</param>
internal sealed record StoredReview(string Id, string Tool, string RequestKey)
{
    /// <summary>The findings, most important first (as the CLI's JSON lists them).</summary>
    public IReadOnlyList<JsonFinding> Findings { get; init; } = [];

    /// <summary>The files reviewed, in the CLI's JSON order.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The step-1 classifications, most important first.</summary>
    public IReadOnlyList<FileClassification> Classifications { get; init; } = [];

    /// <summary>The tool's result without its paged lists, which each page copies (the summary, the skipped files).</summary>
    public object? Header { get; init; }

    /// <summary>The whole review (review_code), for the report resources; null for the other tools.</summary>
    public ReviewReport? Report { get; init; }

    /// <summary>The full five-part report in Markdown (review_code), else null.</summary>
    public string? Markdown { get; init; }

    public string ReportMarkdownUri => $"{ReviewStore.UriPrefix}{Id}/report.md";

    public string ReportJsonUri => $"{ReviewStore.UriPrefix}{Id}/report.json";
}

/// <summary>Where the next page starts: the tool, the stored result and the offsets into its lists. Opaque to clients (base64url).</summary>
internal sealed record PageCursor(string Tool, string ReviewId, int First, int Second)
{
    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{Tool}|{ReviewId}|{First}|{Second}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PageCursor? Parse(string cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor) || cursor.Length > 200)
        {
            return null;
        }

        try
        {
            var base64 = cursor.Trim().Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            return parts is ["v1", { Length: > 0 } tool, { Length: > 0 } id, var a, var b]
                && int.TryParse(a, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first)
                && int.TryParse(b, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var second)
                ? new PageCursor(tool, id, first, second)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
