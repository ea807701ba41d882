using System.Text.Json;

namespace SkillHost.Server.Transports;

/// <summary>
/// The requests handed to the SDK and not yet answered on stdout. Once the SDK's stream transport sees end of input it
/// stops sending, so the answers to requests still running would be lost (<c>cat requests.jsonl | skillhost serve</c>
/// got none); <see cref="JsonRpcLineFilter"/> holds end of input back until these are answered.
/// </summary>
internal sealed class InFlightRequests
{
    /// <summary>How long end of input waits: enough for a large review, bounded so a stuck handler cannot keep the process alive.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();

    // A count per id: a client may reuse an id while its first request still runs.
    private readonly Dictionary<JsonRpcLineId, int> _open = [];
    private TaskCompletionSource? _drained;

    public void Started(JsonRpcLineId id)
    {
        if (!id.IsPresent)
        {
            return;
        }

        lock (_gate)
        {
            _open[id] = _open.GetValueOrDefault(id) + 1;
        }
    }

    /// <summary>The request was answered, or cancelled (the SDK does not answer a cancelled request).</summary>
    public void Finished(JsonRpcLineId id)
    {
        if (!id.IsPresent)
        {
            return;
        }

        lock (_gate)
        {
            if (!_open.TryGetValue(id, out var count))
            {
                return; // an error reply of the line filter, or a second answer
            }

            if (count > 1)
            {
                _open[id] = count - 1;
                return;
            }

            _open.Remove(id);
            if (_open.Count == 0)
            {
                _drained?.TrySetResult();
                _drained = null;
            }
        }
    }

    /// <summary>Notes the answer that <paramref name="line"/> (one line written to stdout) carries, if it is one.</summary>
    public void Written(ReadOnlySpan<byte> line) => Finished(AnsweredId(line));

    /// <summary>Waits until every request is answered; false when <paramref name="limit"/> passed first.</summary>
    public async Task<bool> DrainAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            if (_open.Count == 0)
            {
                return true;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The id of a response or error response; none for the server's own requests and notifications.</summary>
    private static JsonRpcLineId AnsweredId(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        var id = default(JsonRpcLineId);
        var answers = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("method"u8))
                {
                    return default;
                }

                var isId = reader.ValueTextEquals("id"u8);
                answers |= reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8);
                reader.Read();
                if (isId)
                {
                    JsonRpcLineId.Read(ref reader, out id);
                }

                if (answers && id.IsPresent)
                {
                    return id; // an error reply of the line filter names its id first: its error need not be scanned
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not a message of ours: nothing it could answer.
        }

        return answers ? id : default;
    }
}
