using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tests.Support;
using SkillHost.Server.Transports;

namespace SkillHost.Server.Tests.Transports;

/// <summary>Measures this process's CPU time, so nothing else may run beside it.</summary>
[CollectionDefinition(nameof(ProcessCpuMeasurement), DisableParallelization = true)]
public sealed class ProcessCpuMeasurement;

/// <summary>An HTTP client that goes away mid-review stops the review's work (HttpContext.RequestAborted reaches the tool's token).</summary>
[Collection(nameof(ProcessCpuMeasurement))]
public sealed class HttpCancellationTests
{
    [Fact]
    public async Task Given_a_slow_review_over_HTTP_When_the_client_disconnects_Then_the_work_stops_and_the_CPU_falls_back_within_a_second()
    {
        var ct = TestContext.Current.CancellationToken;
        var spinning = new SpinningRule();
        using var catalog = new SkillCatalog(new SkillCatalogOptions([], InProcessServer.BundledSkills, Watch: false));
        var environment = ServerEnvironment.Current() with { Catalogue = [spinning], FileBudget = null };
        await using var app = HttpServer.Build(new ServeOptions(Http: true, Port: 0, Host: "127.0.0.1", Token: null, SkillFolders: []), catalog, environment);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        // No draining of an unread response for reuse: dropping it must close the connection at once.
        var http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0, PooledConnectionLifetime = TimeSpan.Zero });
        using var disconnect = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Streamable HTTP answers a tool call as an event stream: the headers come at once, the result when the review ends.
        var response = await http.SendAsync(ToolCall(address), HttpCompletionOption.ResponseHeadersRead, disconnect.Token);
        await spinning.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        // Compared with itself, not with a fixed figure: on a loaded machine the spinning thread gets less than a core.
        var before = CpuSeconds();
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var busy = CpuSeconds() - before;
        Assert.True(busy > 0.05, $"the review should be burning CPU before the client leaves (it used {busy:0.00} s in a second)");

        // The client leaves before the result: the unread response is dropped, which closes the connection.
        await disconnect.CancelAsync();
        response.Dispose();
        http.Dispose();

        // The work itself stops within a second of the disconnect (the rule sees its token cancelled)...
        await spinning.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(1), ct);

        // ...and the process's CPU falls back. Other work in this test process (background JIT, finalisers) can fill a
        // second now and then, so up to five one-second windows are read: a review still spinning would fill every one.
        var windows = new List<double>();
        for (var i = 0; i < 5 && (windows.Count == 0 || windows[^1] >= busy / 2); i++)
        {
            var idle = CpuSeconds();
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            windows.Add(CpuSeconds() - idle);
        }

        Assert.True(windows[^1] < busy / 2, $"CPU per second after the client left: {string.Join(", ", windows.Select(w => w.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s; before: {busy:0.00} s");
        await app.StopAsync(ct);
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static HttpRequestMessage ToolCall(string address)
    {
        const string body = """
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"checklist_review","arguments":{"code":"# spin\nfor x in xs:\n    f(x)\n","language":"python"}}}
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, address + HttpServer.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", InProcessServer.November2025);
        return request;
    }
}
