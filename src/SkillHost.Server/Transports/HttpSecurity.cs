using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SkillHost.Server.Transports;

/// <summary>
/// The checks every HTTP request passes before MCP sees it. The SDK validates neither: a browser page on
/// another site can reach a server on 127.0.0.1 (DNS rebinding), so a foreign <c>Origin</c> gets 403; with a
/// token configured, a request without the right <c>Authorization: Bearer</c> gets 401 (compared in constant time).
/// </summary>
internal sealed class HttpSecurity(IReadOnlyCollection<string> allowedHosts, string? token)
{
    private readonly byte[]? _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Host names a client on this machine uses: the loopback names and the bound address.</summary>
    public static IReadOnlyCollection<string> AllowedHostsFor(string boundAddress)
    {
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
        hosts.Add(IPAddress.TryParse(boundAddress, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : boundAddress);
        return hosts;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Request.Headers.Origin is { Count: > 0 } origins && !origins.All(o => IsAllowedOrigin(o)))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, $"Origin '{origins}' is not allowed: this server accepts requests from this machine only (localhost, 127.0.0.1, [::1]).").ConfigureAwait(false);
            return;
        }

        if (_tokenHash is not null && !HasToken(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "This server needs 'Authorization: Bearer <token>' with the token it was started with (--token or SKILLHOST_TOKEN).").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool IsAllowedOrigin(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && allowedHosts.Contains(uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost);

    private bool HasToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing first makes both sides the same length, so the comparison time says nothing about the token.
        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(header[Prefix.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(offered, _tokenHash);
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = $$$"""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":{{{System.Text.Json.JsonSerializer.Serialize(message, ServerJsonContext.Default.String)}}}}}""";
        return context.Response.WriteAsync(body);
    }
}
