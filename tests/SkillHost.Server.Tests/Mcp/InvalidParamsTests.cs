using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Mcp;

/// <summary>
/// Params of the wrong shape are answered with an invalid-params error that names the field, never the SDK's bare
/// "An error occurred." (-32603); a tool argument of the wrong type is a tool error that names the argument, so the
/// model can correct the call. The session goes on.
/// </summary>
public sealed class InvalidParamsTests
{
    [Theory]
    [InlineData("tools/call", "5", "params must be a JSON object (it is a number)")]
    [InlineData("tools/call", "[1]", "params must be a JSON object (it is an array)")]
    [InlineData("tools/call", """{"name":5}""", "params.name is a number")]
    [InlineData("tools/call", """{"name":"review_code","arguments":"x"}""", "params.arguments is a string")]
    [InlineData("resources/read", """{"uri":5}""", "params.uri is a number")]
    [InlineData("prompts/get", """{"name":[]}""", "params.name is an array")]
    [InlineData("tools/list", """{"cursor":5}""", "params.cursor is a number")]
    [InlineData("tools/call", """{"name":"review_code","arguments":{"code":"\ud800","language":"python"}}""", "params.arguments.code is not valid Unicode text")]
    [InlineData("resources/read", """{"uri":"\ud800"}""", "params.uri is not valid Unicode text")]
    public async Task Given_params_of_the_wrong_shape_When_requested_Then_an_invalid_params_error_names_the_field(string method, string parameters, string named)
    {
        var replies = await RequestAsync(method, parameters);

        var error = replies[1].GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(replies[2].TryGetProperty("result", out _));
    }

    [Theory]
    [InlineData("""{"code":5}""", "argument 'code' is an integer; it must be a string or null")]
    [InlineData("""{"code":"x = 1","language":"python","maxIssues":"many"}""", "argument 'maxIssues' is a string; it must be an integer")]
    [InlineData("""{"paths":[1]}""", "argument 'paths' has an item [0] that is an integer; it must be a string")]
    public async Task Given_a_tool_argument_of_the_wrong_type_When_called_Then_the_tool_error_names_the_argument(string arguments, string named)
    {
        var replies = await RequestAsync("tools/call", $$"""{"name":"review_code","arguments":{{arguments}}}""");

        var result = replies[1].GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains(named, result.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(replies[2].TryGetProperty("result", out _));
    }

    /// <summary>Sends one request (id 1) and a ping (id 2) to a real stdio server; its replies by id.</summary>
    private static async Task<Dictionary<int, JsonElement>> RequestAsync(string method, string parameters)
    {
        // Raw lines over a real stdio server: the SDK's own client refuses to send most of these.
        await using var server = StdioSession.Start();
        await server.SendAsync(StdioSession.Initialize);
        await server.ReadAsync();
        await server.SendAsync(StdioSession.Initialized);

        await server.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{parameters}}}""");
        await server.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"ping"}""");
        return new[] { await server.ReadAsync(), await server.ReadAsync() }.ToDictionary(r => r.GetProperty("id").GetInt32());
    }
}
