using System.Collections.Concurrent;
using SkillHost.Skills.Files;

namespace SkillHost.Analysis.Configuration;

/// <summary>
/// Finds the config that governs a file as ruff does: the nearest folder, from the file's own upwards, holding
/// <c>.skillhost.toml</c>, <c>skillhost.toml</c> or a <c>pyproject.toml</c> with <c>[tool.skillhost]</c> (in that order
/// within a folder; a Rust crate keeps its skillhost.toml beside Cargo.toml). With a config file given
/// (<c>--config</c>) that one governs everything; isolated, none does. Each folder is looked at once per review.
/// </summary>
public sealed class ProjectConfigResolver
{
    /// <summary>The file names looked for in each folder, nearest-wins order within a folder.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [".skillhost.toml", "skillhost.toml", "pyproject.toml"];

    private readonly ConcurrentDictionary<string, ProjectConfig?> _byFolder = new(StringComparer.Ordinal);
    private readonly ProjectConfig? _fixed;
    private readonly bool _isolated;
    private readonly Func<string, bool>? _isKnownSelector;

    private ProjectConfigResolver(ProjectConfig? fixedConfig, bool isolated, Func<string, bool>? isKnownSelector) =>
        (_fixed, _isolated, _isKnownSelector) = (fixedConfig, isolated, isKnownSelector);

    /// <summary>No config at all (<c>--isolated</c>).</summary>
    public static ProjectConfigResolver Isolated { get; } = new(null, isolated: true, null);

    /// <summary>Configs found by walking up from each path.</summary>
    public static ProjectConfigResolver Discovering(Func<string, bool>? isKnownSelector = null) => new(null, isolated: false, isKnownSelector);

    /// <summary>The one config in <paramref name="path"/> for every file (<c>--config FILE</c>).</summary>
    /// <exception cref="ProjectConfigException">The file cannot be read or is not a valid config.</exception>
    public static ProjectConfigResolver FromFile(string path, Func<string, bool>? isKnownSelector = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var config = Load(Path.GetFullPath(path), isKnownSelector)
            ?? throw new ProjectConfigException(path, 1, "has no [tool.skillhost] section");
        return new(config, isolated: false, isKnownSelector);
    }

    /// <summary>The config governing <paramref name="fullPath"/> (a file, or a folder: its own config counts), or null.</summary>
    /// <exception cref="ProjectConfigException">A config met on the way up is malformed.</exception>
    public ProjectConfig? For(string fullPath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        if (_isolated || _fixed is not null)
        {
            return _fixed;
        }

        return ForFolder(isDirectory ? fullPath : Path.GetDirectoryName(fullPath) ?? fullPath);
    }

    private ProjectConfig? ForFolder(string folder)
    {
        if (_byFolder.TryGetValue(folder, out var known))
        {
            return known;
        }

        ProjectConfig? found = null;
        foreach (var name in FileNames)
        {
            if (Load(Path.Combine(folder, name), _isKnownSelector) is { } config)
            {
                found = config;
                break;
            }
        }

        if (found is null && Path.GetDirectoryName(folder) is { } parent && parent != folder)
        {
            found = ForFolder(parent);
        }

        return _byFolder.GetOrAdd(folder, found);
    }

    private static ProjectConfig? Load(string path, Func<string, bool>? isKnownSelector)
    {
        string text;
        try
        {
            if (!File.Exists(path) || RegularFile.Refusal(path) is not null)
            {
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProjectConfigException(path, 1, $"cannot be read: {e.Message}");
        }

        return ProjectConfigReader.Read(path, text, isKnownSelector);
    }
}
