using System.Diagnostics;
using System.Text.Json;
using SkillHost.Server.Tests.Support;

namespace SkillHost.Server.Tests.Transports;

/// <summary>A real <c>skillhost serve</c> over stdio: a line that is not a message gets an error reply, and the session goes on.</summary>
public sealed class StdioServerMalformedInputTests
{
    [Fact]
    public async Task Given_a_broken_line_then_a_request_When_sent_to_the_server_Then_the_broken_line_is_answered_with_a_parse_error_and_the_request_still_succeeds()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in ServerProcess.StdioCommand[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await process.StandardInput.WriteLineAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"");
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""");
            await process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var first = JsonDocument.Parse((await process.StandardOutput.ReadLineAsync(timeout.Token))!).RootElement;
            var second = JsonDocument.Parse((await process.StandardOutput.ReadLineAsync(timeout.Token))!).RootElement;

            Assert.Equal(-32700, first.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(JsonValueKind.Null, first.GetProperty("id").ValueKind);
            Assert.Contains("one JSON-RPC 2.0 message per line", first.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, second.GetProperty("id").GetInt32());
            Assert.Equal("skillhost", second.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }
}
