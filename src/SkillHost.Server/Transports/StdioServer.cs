using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Transports;

/// <summary>The stdio transport: stdin/stdout carry JSON-RPC, so every log line goes to stderr.</summary>
internal static class StdioServer
{
    public static async Task<int> RunAsync(ServeOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        // No generic Host: one session needs none of its configuration, environment or lifetime services, and building
        // them was a tenth of the Native AOT cold start. The server runs until stdin closes or the command line's token
        // is cancelled (Ctrl+C, SIGTERM).
        var services = new ServiceCollection();
        services.AddLogging(ServerLogging.Configure);
        using var loggers = LoggerFactory.Create(ServerLogging.Configure);
        using var catalog = ServerLogging.CreateCatalog(options, loggers);
        // The SDK's stream transport over stdin/stdout, with every line checked first: a line that is not a JSON-RPC
        // message gets an error reply instead of the SDK's silent drop, and end of input waits for the answers still due.
        var requests = new InFlightRequests();
        var output = new LineOutput(Console.OpenStandardOutput(), requests);
        services.AddSkillHostMcp(catalog, ServerEnvironment.Current() with { FileBudget = options.FileBudget })
            .WithStreamServerTransport(new JsonRpcLineFilter(Console.OpenStandardInput(), output, requests: requests), output);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<McpServer>().RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop: a normal end.
        }

        return ExitCodes.Ok;
    }
}
