using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SkillHost.Server.Hosting;

/// <summary>
/// The folders a client may have the server read: the client's MCP roots (file:// URIs) when it sends
/// some, else the server's working folder. Paths are resolved with every link followed, then must lie
/// inside one of them; relative paths start from the first.
/// </summary>
internal sealed class AllowedRoots(IReadOnlyList<string> folders, bool fromClient)
{
    public IReadOnlyList<string> Folders { get; } = folders;

    public bool FromClient { get; } = fromClient;

    /// <summary>Asks the client for its roots when it declared the capability; falls back to <paramref name="workingDirectory"/>.</summary>
#pragma warning disable MCP9005 // Roots are deprecated from spec 2026-07-28 (SEP-2577), but the clients of 2025-11-25 still send them and they are the user's own statement of what may be read.
    public static async Task<AllowedRoots> ResolveAsync(McpServer? server, string workingDirectory, CancellationToken cancellationToken)
    {
        if (server?.ClientCapabilities?.Roots is not null)
        {
            try
            {
                var result = await server.RequestRootsAsync(new ListRootsRequestParams(), cancellationToken).ConfigureAwait(false);
                var folders = result.Roots
                    .Select(r => Uri.TryCreate(r.Uri, UriKind.Absolute, out var uri) && uri.IsFile ? PathConfinement.RealPath(uri.LocalPath) : null)
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (folders.Count > 0)
                {
                    return new AllowedRoots(folders, fromClient: true);
                }
            }
            catch (Exception e) when (e is McpException or InvalidOperationException or IOException)
            {
                // A client that declared roots but cannot answer (or a stateless HTTP request, which cannot ask) gets the working folder.
            }
        }

        return new AllowedRoots([PathConfinement.RealPath(workingDirectory)], fromClient: false);
    }
#pragma warning restore MCP9005

    /// <summary>The real path of <paramref name="path"/> when it lies inside a root; otherwise an <see cref="McpException"/> saying what is allowed.</summary>
    public string Confine(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new McpException("A path is empty or holds a NUL character. Pass a file or folder path, relative to the first allowed root or absolute.");
        }

        var real = PathConfinement.RealPath(Path.Combine(Folders[0], path));
        if (PathConfinement.ContainingRoot(real, Folders) is null)
        {
            throw new McpException($"'{path}' is outside the folders this server may read ({Describe()}). Pass a path inside them, or send the code inline with 'code' and 'language'.");
        }

        if (!Path.Exists(real))
        {
            throw new McpException($"'{path}' does not exist (looked for {real}). Paths are relative to {Folders[0]}.");
        }

        return real;
    }

    /// <summary>Why a file met during a folder walk must not be read, or null when it may be.</summary>
    public string? Refuse(string fullPath) =>
        PathConfinement.ContainingRoot(PathConfinement.RealPath(fullPath), Folders) is null
            ? "a link leading outside the folders this server may read"
            : null;

    public string Describe() =>
        (FromClient ? "the client's roots: " : "the server's working folder: ") + string.Join(", ", Folders);
}
