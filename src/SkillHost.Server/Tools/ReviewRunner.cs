using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary>
/// The checklist review behind the MCP tools: inline code, or files and folders confined to the allowed
/// roots (progress per file, cancellation honoured). Every problem becomes an <see cref="McpException"/>
/// whose message says what to send instead.
/// </summary>
internal static class ReviewRunner
{
    public static async Task<(ReviewOutcome Outcome, string BaseFolder)> RunAsync(
        ReviewRequest request,
        HostedSkill skill,
        ServerEnvironment environment,
        McpServer? server,
        IProgress<ProgressNotificationValue>? progress,
        CancellationToken cancellationToken)
    {
        var selection = ReviewRuleSelection.Parse(request.Select ?? [], request.Ignore ?? [], environment.Catalogue, out var selectionError)
            ?? throw new McpException(selectionError!);
        var review = new ChecklistReview(skill.Knowledge, selection.Apply(environment.Catalogue));
        var hasCode = request.Code is not null;
        var hasPaths = request.Paths is { Length: > 0 };
        if (hasCode == hasPaths)
        {
            throw new McpException("Send either 'code' (with 'language' or 'filename') or 'paths' (files or folders inside the allowed roots), not both and not neither.");
        }

        if (hasCode)
        {
            var tree = CodeInput.Parse(request.Code!, request.Language, request.Filename, environment);
            var findings = review.Review([tree]);
            return (new ReviewOutcome(findings, [tree.Source.Path!], [], review.Rules), environment.WorkingDirectory);
        }

        var roots = await AllowedRoots.ResolveAsync(server, environment.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var paths = request.Paths!.Select(roots.Confine).ToList();
        var reporter = progress is null ? null : new Progress(progress);
        var options = new SourceReviewOptions(reporter, roots.Refuse, cancellationToken);
        var outcome = await Task.Run(() => new SourceReview(review).Run(paths, roots.Folders[0], options), cancellationToken).ConfigureAwait(false);
        return (outcome, roots.Folders[0]);
    }

    // Folder reviews can be long: tell the client how many files are done. Reported from worker threads.
    private sealed class Progress(IProgress<ProgressNotificationValue> sink) : IProgress<ReviewProgress>
    {
        public void Report(ReviewProgress value) => sink.Report(new ProgressNotificationValue
        {
            Progress = value.FilesDone,
            Total = value.FilesTotal,
            Message = string.Create(CultureInfo.InvariantCulture, $"read and parsed {value.FilesDone} of {value.FilesTotal} files"),
        });
    }
}

/// <summary>The inputs every reviewing tool shares.</summary>
internal sealed record ReviewRequest(string? Code, string? Language, string? Filename, string[]? Paths, string[]? Select, string[]? Ignore);
