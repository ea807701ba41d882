using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Reporting;
using SkillHost.Server.Tools;

namespace SkillHost.Server.Resources;

/// <summary>
/// <c>skillhost://reviews/{id}/report.md</c> and <c>…/report.json</c>: the full report of a <c>review_code</c> call the
/// server still keeps (<see cref="ReviewStore"/>), as Markdown (every issue, every file classified) or as the CLI's JSON.
/// </summary>
internal sealed class ReviewReportResource(ReviewStore store, string file, string mimeType, string description) : McpServerResource
{
    private readonly ResourceTemplate _template = new()
    {
        UriTemplate = $"{ReviewStore.UriPrefix}{{id}}/{file}",
        Name = $"review-{file}",
        Title = $"Performance review: {file}",
        Description = description,
        MimeType = mimeType,
    };

    /// <summary>Both views of a stored review.</summary>
    public static IEnumerable<ReviewReportResource> For(ReviewStore store) =>
    [
        new(store, "report.md", MimeTypes.Markdown, "The full five-part report of a review_code call (every issue ranked, every file classified), by the reviewId it returned. The server keeps the last 16 reviews."),
        new(store, "report.json", MimeTypes.Json, "The full review of a review_code call as `skillhost review --format json` writes it (every finding, every file, the report), by the reviewId it returned."),
    ];

    public override ResourceTemplate ProtocolResourceTemplate => _template;

    public override Resource? ProtocolResource => null;

    public override IReadOnlyList<object> Metadata => [];

    public override bool IsMatch(string uri) => Id(uri) is not null;

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.Params?.Uri ?? string.Empty;
        var review = Id(uri) is { } id ? store.Find(id) : null;
        if (review?.Report is not { } report)
        {
            throw new McpException($"No review is kept under '{uri}': the id is unknown or the review has expired (the server keeps the last {ReviewStore.Capacity}). Call review_code again and read the reportUri it returns.");
        }

        string text;
        if (file == "report.md")
        {
            text = review.Markdown ?? string.Empty;
        }
        else
        {
            using var writer = new StringWriter();
            JsonReportRenderer.Write(report, writer);
            text = writer.ToString();
        }

        return ValueTask.FromResult(new ReadResourceResult { Contents = [new TextResourceContents { Uri = uri, MimeType = _template.MimeType, Text = text }] });
    }

    // The id in `skillhost://reviews/{id}/<file>`: hex digits only, so no other URI matches.
    private string? Id(string uri)
    {
        if (!uri.StartsWith(ReviewStore.UriPrefix, StringComparison.Ordinal) || !uri.EndsWith("/" + file, StringComparison.Ordinal))
        {
            return null;
        }

        var id = uri[ReviewStore.UriPrefix.Length..^(file.Length + 1)];
        return id.Length is > 0 and <= 32 && id.All(char.IsAsciiHexDigitLower) ? id : null;
    }
}
