using System.Buffers;

namespace SkillHost.Server.Transports;

/// <summary>
/// The stdio output shared by the SDK's transport and <see cref="JsonRpcLineFilter"/>'s error replies: each complete
/// line goes out in one write under one lock, so a reply can never land inside another message. The SDK writes a
/// message and its line break in separate calls; they are gathered here until the line break arrives. Each line
/// written is reported to <paramref name="requests"/> once it is flushed, so end of input waits for the answers.
/// </summary>
internal sealed class LineOutput(Stream inner, InFlightRequests? requests = null) : Stream
{
    // A buffer that grew past this for one huge message is not kept for the rest of the session.
    private const int KeptCapacity = 1 << 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ArrayBufferWriter<byte> _pending = new(16 * 1024);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Writes one whole line (which must end with '\n') and flushes it.</summary>
    public async Task WriteLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Synchronous on purpose: the console stream has no real async write (its async path only moves the same
            // blocking write to another thread), and a hop per message was measured on every tool call.
            inner.Write(line.Span);
            inner.Flush();
            requests?.Written(line.Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        if (buffer.Length > 0 && buffer.Span[^1] == (byte)'\n')
        {
            try
            {
                await WriteLineAsync(_pending.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (_pending.Capacity > KeptCapacity)
                {
                    _pending = new ArrayBufferWriter<byte>(16 * 1024);
                }
                else
                {
                    _pending.ResetWrittenCount();
                }
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    // Lines are flushed as they complete; a partial line has nothing to flush yet.
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
