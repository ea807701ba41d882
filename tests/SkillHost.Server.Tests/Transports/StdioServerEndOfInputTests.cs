using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Transports;

/// <summary>A real <c>skillhost serve</c> fed a whole file of requests at once, as <c>cat requests.jsonl | skillhost serve</c> does.</summary>
public sealed class StdioServerEndOfInputTests
{
    [Fact]
    public async Task Given_requests_followed_by_end_of_input_When_served_Then_every_request_is_answered_before_the_server_exits()
    {
        // The last request has no line break: end of input ends it.
        string[] requests =
        [
            StdioSession.Initialize,
            StdioSession.Initialized,
            """{"jsonrpc":"2.0","id":1,"method":"ping"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"review_code","arguments":{"code":"def f(xs):\n    for x in xs:\n        if x in xs:\n            pass\n","language":"python"}}}""",
            """{"jsonrpc":"2.0","id":4,"method":"ping"}""",
        ];
        await using var server = StdioSession.Start();

        await server.SendAndCloseAsync(string.Join('\n', requests));
        var (replies, exitCode) = await server.ReadToEndAsync();

        var answered = replies.Where(r => r.TryGetProperty("id", out _)).Select(r => r.GetProperty("id").ToString()).Order().ToList();
        Assert.Equal(["1", "2", "3", "4", "init"], answered);
        Assert.All(replies.Where(r => r.TryGetProperty("id", out _)), r => Assert.True(r.TryGetProperty("result", out _), r.ToString()));
        Assert.Equal(0, exitCode);
    }
}
