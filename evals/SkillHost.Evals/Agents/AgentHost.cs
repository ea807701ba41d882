using System.IO.Pipelines;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Rules;
using SkillHost.Evals.Cases;
using SkillHost.Evals.Cli;
using SkillHost.Server;
using SkillHost.Server.Cli;
using SkillHost.Server.Hosting;

namespace SkillHost.Evals.Agents;

/// <summary>
/// The real SkillHost MCP server and an SDK client, connected in-process over two pipes (every call goes through
/// JSON-RPC both ways), hosting the skill under evaluation. The deterministic pipeline agent calls its
/// <c>review_code</c> tool; the LLM agent gets its tools as a Semantic Kernel plugin. Case files are written to a
/// temporary folder, the server's working folder, so a case with several files is reviewed as one project.
/// </summary>
public sealed class AgentHost : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private readonly SkillCatalog _catalog;
    private readonly Task _server;
    private McpClient _client = null!;

    private AgentHost(EvalSetup setup)
    {
        Workspace = Directory.CreateTempSubdirectory("skillhost-evals-").FullName;
        Instructions = File.ReadAllText(setup.Paths.SkillFile);
        var skillFolder = Path.GetDirectoryName(setup.Paths.SkillFile)!;
        _catalog = new SkillCatalog(new SkillCatalogOptions([], Path.GetDirectoryName(skillFolder)!, Watch: false));
        var services = new ServiceCollection();
        services.AddSkillHostMcp(_catalog, new ServerEnvironment(Workspace, RuleCatalog.All, ReviewEnvironment.DefaultTool))
            .WithStreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream());
        _services = services.BuildServiceProvider();
        _server = _services.GetRequiredService<McpServer>().RunAsync(_stop.Token);
    }

    /// <summary>The temporary folder the case files are written to (the server's working folder).</summary>
    public string Workspace { get; }

    /// <summary>The SKILL.md text, given to the LLM agent as its system instructions.</summary>
    public string Instructions { get; }

    /// <summary>The server's tools, as the LLM agent's plugin gets them.</summary>
    public IReadOnlyList<AIFunction> Tools { get; private set; } = [];

    public IReviewAgent PipelineAgent => new McpPipelineAgent(this);

    public static async Task<AgentHost> StartAsync(EvalSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var host = new AgentHost(setup);
        try
        {
            host._client = await McpClient.CreateAsync(
                new StreamClientTransport(host._clientToServer.Writer.AsStream(), host._serverToClient.Reader.AsStream()),
                new McpClientOptions { ClientInfo = new() { Name = "skillhost-evals", Version = "1.0" } },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            host.Tools = [.. await host._client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)];
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public IReviewAgent KernelAgent(Func<EvalCase, IChatClient> modelFor) => new KernelAgent(Instructions, Tools, modelFor);

    /// <summary>Calls a tool; an <c>isError</c> result becomes an exception carrying the server's message.</summary>
    internal async Task<string> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var result = await _client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        return result.IsError == true ? throw new InvalidOperationException($"{tool} failed: {text}") : text;
    }

    /// <summary>Writes a case's files into their own folder of the workspace and returns their paths.</summary>
    internal IReadOnlyList<string> WriteCase(EvalCase evalCase)
    {
        var folder = Path.Combine(Workspace, evalCase.Id);
        Directory.CreateDirectory(folder);
        return [.. evalCase.Files.Select(f =>
        {
            var path = Path.Combine(folder, f.Path);
            File.WriteAllText(path, f.Content);
            return path;
        })];
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _clientToServer.Writer.CompleteAsync().ConfigureAwait(false);
        await _serverToClient.Writer.CompleteAsync().ConfigureAwait(false);
        try
        {
            await _server.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The server stops by cancellation.
        }

        await _services.DisposeAsync().ConfigureAwait(false);
        _catalog.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans it.
        }
    }
}
