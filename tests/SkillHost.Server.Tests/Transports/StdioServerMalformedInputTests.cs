using System.Text;
using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Transports;

/// <summary>A real <c>skillhost serve</c> over stdio: a line that is not a message gets an error reply, and the session goes on.</summary>
public sealed class StdioServerMalformedInputTests
{
    [Fact]
    public async Task Given_a_broken_line_then_a_request_When_sent_to_the_server_Then_the_broken_line_is_answered_with_a_parse_error_and_the_request_still_succeeds()
    {
        await using var server = StdioSession.Start();
        await server.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"");
        await server.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""");

        var first = await server.ReadAsync();
        var second = await server.ReadAsync();

        Assert.Equal(-32700, first.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("id").ValueKind);
        Assert.Contains("one JSON-RPC 2.0 message per line", first.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, second.GetProperty("id").GetInt32());
        Assert.Equal("skillhost", second.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
    }

    /// <summary>
    /// Each line once ended the server (text its check could not decode) or was dropped by the SDK without a word (an
    /// id it cannot use), leaving the client waiting for ever. <c>\xFF</c> stands for the raw byte 0xFF.
    /// </summary>
    [Fact]
    public async Task Given_ids_and_versions_the_SDK_cannot_use_When_each_is_followed_by_a_ping_Then_each_gets_an_error_reply_and_every_ping_is_answered()
    {
        (string Line, int Code, string? Id)[] variants =
        [
            ("""{"jsonrpc":"2.0","id":"a\xFFb","method":"ping"}""", -32700, null),
            ("""{"jsonrpc":"2.\xFF","id":"v","method":"ping"}""", -32700, "v"),
            ("""{"jsonrpc":"2.0","id":"\ud800","method":"ping"}""", -32700, null),
            ("""{"jsonrpc":"2.0","id":"x\udc00y","method":"ping"}""", -32700, null),
            ("""{"jsonrpc":"\ud800","id":"w","method":"ping"}""", -32700, "w"),
            ("""{"jsonrpc":"2.0","id":"m","method":"\ud800"}""", -32700, "m"),
            ("""{"jsonrpc":"2.0","id":1.5,"method":"ping"}""", -32600, null),
            ("""{"jsonrpc":"2.0","id":true,"method":"ping"}""", -32600, null),
            ("""{"jsonrpc":"2.0","id":{"n":1},"method":"ping"}""", -32600, null),
            ("""{"jsonrpc":"2.0","id":[1],"method":"ping"}""", -32600, null),
            ("""{"jsonrpc":"2.0","id":null,"method":"ping"}""", -32600, null),
            ("""{"jsonrpc":"2.0","id":99999999999999999999,"method":"ping"}""", -32600, null),
            ("""{"jsonrpc":"2.0","id":"p","method":"ping","params":{"note":"\xFF"}}""", -32700, "p"),
        ];
        await using var server = StdioSession.Start();
        await server.SendAsync(StdioSession.Initialize);
        Assert.Equal("init", (await server.ReadAsync()).GetProperty("id").GetString());
        await server.SendAsync(StdioSession.Initialized);

        for (var i = 0; i < variants.Length; i++)
        {
            var (line, code, id) = variants[i];
            await server.SendAsync(RawBytes(line));
            await server.SendAsync($$"""{"jsonrpc":"2.0","id":{{100 + i}},"method":"ping"}""");

            // The filter answers a refused line before it hands on the next one, so the error comes first.
            var error = await server.ReadAsync();
            var ping = await server.ReadAsync();

            Assert.True(error.TryGetProperty("error", out var detail), $"{line}: {error}");
            Assert.Equal(code, detail.GetProperty("code").GetInt32());
            Assert.Equal(id, error.GetProperty("id").ValueKind == JsonValueKind.Null ? null : error.GetProperty("id").GetString());
            Assert.Equal(100 + i, ping.GetProperty("id").GetInt32());
            Assert.True(ping.TryGetProperty("result", out _), $"{line}: the ping after it got {ping}");
        }
    }

    /// <summary>The line as bytes, with each <c>\xFF</c> written as the single byte 0xFF.</summary>
    private static byte[] RawBytes(string line)
    {
        var parts = line.Split("\\xFF");
        var bytes = new List<byte>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.Add(0xFF);
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return [.. bytes];
    }
}
