using System.Text;
using SkillHost.Server.Transports;

namespace SkillHost.Server.Tests.Transports;

/// <summary>Which stdio lines pass to the SDK and which get a JSON-RPC error reply, with what code, id and advice.</summary>
public sealed class JsonRpcLineCheckTests
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"r-1","result":{}}""")]
    [InlineData("""  {"method":"ping","params":{"deep":[[{"a":[1,2,{"b":null}]}]]},"jsonrpc":"2.0","id":9}  """)]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"the client could not parse something"}}""")]
    [InlineData("""{"jsonrpc":"1.0","result":{}}""")]
    [InlineData("")]
    [InlineData("   \t")]
    public void Given_a_message_a_response_of_any_shape_or_a_blank_line_When_checked_Then_it_passes_without_an_answer(string line)
    {
        var check = JsonRpcLineCheck.Of(Encoding.UTF8.GetBytes(line + "\r\n"));

        Assert.True(check.IsAccepted, check.Message);
    }

    [Theory]
    [InlineData("not json at all", -32700, "not valid JSON")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list" """, -32700, "not valid JSON")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping"} {"jsonrpc":"2.0","id":2,"method":"ping"}""", -32700, "after a single JSON value")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"ping"}]""", -32600, "batches")]
    [InlineData("42", -32600, "not a number")]
    [InlineData("""{"id":1,"method":"ping"}""", -32600, "\"jsonrpc\" must be \"2.0\" (it is missing)")]
    [InlineData("""{"jsonrpc":2,"id":1,"method":"ping"}""", -32600, "(it is 'number')")]
    [InlineData("""{"jsonrpc":"2.0","params":{}}""", -32600, "neither a \"method\"")]
    public void Given_a_line_that_is_no_message_When_checked_Then_it_is_refused_with_the_JSON_RPC_code_and_what_to_do(string line, int code, string reason)
    {
        var check = JsonRpcLineCheck.Of(Encoding.UTF8.GetBytes(line + "\n"));

        Assert.False(check.IsAccepted);
        Assert.Equal(code, check.Code);
        Assert.Contains(reason, check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"1.0","id":17,"method":"ping"}""", "17", true)]
    [InlineData("""{"id":"abc","jsonrpc":"1.0","method":"ping"}""", "abc", false)]
    [InlineData("""{"jsonrpc":"1.0","id":{"x":1},"method":"ping"}""", null, false)]
    public void Given_an_invalid_request_with_an_id_When_checked_Then_the_reply_can_name_that_id(string line, string? id, bool isNumber)
    {
        var check = JsonRpcLineCheck.Of(Encoding.UTF8.GetBytes(line));

        Assert.Equal(-32600, check.Code);
        Assert.Equal(id, check.Id.Text);
        Assert.Equal(isNumber, check.Id.IsNumber);
    }
}
