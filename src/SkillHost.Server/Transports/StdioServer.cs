using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Transports;

/// <summary>The stdio transport: stdin/stdout carry JSON-RPC, so every log line goes to stderr.</summary>
internal static class StdioServer
{
    public static async Task<int> RunAsync(ServeOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        // Not Host.CreateApplicationBuilder(args): the configuration system would read our own flags ("--http ...") as settings.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        ServerLogging.Configure(builder.Logging);
        using var loggers = LoggerFactory.Create(ServerLogging.Configure);
        using var catalog = ServerLogging.CreateCatalog(options, loggers);
        builder.Services.AddSkillHostMcp(catalog, ServerEnvironment.Current()).WithStdioServerTransport();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
