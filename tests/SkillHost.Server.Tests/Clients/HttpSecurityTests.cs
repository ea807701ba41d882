using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Clients;

/// <summary>The HTTP server's guards, against the built server: Origin (403), Host (400), bearer token (401) and body size (413); each refusal leaves it serving.</summary>
public sealed class HttpSecurityTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    private static HttpRequestMessage Post(string url, string body, Action<HttpRequestMessage>? adjust = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        adjust?.Invoke(request);
        return request;
    }

    [Fact]
    public async Task Given_foreign_origin_or_host_or_a_huge_body_Then_4xx_and_a_valid_request_is_still_served()
    {
        await using var server = await ServerProcess.StartHttpAsync();
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        using var origin = await http.SendAsync(Post(server.Url, Initialize, r => r.Headers.Add("Origin", "http://evil.example.com")), ct);
        using var host = await http.SendAsync(Post(server.Url, Initialize, r => r.Headers.Host = "evil.example.com"), ct);
        // Expect: 100-continue lets the server refuse by the declared length before the body is sent (else the refusal races the upload).
        using var huge = await http.SendAsync(Post(server.Url, new string(' ', 9 * 1024 * 1024) + Initialize, r => r.Headers.ExpectContinue = true), ct);
        using var local = await http.SendAsync(Post(server.Url, Initialize, r => r.Headers.Add("Origin", "http://localhost:5173")), ct);

        Assert.Equal(HttpStatusCode.Forbidden, origin.StatusCode);
        Assert.Contains("is not allowed", await origin.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, host.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Given_a_token_When_a_request_lacks_it_or_has_another_Then_401_and_with_it_200()
    {
        await using var server = await ServerProcess.StartHttpAsync("--token", "right-token");
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        using var none = await http.SendAsync(Post(server.Url, Initialize), ct);
        using var wrong = await http.SendAsync(Post(server.Url, Initialize, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-token")), ct);
        using var right = await http.SendAsync(Post(server.Url, Initialize, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "right-token")), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Given_malformed_json_rpc_Then_an_error_response_and_the_next_request_is_served()
    {
        await using var server = await ServerProcess.StartHttpAsync();
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        using var garbage = await http.SendAsync(Post(server.Url, "{not json"), ct);
        using var next = await http.SendAsync(Post(server.Url, Initialize), ct);

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
