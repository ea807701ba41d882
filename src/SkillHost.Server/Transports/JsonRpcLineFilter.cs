using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkillHost.Server.Transports;

/// <summary>
/// The stdio input as the SDK reads it, minus the lines that are not JSON-RPC messages: each of those is answered
/// on <see cref="LineOutput"/> with a JSON-RPC error that says what was wrong (see <see cref="JsonRpcLineCheck"/>),
/// so a client never waits for the answer to a request the SDK would have dropped in silence. Accepted lines pass
/// through unchanged, straight from the read buffer; nothing is parsed twice into objects. With
/// <paramref name="requests"/>, end of input reaches the SDK only once the requests handed on are answered (or
/// <see cref="InFlightRequests.DrainLimit"/> passed): the SDK stops sending when its input ends.
/// </summary>
internal sealed class JsonRpcLineFilter(Stream input, LineOutput output, int maxLineBytes = JsonRpcLineFilter.DefaultMaxLineBytes, InFlightRequests? requests = null) : Stream
{
    /// <summary>The longest message accepted: far above any real request, low enough that one runaway line cannot exhaust memory.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    private readonly int _initialSize = Math.Min(64 * 1024, maxLineBytes);
    private byte[] _buffer = new byte[Math.Min(64 * 1024, maxLineBytes)];
    private int _start;     // first byte not yet handed on or dropped
    private int _end;       // end of the bytes read from input
    private int _scanned;   // bytes before this (from _start) hold no line break
    private int _readyEnd;  // an accepted line is being handed on: _start.._readyEnd
    private bool _discarding; // inside an over-long line: drop everything up to its line break
    private bool _inputEnded;

    /// <summary>The size of the read buffer now (it grows for a long line and shrinks back after it).</summary>
    internal int BufferSize => _buffer.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            if (_readyEnd > _start)
            {
                var count = Math.Min(destination.Length, _readyEnd - _start);
                _buffer.AsSpan(_start, count).CopyTo(destination.Span);
                _start += count;
                return count;
            }

            var newline = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _start + _scanned + newline + 1;
                await TakeLineAsync(lineEnd, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _scanned = _end - _start;
            if (_inputEnded)
            {
                if (_end > _start)
                {
                    // A last line without a line break: add one, or the SDK's line reader would wait for more input
                    // (and so for the drain below) before it hands the last request on.
                    if (_end == _buffer.Length)
                    {
                        Array.Resize(ref _buffer, _buffer.Length + 1);
                    }

                    _buffer[_end++] = (byte)'\n';
                    await TakeLineAsync(_end, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (requests is not null)
                {
                    await requests.DrainAsync(InFlightRequests.DrainLimit, cancellationToken).ConfigureAwait(false);
                }

                return 0;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <summary>Decides about the line <c>_start..lineEnd</c>: hands it on, or drops it and answers with an error.</summary>
    private async Task TakeLineAsync(int lineEnd, CancellationToken cancellationToken)
    {
        _scanned = 0;
        if (_discarding)
        {
            _discarding = false; // the rest of the over-long line, already answered
            _start = lineEnd;
            return;
        }

        var check = JsonRpcLineCheck.Of(_buffer.AsSpan(_start, lineEnd - _start));
        if (check.IsAccepted)
        {
            requests?.Started(check.RequestId);
            requests?.Finished(check.CancelledId);
            _readyEnd = lineEnd;
            return;
        }

        _start = lineEnd;
        await ReplyAsync(check, cancellationToken).ConfigureAwait(false);
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            // Keep the unfinished line at the front; everything before it is handed on or dropped. A buffer grown for one
            // huge line is given back once what is left fits the usual size again, so one 60 MB line does not keep the
            // server at that size for good.
            var remaining = _end - _start;
            if (_buffer.Length > _initialSize && remaining <= _initialSize / 2 && !_discarding)
            {
                var smaller = new byte[_initialSize];
                _buffer.AsSpan(_start, remaining).CopyTo(smaller);
                _buffer = smaller;
            }
            else
            {
                _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
            }

            _end = remaining;
            _readyEnd = 0;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_discarding)
            {
                _end = 0; // more of the over-long line: already answered
                _scanned = 0;
            }
            else if (_buffer.Length >= maxLineBytes)
            {
                // Too long to be a message: answer once, then drop the line up to its break.
                _discarding = true;
                _end = 0;
                _scanned = 0;
                await ReplyAsync(new JsonRpcLineCheck(JsonRpcLineCheck.InvalidRequest, $"Invalid request: a message longer than {maxLineBytes / (1024 * 1024)} MB was dropped. Send large code as paths to files inside the client's roots instead of inline.", default), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Array.Resize(ref _buffer, (int)Math.Min(maxLineBytes, (long)_buffer.Length * 2));
            }
        }

        // Console streams ignore cancellation and disposal while a read blocks: stop waiting when asked to stop,
        // or shutting the session down would hang on a client that keeps stdin open.
        var reading = input.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        var read = reading.IsCompletedSuccessfully ? reading.Result : await reading.AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _inputEnded = true;
            if (_discarding)
            {
                _discarding = false;
                _end = _start;
            }
        }

        _end += read;
    }

    private async Task ReplyAsync(JsonRpcLineCheck check, CancellationToken cancellationToken)
    {
        var reply = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(reply, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            check.Id.WriteTo(writer);
            writer.WriteStartObject("error");
            writer.WriteNumber("code", check.Code);
            writer.WriteString("message", check.Message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        reply.Write("\n"u8);
        try
        {
            await output.WriteLineAsync(reply.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The client has gone: there is nobody left to tell.
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            input.Dispose();
        }

        base.Dispose(disposing);
    }
}
