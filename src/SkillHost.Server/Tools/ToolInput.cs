using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Review;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary>
/// What a reviewing tool was asked to look at, checked: inline code (<see cref="Inline"/>), or files and folders
/// confined to the allowed roots (<see cref="Paths"/>, read with progress per file and cancellation honoured).
/// Every problem becomes an <see cref="McpException"/> whose message says what to send instead.
/// Dispose it (awaited) before returning the result: that writes the last progress notifications first.
/// </summary>
internal sealed record ToolInput(SourceInput? Inline, IReadOnlyList<string> Paths, string BaseFolder, SourceReviewOptions Options, ProgressNotifier? Progress = null) : IAsyncDisposable
{
    /// <param name="call">The tools/call request: its server asks the client for roots, its progress token (if any) receives per-file progress.</param>
    public static async Task<ToolInput> ResolveAsync(
        ReviewRequest request,
        ServerEnvironment environment,
        RequestContext<CallToolRequestParams>? call,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(environment);
        var hasCode = request.Code is not null;
        var hasPaths = request.Paths is { Length: > 0 };
        if (hasCode == hasPaths)
        {
            throw new McpException("Send either 'code' (with 'language' or 'filename') or 'paths' (files or folders inside the allowed roots), not both and not neither.");
        }

        if (hasCode)
        {
            return new ToolInput(CodeInput.Validate(request.Code!, request.Language, request.Filename, environment), [], environment.WorkingDirectory, new SourceReviewOptions(CancellationToken: cancellationToken) { FileBudget = environment.FileBudget });
        }

        var roots = await AllowedRoots.ResolveAsync(call?.Server, environment.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var paths = request.Paths!.Select(roots.Confine).ToList();
        var progress = ProgressNotifier.For(call, cancellationToken);
        return new ToolInput(null, paths, roots.Folders[0], new SourceReviewOptions(progress, roots.Refuse, cancellationToken) { FileBudget = environment.FileBudget }, progress);
    }

    public ValueTask DisposeAsync() => Progress?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The error when no file could be read: each one and why, and what to send instead.</summary>
    public static string NothingReadable(IReadOnlyList<SkippedFile> skipped) => skipped.Count == 0
        ? "No Python (.py, .pyi) or Rust (.rs) file was found under the paths given. Pass source files or folders holding them."
        : "Nothing could be read: " + string.Join("; ", skipped.Select(s => $"{s.Path}: {s.Describe()}")) + ".";
}

/// <summary>The inputs every reviewing tool shares.</summary>
internal sealed record ReviewRequest(string? Code, string? Language, string? Filename, string[]? Paths, string[]? Select = null, string[]? Ignore = null);
