using System.CommandLine;
using System.Net;
using SkillHost.Server.Transports;

namespace SkillHost.Server.Cli;

/// <summary>
/// <c>skillhost serve [--http [--port N] [--host ADDR] [--token T]] [--skills DIR]... [--no-watch]</c>: the MCP server,
/// over stdio by default (stdout is the protocol, logs go to stderr) or over streamable HTTP.
/// </summary>
internal static class ServeCommand
{
    public const string TokenVariable = "SKILLHOST_TOKEN";
    public const int DefaultPort = 3001;

    public static Command Create(CliOutput output)
    {
        var http = new Option<bool>("--http") { Description = "Serve streamable HTTP at http://HOST:PORT/mcp instead of stdio." };
        var port = new Option<int>("--port") { Description = $"HTTP port (with --http); 0 picks a free one, printed on stderr. Default {DefaultPort}.", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to bind (with --http). Default 127.0.0.1: only this machine can connect.", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = $"Require 'Authorization: Bearer TOKEN' on every HTTP request (or set {TokenVariable})." };
        var skills = new Option<string[]>("--skills") { Description = "A folder of skills to serve besides the bundled one (any SKILL.md below it, e.g. ~/.claude/skills). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not re-read skills when their files change." };
        var fileBudget = FileBudgetOption.Create();
        var command = new Command("serve", "Run the MCP server: tools, prompts and skill resources over stdio (default) or HTTP.")
        {
            http, port, host, token, skills, noWatch, fileBudget,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new ServeOptions(
                result.GetValue(http),
                result.GetValue(port),
                result.GetValue(host)!,
                result.GetValue(token) ?? NullIfEmpty(Environment.GetEnvironmentVariable(TokenVariable)),
                result.GetValue(skills) ?? [],
                !result.GetValue(noWatch)) { FileBudget = FileBudgetOption.ToBudget(result.GetValue(fileBudget)) },
            output,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ServeOptions options, CliOutput output, CancellationToken cancellationToken)
    {
        if (options.Validate() is { } problem)
        {
            await output.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            return ExitCodes.UsageOrIo;
        }

        return options.Http
            ? await HttpServer.RunAsync(options, output.Error, cancellationToken).ConfigureAwait(false)
            : await StdioServer.RunAsync(options, output.Error, cancellationToken).ConfigureAwait(false);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The parsed command line of <c>serve</c>.</summary>
/// <param name="Token">The bearer token HTTP requests must carry, or null for none.</param>
/// <param name="SkillFolders">Folders searched for SKILL.md files besides the bundled skill.</param>
/// <param name="MaxRequestBytes">Largest HTTP request body accepted (413 beyond).</param>
internal sealed record ServeOptions(bool Http, int Port, string Host, string? Token, IReadOnlyList<string> SkillFolders, bool Watch = true, long MaxRequestBytes = ServeOptions.DefaultMaxRequestBytes)
{
    /// <summary>8 MiB: room for the largest inline code a tool accepts (2 Mi characters, JSON-escaped), no more.</summary>
    public const long DefaultMaxRequestBytes = 8 * 1024 * 1024;

    /// <summary>How long one file's analysis may take in a tool call (<c>--file-budget</c>); null for no limit.</summary>
    public TimeSpan? FileBudget { get; init; } = SkillHost.Analysis.Review.SourceReviewOptions.DefaultFileBudget;

    /// <summary>A message saying what is wrong with the options, or null.</summary>
    public string? Validate()
    {
        if (Port is < 0 or > 65535)
        {
            return $"--port {Port} is not a TCP port; use 1-65535, or 0 for any free port.";
        }

        if (!IPAddress.TryParse(Host, out _) && Host != "localhost")
        {
            return $"--host '{Host}' is not an IP address; use 127.0.0.1 (this machine only), ::1, or an address of this machine.";
        }

        var missing = SkillFolders.Where(f => !Directory.Exists(f)).ToList();
        return missing.Count > 0
            ? $"no such skills folder: {string.Join(", ", missing.Select(m => $"'{m}'"))}. Pass folders that hold skills (a SKILL.md per skill folder)."
            : null;
    }
}
