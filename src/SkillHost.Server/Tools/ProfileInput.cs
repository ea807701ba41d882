using ModelContextProtocol;
using SkillHost.Analysis.Profiles;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary>Reads a profile a tool was given as a path inside the allowed roots; every problem is an <see cref="McpException"/> saying what to send.</summary>
internal static class ProfileInput
{
    public const string PathDescription = "A profile file inside the client's roots: " + ProfileReader.Formats + ". The format is read from the content, not the name.";

    /// <summary>The profiles a reviewing tool was given ('profile'), read and checked; empty when none.</summary>
    public static async Task<IReadOnlyList<Profile>> ReadAllAsync(string[]? paths, ServerEnvironment environment, ModelContextProtocol.Server.RequestContext<ModelContextProtocol.Protocol.CallToolRequestParams>? call, CancellationToken cancellationToken)
    {
        if (paths is not { Length: > 0 })
        {
            return [];
        }

        if (paths.Length > MaxProfiles)
        {
            throw new McpException($"'profile' lists {paths.Length} files; pass at most {MaxProfiles}.");
        }

        var roots = await AllowedRoots.ResolveAsync(call?.Server, environment.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        return [.. paths.Select(p => Read(p, "profile", roots).Profile!)];
    }

    private const int MaxProfiles = 8;

    public static ProfileReadResult Read(string? path, string argument, AllowedRoots roots)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new McpException($"'{argument}' is empty: pass the path of a profile file inside the allowed roots ({ProfileReader.Formats}).");
        }

        var real = roots.Confine(path);
        if (SkillHost.Skills.Files.RegularFile.Refusal(real) is { } refusal)
        {
            throw new McpException($"'{argument}' ({path}): {refusal}");
        }

        var result = ProfileReader.Read(real);
        return result.Profile is null
            ? throw new McpException($"'{argument}' ({path}) is not a profile that can be read: {result.Problem}")
            : result with { Profile = result.Profile with { Source = path.Replace('\\', '/') } };
    }
}
