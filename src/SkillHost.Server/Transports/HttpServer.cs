using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Transports;

/// <summary>
/// Streamable HTTP at <c>/mcp</c>, stateless (each request stands alone, nothing to leak between clients),
/// bound to 127.0.0.1 unless told otherwise, behind Host filtering, the Origin and token checks of
/// <see cref="HttpSecurity"/> and a request size cap.
/// </summary>
internal static class HttpServer
{
    public const string Path = "/mcp";

    public static async Task<int> RunAsync(ServeOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggers = LoggerFactory.Create(ServerLogging.Configure);
        using var catalog = ServerLogging.CreateCatalog(options, loggers);
        await using var app = Build(options, catalog, ServerEnvironment.Current() with { FileBudget = options.FileBudget });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"error: cannot listen on {options.Host}:{options.Port}: {e.Message}. Pick another --port (0 takes any free one).").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        await error.WriteLineAsync($"skillhost: MCP over HTTP at {address}{Path}{(options.Token is null ? "" : " (bearer token required)")}").ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    public static WebApplication Build(ServeOptions options, SkillCatalog catalog, ServerEnvironment environment)
    {
        // Args stay empty: the configuration system would read our own flags as settings.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        ServerLogging.Configure(builder.Logging);
        var allowedHosts = HttpSecurity.AllowedHostsFor(options.Host);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            if (options.Host == "localhost")
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = [.. allowedHosts];
            o.AllowEmptyHosts = false;
        });
        builder.Services.AddSkillHostMcp(catalog, environment).WithHttpTransport(o => o.Stateless = true);

        var app = builder.Build();
        app.UseHostFiltering();
        var security = new HttpSecurity(allowedHosts, options.Token);
        app.Use(security.InvokeAsync);
        app.MapMcp(Path);
        return app;
    }
}
