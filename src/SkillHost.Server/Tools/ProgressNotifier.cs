using System.Globalization;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Review;

namespace SkillHost.Server.Tools;

/// <summary>
/// Sends a folder review's "files done" progress to the client through the request's progress token, one
/// notification at a time and in order. The SDK's injected <see cref="IProgress{T}"/> sends fire-and-forget, so
/// a notification could reach the client after the result, where it is dropped; a tool awaits
/// <see cref="DisposeAsync"/> before returning, so every notification is written before the result.
/// </summary>
internal sealed class ProgressNotifier : IProgress<ReviewProgress>, IAsyncDisposable
{
    // Reports come from the review's worker threads; one reader keeps them in order on the wire.
    private readonly Channel<ProgressNotificationValue> _pending = Channel.CreateUnbounded<ProgressNotificationValue>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationToken _cancellationToken;
    private readonly Task _sending;

    private ProgressNotifier(McpServer server, ProgressToken token, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _sending = SendAsync(server, token);
    }

    /// <summary>A notifier for <paramref name="request"/>, or null when the client asked for no progress (sent no token).</summary>
    public static ProgressNotifier? For(RequestContext<CallToolRequestParams>? request, CancellationToken cancellationToken) =>
        request?.Params?.ProgressToken is { } token ? new ProgressNotifier(request.Server, token, cancellationToken) : null;

    public void Report(ReviewProgress value) => _pending.Writer.TryWrite(new ProgressNotificationValue
    {
        Progress = value.FilesDone,
        Total = value.FilesTotal,
        Message = string.Create(CultureInfo.InvariantCulture, $"read and parsed {value.FilesDone} of {value.FilesTotal} files"),
    });

    /// <summary>Waits until every reported notification has been written to the client.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        try
        {
            await _sending.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            // The request was cancelled: the tool reports that itself, and the client no longer wants progress.
        }
    }

    private async Task SendAsync(McpServer server, ProgressToken token)
    {
        await foreach (var value in _pending.Reader.ReadAllAsync(_cancellationToken).ConfigureAwait(false))
        {
            await server.NotifyProgressAsync(token, value, cancellationToken: _cancellationToken).ConfigureAwait(false);
        }
    }
}
