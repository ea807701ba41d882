using System.Text.Json.Nodes;

namespace SkillHost.Installer;

/// <summary>
/// How a client starts the server: an executable and its arguments, kept apart (so a path with spaces needs no quoting
/// in a config file). Either the skillhost executable itself (the installed dotnet tool or a published apphost) or
/// <c>dotnet path/skillhost.dll serve</c> — never a bare <c>dnx</c> or <c>npx</c>, which would fetch a package at start.
/// </summary>
public sealed record ServerLaunch(string Command, IReadOnlyList<string> Arguments)
{
    /// <summary>The launch for the running skillhost: <paramref name="processPath"/> is this process's executable and <paramref name="entryAssembly"/> skillhost.dll.</summary>
    public static ServerLaunch ForRunningTool(string processPath, string entryAssembly)
    {
        ArgumentException.ThrowIfNullOrEmpty(processPath);
        ArgumentException.ThrowIfNullOrEmpty(entryAssembly);
        var name = Path.GetFileNameWithoutExtension(processPath);
        return string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase)
            ? new ServerLaunch(Path.GetFullPath(processPath), [Path.GetFullPath(entryAssembly), "serve"])
            : new ServerLaunch(Path.GetFullPath(processPath), ["serve"]);
    }

    /// <summary>The entry in a client's server list.</summary>
    public JsonObject ToEntry(bool withType)
    {
        var entry = new JsonObject();
        if (withType)
        {
            entry["type"] = "stdio";
        }

        entry["command"] = Command;
        entry["args"] = new JsonArray([.. Arguments.Select(a => (JsonNode)a)]);
        return entry;
    }

    /// <summary>The command line as a shell would need it typed: arguments with spaces or quotes are double-quoted.</summary>
    public string DisplayCommandLine => string.Join(' ', new[] { Command }.Concat(Arguments).Select(Quote));

    private static string Quote(string part) =>
        part.Length > 0 && !part.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')
            ? part
            : "\"" + part.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
