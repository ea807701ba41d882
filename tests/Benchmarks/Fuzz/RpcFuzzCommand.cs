using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace SkillHost.Benchmarks.Fuzz;

/// <summary>
/// `rpc-fuzz SKILLHOST_DLL [--seed S] [--seconds N] [--timeout-ms N] [--save DIR]`: a JSON-RPC fuzzer over a real
/// `skillhost serve` process (stdio). After the handshake it sends hostile lines (<see cref="RpcInputs"/>), each
/// followed by a ping that must be answered within --timeout-ms (default 10 s); every line the server writes must be
/// JSON (stdout is the protocol). A failure is the process ending, a ping not answered in time, or a line on stdout
/// that is not JSON: the line that caused it goes to --save (default artifacts/fuzz), and the server is started
/// again. Runs until --seconds (default 120) are spent; prints totals, exit 1 on any failure.
/// </summary>
internal static class RpcFuzzCommand
{
    private const string Initialize = """{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"rpc-fuzz","version":"1"}}}""";
    private const int MaxRestarts = 5;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: rpc-fuzz SKILLHOST_DLL [--seed S] [--seconds N] [--timeout-ms N] [--save DIR]");
            return 2;
        }

        var dll = Path.GetFullPath(args[0]);
        var options = FuzzOptions.Parse([Path.GetDirectoryName(dll)!, .. args[1..]])!;
        var random = new Random(options.Seed);
        var inputs = new RpcInputs(random);
        var work = Directory.CreateTempSubdirectory("skillhost-rpc-fuzz-").FullName; // the server's working folder: nothing to walk
        var failures = new List<string>();
        var (sent, replies, restarts) = (0, 0L, 0);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        Server? server = null;
        try
        {
            server = Server.Start(dll, work, options.Timeout);
            while (clock.Elapsed.TotalSeconds < options.Seconds && restarts <= MaxRestarts)
            {
                var (kind, line) = inputs.Next();
                sent++;
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                var problem = server.Exchange(line, sent, out var answered);
                replies += answered;
                if (problem is null)
                {
                    continue;
                }

                var file = Save(options.Save, kind, line, problem, server.Stderr);
                failures.Add($"{file}: {kind}: {problem}");
                Console.WriteLine($"failure {failures[^1]}");
                server.Dispose();
                restarts++;
                server = Server.Start(dll, work, options.Timeout);
            }
        }
        finally
        {
            server?.Dispose();
            Directory.Delete(work, recursive: true);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine("rpc-fuzz inputs by kind: " + string.Join(' ', kinds.Select(k => $"{k.Key}={k.Value}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rpc-fuzz: seed={options.Seed} inputs={sent} replies={replies} seconds={seconds:F1} inputs_per_second={sent / seconds:F1} failures={failures.Count} restarts={restarts}"));
        return failures.Count == 0 ? 0 : 1;
    }

    private static string Save(string folder, string kind, byte[] line, string problem, string stderr)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"rpc-{kind}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(line))[..12]}.jsonl");
        File.WriteAllBytes(file, line);
        File.WriteAllText(file + ".txt", $"{problem}\n--- server stderr (last 4000 chars)\n{stderr[Math.Max(0, stderr.Length - 4000)..]}\n");
        return file;
    }

    /// <summary>One <c>skillhost serve</c> process: raw bytes in, reply lines out through a channel, stderr kept.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process _process;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _stderr = new();
        private readonly TimeSpan _timeout;

        private Server(Process process, TimeSpan timeout)
        {
            (_process, _timeout) = (process, timeout);
            _ = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
                {
                    _lines.Writer.TryWrite(line);
                }

                _lines.Writer.TryComplete();
            });
            process.ErrorDataReceived += (_, e) =>
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                    if (_stderr.Length > 1_000_000)
                    {
                        _stderr.Remove(0, 500_000);
                    }
                }
            };
            process.BeginErrorReadLine();
        }

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

        public static Server Start(string dll, string workingDirectory, TimeSpan timeout)
        {
            var start = new ProcessStartInfo("dotnet", [dll, "serve"])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = workingDirectory, StandardOutputEncoding = new UTF8Encoding(false),
            };
            var server = new Server(Process.Start(start)!, timeout);
            var handshake = server.Exchange(Encoding.UTF8.GetBytes(Initialize), 0, out _, expectId: "init")
                ?? server.Send(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"notifications/initialized"}"""));
            return handshake is null ? server : throw new InvalidOperationException($"skillhost serve did not start: {handshake}\n{server.Stderr}");
        }

        /// <summary>Sends <paramref name="line"/> then a ping, and reads until the ping's reply; null when all is well, else what went wrong.</summary>
        public string? Exchange(byte[] line, int sequence, out int answered, string? expectId = null)
        {
            answered = 0;
            var pingId = $"fuzz-ping-{sequence}";
            var problem = Send(line) ?? (expectId is null ? Send(Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":"{{pingId}}","method":"ping"}""")) : null);
            if (problem is not null)
            {
                return problem;
            }

            using var deadline = new CancellationTokenSource(_timeout);
            try
            {
                while (true)
                {
                    var reply = _lines.Reader.ReadAsync(deadline.Token).AsTask().GetAwaiter().GetResult();
                    answered++;
                    string? id;
                    try
                    {
                        using var json = JsonDocument.Parse(reply);
                        id = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    }
                    catch (JsonException e)
                    {
                        return $"a line on stdout is not JSON ({e.Message}): {reply[..Math.Min(reply.Length, 200)]}";
                    }

                    if (id == (expectId ?? pingId))
                    {
                        return null;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return _process.HasExited ? $"the server exited (code {_process.ExitCode})" : $"no answer to the ping within {_timeout.TotalSeconds:F0} s";
            }
            catch (ChannelClosedException)
            {
                _process.WaitForExit(5000);
                return $"the server closed stdout (exited: {(_process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "no")})";
            }
        }

        private string? Send(byte[] line)
        {
            try
            {
                var stdin = _process.StandardInput.BaseStream;
                stdin.Write(line);
                stdin.WriteByte((byte)'\n');
                stdin.Flush();
                return null;
            }
            catch (IOException e)
            {
                return $"the server stopped reading ({e.Message})";
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
