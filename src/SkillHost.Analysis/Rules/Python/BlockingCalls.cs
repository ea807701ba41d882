using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>
/// Which Python calls block the calling thread on a file, the network, a process, a timer or the terminal: module
/// functions by qualified name (<see cref="QualifiedNames"/>), and methods by the declared or constructed type of their
/// receiver (<c>client: httpx.Client | None</c>, <c>f = open(p)</c>, <c>with httpx.Client() as c</c>,
/// <c>self.http = requests.Session()</c>). The catalogue of flake8-async's ASYNC210–ASYNC251, minus the pure path
/// functions that touch no disk (<c>os.path.normpath</c>, <c>relpath</c>, <c>join</c>).
/// </summary>
internal static class BlockingCalls
{
    /// <summary>A blocking call: what to do instead, how sure the name makes us, and whether it waits on the network.</summary>
    internal sealed record Blocking(string QualifiedName, string Fix, Confidence Confidence, bool Network);

    private const string HttpxFix = "use `httpx.AsyncClient` and `await` its methods";
    private const string HttpFix = "use an async HTTP client (`httpx.AsyncClient`, aiohttp) and `await` it";
    private const string ProcessFix = "use `await asyncio.create_subprocess_exec(…)` (or `create_subprocess_shell`)";
    private const string OffThreadFix = "move it off the event loop: `await asyncio.to_thread(…)`";
    private const string FileFix = "read or write the file with `aiofiles`, or do the file work in `await asyncio.to_thread(…)`";

    private static readonly Dictionary<string, (string Fix, Confidence Confidence, bool Network)> Functions = Build();

    private static Dictionary<string, (string, Confidence, bool)> Build()
    {
        var table = new Dictionary<string, (string, Confidence, bool)>(StringComparer.Ordinal)
        {
            ["time.sleep"] = ("use `await asyncio.sleep(…)`", Confidence.High, false),
            ["builtins.input"] = ("read input off the event loop: `await asyncio.to_thread(input, …)`", Confidence.High, false),
            ["urllib3.request"] = (HttpFix, Confidence.High, true),
            ["urllib.request.urlopen"] = ("use an async HTTP client, or `await asyncio.to_thread(urllib.request.urlopen, …)`", Confidence.High, true),
            ["urllib.request.urlretrieve"] = ("use an async HTTP client, or `await asyncio.to_thread(urllib.request.urlretrieve, …)`", Confidence.High, true),
            ["builtins.open"] = (FileFix, Confidence.Medium, false),
            ["io.open"] = (FileFix, Confidence.Medium, false),
            ["io.open_code"] = (FileFix, Confidence.Medium, false),
            ["os.fdopen"] = (FileFix, Confidence.Medium, false),
        };
        foreach (var verb in (string[])["get", "post", "put", "patch", "delete", "head", "options", "request"])
        {
            table["requests." + verb] = (HttpFix, Confidence.High, true);
            table["httpx." + verb] = (HttpxFix, Confidence.High, true);
            table["httpx2." + verb] = (HttpxFix.Replace("httpx.", "httpx2.", StringComparison.Ordinal), Confidence.High, true);
        }

        table["httpx.stream"] = (HttpxFix, Confidence.High, true);
        table["httpx2.stream"] = (HttpxFix.Replace("httpx.", "httpx2.", StringComparison.Ordinal), Confidence.High, true);
        foreach (var name in (string[])["run", "call", "check_call", "check_output", "getoutput", "getstatusoutput", "Popen"])
        {
            table["subprocess." + name] = (ProcessFix, Confidence.High, false);
        }

        foreach (var name in (string[])["system", "popen", "posix_spawn", "posix_spawnp", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe"])
        {
            table["os." + name] = (ProcessFix, Confidence.High, false);
        }

        foreach (var name in (string[])["wait", "wait3", "wait4", "waitid", "waitpid"])
        {
            table["os." + name] = ("wait off the event loop (`await asyncio.to_thread(os." + name + ", …)`), or start the process with `asyncio.create_subprocess_exec` and `await proc.wait()`", Confidence.High, false);
        }

        foreach (var name in (string[])["listdir", "scandir", "walk", "stat", "lstat", "remove", "unlink", "rename", "replace", "makedirs", "mkdir", "rmdir", "removedirs"])
        {
            table["os." + name] = (OffThreadFix, Confidence.Medium, false);
        }

        // os.path functions that ask the file system; normpath, abspath, relpath, join, split… only compute strings.
        foreach (var name in (string[])["exists", "lexists", "isfile", "isdir", "islink", "ismount", "isjunction", "getsize", "getmtime", "getctime", "getatime", "samefile", "sameopenfile", "realpath", "_joinrealpath"])
        {
            table["os.path." + name] = (OffThreadFix + " (or check once outside the async path)", Confidence.Medium, false);
        }

        foreach (var name in (string[])["copy", "copy2", "copyfile", "copytree", "rmtree", "move", "make_archive", "unpack_archive"])
        {
            table["shutil." + name] = ("move it off the event loop: `await asyncio.to_thread(shutil." + name + ", …)`", Confidence.Medium, false);
        }

        return table;
    }

    // Client types whose request methods block; `null` methods: every method (urllib3's pools have no non-blocking surface worth a name).
    private static readonly Dictionary<string, (HashSet<string>? Methods, string Fix)> Clients = BuildClients();

    private static Dictionary<string, (HashSet<string>?, string)> BuildClients()
    {
        HashSet<string> httpx = new(StringComparer.Ordinal) { "close", "delete", "get", "head", "options", "patch", "post", "put", "request", "send", "stream" };
        HashSet<string> requests = new(StringComparer.Ordinal) { "delete", "get", "head", "options", "patch", "post", "put", "request", "send" };
        var table = new Dictionary<string, (HashSet<string>?, string)>(StringComparer.Ordinal)
        {
            ["httpx.Client"] = (httpx, HttpxFix),
            ["httpx2.Client"] = (httpx, HttpxFix.Replace("httpx.", "httpx2.", StringComparison.Ordinal)),
            ["requests.Session"] = (requests, "use an async HTTP client session (`httpx.AsyncClient`, `aiohttp.ClientSession`) and `await` it"),
        };
        foreach (var pool in (string[])["urllib3.PoolManager", "urllib3.ProxyManager", "urllib3.HTTPConnectionPool", "urllib3.HTTPSConnectionPool",
            "urllib3.connectionpool.ConnectionPool", "urllib3.connectionpool.HTTPConnectionPool", "urllib3.connectionpool.HTTPSConnectionPool",
            "urllib3.poolmanager.PoolManager", "urllib3.poolmanager.ProxyManager", "urllib3.request.RequestMethods", "urllib3._request_methods.RequestMethods"])
        {
            table[pool] = (null, HttpFix);
        }

        return table;
    }

    private static readonly HashSet<string> FileTypes = new(StringComparer.Ordinal) { "io.TextIOWrapper", "io.BufferedReader", "io.BufferedWriter", "io.BufferedRandom", "io.FileIO" };

    private static readonly HashSet<string> FileMethods = new(StringComparer.Ordinal)
    {
        "read", "read1", "readall", "readinto", "readinto1", "readline", "readlines", "write", "writelines", "flush", "seek", "truncate", "close", "peek",
    };

    private static readonly HashSet<string> PathTypes = new(StringComparer.Ordinal) { "pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath" };

    // pathlib.Path methods that ask the file system (the pure ones — name, parent, joinpath, with_suffix… — do not).
    private static readonly HashSet<string> PathMethods = new(StringComparer.Ordinal)
    {
        "exists", "is_file", "is_dir", "is_symlink", "is_mount", "is_socket", "is_fifo", "is_block_device", "is_char_device", "is_junction",
        "stat", "lstat", "owner", "group", "open", "read_text", "read_bytes", "write_text", "write_bytes", "iterdir", "glob", "rglob", "walk",
        "resolve", "readlink", "touch", "mkdir", "unlink", "rmdir", "rename", "replace", "chmod", "lchmod", "samefile", "hardlink_to", "symlink_to",
        "expanduser", "absolute",
    };

    // Unknown receivers: only names no other common API uses.
    private static readonly HashSet<string> UntypedPathMethods = new(StringComparer.Ordinal) { "read_text", "write_text", "read_bytes", "write_bytes" };

    private static readonly HashSet<string> HttpVerbs = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT" };

    /// <summary>A module function or a client constructor that blocks, by the call's qualified name (method calls on typed receivers are <see cref="ClassifyMethod"/>).</summary>
    public static Blocking? ClassifyFunction(CallNode call)
    {
        if (call.IsMethodCall && call.ReceiverCall is not null || QualifiedNames.Resolve(call, call.Callee) is not { } name)
        {
            return null;
        }

        if (Functions.TryGetValue(name, out var entry))
        {
            return new Blocking(name, entry.Fix, entry.Confidence, entry.Network);
        }

        // Creating a client is not itself a request: the default (file-read) price stays.
        return name switch
        {
            "httpx.Client" or "httpx2.Client" => new Blocking(name, "use `" + name.Replace("Client", "AsyncClient", StringComparison.Ordinal) + "`", Confidence.High, false),
            "requests.Session" => new Blocking(name, "use an async HTTP client session (`httpx.AsyncClient`, `aiohttp.ClientSession`)", Confidence.High, false),
            _ => null,
        };
    }

    /// <summary>A method call that blocks because of what its receiver is: a typed or constructed client, file or path; or an HTTP-verb <c>request</c>.</summary>
    public static Blocking? ClassifyMethod(CallNode call)
    {
        if (!call.IsMethodCall || call.ReceiverSpan is not { } receiverSpan)
        {
            return null;
        }

        var source = call.Tree.Source;
        var receiver = source.ToString(receiverSpan).Trim();
        var type = call.ReceiverCall is { } made
            ? ConstructedType(made) is { } t && PathTypes.Contains(t) ? t : null
            : ReceiverTypes.Of(call, receiver);
        if (type is not null)
        {
            if (Clients.TryGetValue(type, out var client) && (client.Methods is null || client.Methods.Contains(call.Name)))
            {
                return new Blocking(type + "." + call.Name, client.Fix, Confidence.High, call.Name != "close");
            }

            if (FileTypes.Contains(type) && FileMethods.Contains(call.Name))
            {
                return new Blocking(type + "." + call.Name, "use an async file (`aiofiles`, `anyio.open_file`), or do the file work in `await asyncio.to_thread(…)`", Confidence.Medium, false);
            }

            if (PathTypes.Contains(type) && PathMethods.Contains(call.Name))
            {
                return new Blocking(type + "." + call.Name, $"`await asyncio.to_thread({PythonCode.Shorten(receiver, 30)}.{call.Name}, …)`, or an async path (`anyio.Path`)", Confidence.Medium, false);
            }

            return null;
        }

        if (UntypedPathMethods.Contains(call.Name) && call.Arguments.Count <= 2)
        {
            return new Blocking("pathlib.Path." + call.Name, $"`await asyncio.to_thread({PythonCode.Shorten(receiver, 30)}.{call.Name}, …)` or `aiofiles`", Confidence.Medium, false);
        }

        // urllib3's `pool.request("GET", url)`: the method and an HTTP verb say what the receiver is (flake8-async's ASYNC211).
        if (call.Name == "request" && call.Arguments is [{ Name: null, Shape: ExpressionShape.StringLiteral } verb, ..]
            && HttpVerbs.Contains(source.ToString(verb.Span).Trim().Trim('"', '\'').ToUpperInvariant()))
        {
            return new Blocking("urllib3.request", HttpFix, Confidence.Medium, true);
        }

        return null;
    }

    /// <summary>The type a call builds, when it is a constructor or a function we know the result of (<c>open</c> → a file).</summary>
    public static string? ConstructedType(CallNode call)
    {
        if (call.IsMethodCall && call.ReceiverCall is not null || QualifiedNames.Resolve(call, call.Callee) is not { } name)
        {
            return null;
        }

        return name switch
        {
            "builtins.open" or "io.open" => "io.TextIOWrapper",
            "os.fdopen" => "io.TextIOWrapper",
            _ when Clients.ContainsKey(name) || PathTypes.Contains(name) || FileTypes.Contains(name) => name,
            _ => null,
        };
    }
}
