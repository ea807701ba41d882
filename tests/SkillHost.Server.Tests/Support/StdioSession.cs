using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SkillHost.Server.Tests.Support;

/// <summary>
/// A real <c>skillhost serve</c> over stdio that a test writes raw bytes to and reads reply lines from, with a deadline
/// on every read so a server that stops answering fails the test instead of hanging it. Killed on dispose.
/// </summary>
internal sealed class StdioSession : IAsyncDisposable
{
    public const string Initialize = """{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    public const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";

    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Task<string> _stderr;

    private StdioSession(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
    }

    public static StdioSession Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in ServerProcess.StdioCommand[1..])
        {
            start.ArgumentList.Add(argument);
        }

        return new StdioSession(Process.Start(start)!);
    }

    /// <summary>Writes <paramref name="line"/> as it is (bytes that are not UTF-8 included), then a line break.</summary>
    public async Task SendAsync(byte[] line)
    {
        var input = _process.StandardInput.BaseStream;
        await input.WriteAsync(line, TestContext.Current.CancellationToken);
        await input.WriteAsync("\n"u8.ToArray(), TestContext.Current.CancellationToken);
        await input.FlushAsync(TestContext.Current.CancellationToken);
    }

    public Task SendAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line));

    /// <summary>Writes <paramref name="text"/> and closes stdin: end of input, as <c>cat requests.jsonl | skillhost serve</c>.</summary>
    public async Task SendAndCloseAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        _process.StandardInput.Close();
    }

    /// <summary>The next reply line, parsed; fails when none arrives in time or the server exited.</summary>
    public async Task<JsonElement> ReadAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(ReadLimit);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No reply within {ReadLimit.TotalSeconds} s.");
        }

        return line is null
            ? throw new InvalidOperationException("skillhost closed stdout:\n" + await StderrAfterExitAsync())
            : JsonDocument.Parse(line).RootElement.Clone();
    }

    /// <summary>Every reply line until the server closes stdout, and its exit code.</summary>
    public async Task<(List<JsonElement> Replies, int ExitCode)> ReadToEndAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(ReadLimit);
        var output = await _process.StandardOutput.ReadToEndAsync(deadline.Token);
        await _process.WaitForExitAsync(deadline.Token);
        var replies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        return (replies, _process.ExitCode);
    }

    private async Task<string> StderrAfterExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        return await _stderr;
    }

    public ValueTask DisposeAsync() => ServerProcess.StopAsync(_process);
}
