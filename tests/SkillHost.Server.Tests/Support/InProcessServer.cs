using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tests.Support;

/// <summary>
/// The real MCP server composition and a real SDK client, connected in-process over two pipes (as the SDK's
/// own ClientServerTestBase does): every request goes through JSON-RPC serialisation both ways.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private readonly ServiceProvider _services;
    private readonly Task _run;
    private readonly bool _ownsCatalog;

    private InProcessServer(SkillCatalog catalog, bool ownsCatalog, ServerEnvironment environment)
    {
        Catalog = catalog;
        _ownsCatalog = ownsCatalog;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSkillHostMcp(catalog, environment)
            .WithStreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream());
        _services = services.BuildServiceProvider(validateScopes: true);
        _run = _services.GetRequiredService<McpServer>().RunAsync(_stop.Token);
    }

    public SkillCatalog Catalog { get; }

    public McpClient Client { get; private set; } = null!;

    /// <summary>The folder holding the bundled skill, as copied next to the test assembly.</summary>
    public static string BundledSkills => SkillCatalogOptions.DefaultBundledFolder;

    /// <summary>Starts a server hosting the bundled skill (plus <paramref name="skillFolders"/>) and connects a client.</summary>
    public static Task<InProcessServer> StartAsync(ServerEnvironment? environment = null, McpClientOptions? clientOptions = null, IReadOnlyList<string>? skillFolders = null, bool watch = false) =>
        StartAsync(new SkillCatalog(new SkillCatalogOptions(skillFolders ?? [], BundledSkills, watch)), ownsCatalog: true, environment, clientOptions);

    /// <summary>
    /// The protocol of today's clients (Claude Code, VS Code, the TypeScript SDK). From 2026-07-28 on, list_changed
    /// notifications reach only clients that asked for them with subscriptions/listen; before, every client gets them.
    /// </summary>
    public const string November2025 = "2025-11-25";

    public static async Task<InProcessServer> StartAsync(SkillCatalog catalog, bool ownsCatalog, ServerEnvironment? environment = null, McpClientOptions? clientOptions = null)
    {
        var server = new InProcessServer(catalog, ownsCatalog, environment ?? ServerEnvironment.Current());
        server.Client = await McpClient.CreateAsync(
            new StreamClientTransport(server._clientToServer.Writer.AsStream(), server._serverToClient.Reader.AsStream()),
            clientOptions,
            cancellationToken: TestContext.Current.CancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        _clientToServer.Writer.Complete();
        _serverToClient.Writer.Complete();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // The server stops by cancellation.
        }

        await _services.DisposeAsync();
        if (_ownsCatalog)
        {
            Catalog.Dispose();
        }

        _stop.Dispose();
    }
}
