using System.Text;
using System.Text.Json;
using SkillHost.Server.Transports;

namespace SkillHost.Server.Tests.Transports;

/// <summary>The stdio input filter: messages reach the SDK byte for byte, every other line is answered on the output.</summary>
public sealed class JsonRpcLineFilterTests
{
    private const string Ping1 = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";
    private const string Ping2 = """{"jsonrpc":"2.0","id":2,"method":"ping"}""";

    [Fact]
    public async Task Given_messages_between_bad_lines_When_read_Then_the_messages_pass_unchanged_and_each_bad_line_gets_one_error_reply()
    {
        var (passed, replies) = await RunAsync($"{Ping1}\nnot json\n[1]\n\n{Ping2}\r\n{{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"ping\"}}\n");

        Assert.Equal($"{Ping1}\n\n{Ping2}\r\n", passed);
        Assert.Collection(
            replies,
            r => AssertError(r, -32700, null),
            r => AssertError(r, -32600, null),
            r => AssertError(r, -32600, 5));
    }

    [Fact]
    public async Task Given_a_last_line_without_a_line_break_When_input_ends_Then_it_is_still_checked_and_handed_on_with_one()
    {
        var (passed, replies) = await RunAsync($"{Ping1}\n{Ping2}");
        var (_, refused) = await RunAsync("{\"jsonrpc\":\"2.0\",");

        // The line break ends the line for the SDK's line reader, which would otherwise wait for more input.
        Assert.Equal($"{Ping1}\n{Ping2}\n", passed);
        Assert.Empty(replies);
        AssertError(Assert.Single(refused), -32700, null);
    }

    [Fact]
    public async Task Given_a_line_longer_than_the_limit_When_read_Then_it_is_answered_once_and_dropped_and_the_next_message_passes()
    {
        var huge = $"{{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{{\"code\":\"{new string('x', 10_000)}\"}}}}";

        var (passed, replies) = await RunAsync($"{huge}\n{Ping1}\n", maxLineBytes: 1024, readSize: 100);

        Assert.Equal($"{Ping1}\n", passed);
        var reply = Assert.Single(replies);
        AssertError(reply, -32600, null);
        Assert.Contains("paths", reply.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_input_that_arrives_a_few_bytes_at_a_time_When_read_in_small_pieces_Then_lines_are_reassembled_exactly()
    {
        var lines = string.Concat(Enumerable.Range(1, 50).Select(i => $"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"ping\",\"params\":{{\"text\":\"é{i}✓\"}}}}\n"));

        var (passed, replies) = await RunAsync(lines, readSize: 7, destinationSize: 5);

        Assert.Equal(lines, passed);
        Assert.Empty(replies);
    }

    [Fact]
    public async Task Given_one_huge_line_When_it_has_been_handed_on_Then_the_buffer_shrinks_back_to_its_usual_size()
    {
        var huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + new string('x', 4 * 1024 * 1024) + "\"}}\n";
        var input = huge + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n";
        using var filter = new JsonRpcLineFilter(new TrickleStream(Encoding.UTF8.GetBytes(input), 64 * 1024), new LineOutput(new MemoryStream()));
        var buffer = new byte[64 * 1024];
        var passed = 0L;
        var largest = 0;
        int read;
        while ((read = await filter.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            passed += read;
            largest = Math.Max(largest, filter.BufferSize);
        }

        Assert.Equal(Encoding.UTF8.GetByteCount(input), passed);
        Assert.True(largest >= 4 * 1024 * 1024, $"the buffer grew to {largest} bytes for the long line");
        Assert.True(filter.BufferSize <= 64 * 1024, $"the buffer is still {filter.BufferSize} bytes after the long line");
    }

    private static void AssertError(JsonElement reply, int code, int? id)
    {
        Assert.Equal("2.0", reply.GetProperty("jsonrpc").GetString());
        Assert.Equal(code, reply.GetProperty("error").GetProperty("code").GetInt32());
        if (id is null)
        {
            Assert.Equal(JsonValueKind.Null, reply.GetProperty("id").ValueKind);
        }
        else
        {
            Assert.Equal(id, reply.GetProperty("id").GetInt32());
        }
    }

    private static async Task<(string Passed, List<JsonElement> Replies)> RunAsync(string input, int maxLineBytes = JsonRpcLineFilter.DefaultMaxLineBytes, int readSize = 4096, int destinationSize = 4096)
    {
        var sink = new MemoryStream();
        var output = new LineOutput(sink);
        using var filter = new JsonRpcLineFilter(new TrickleStream(Encoding.UTF8.GetBytes(input), readSize), output, maxLineBytes);
        var passed = new MemoryStream();
        var buffer = new byte[destinationSize];
        int read;
        while ((read = await filter.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            passed.Write(buffer, 0, read);
        }

        var replies = Encoding.UTF8.GetString(sink.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return (Encoding.UTF8.GetString(passed.ToArray()), replies);
    }

    /// <summary>A pipe-like input: at most <paramref name="readSize"/> bytes per read, as stdin delivers them.</summary>
    private sealed class TrickleStream(byte[] data, int readSize) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
