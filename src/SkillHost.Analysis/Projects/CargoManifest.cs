using System.Collections.Concurrent;
using SkillHost.Skills.Files;

namespace SkillHost.Analysis.Projects;

/// <summary>
/// Finds and reads the `Cargo.toml` that governs a Rust source file: the nearest one above it, plus the workspace root's
/// release profile when the crate's own has none. Reads only regular files of at most 256 KB, and only the few keys the
/// rules need (`[lib] crate-type`, `[profile.release] lto` and `codegen-units`, `[workspace]`); anything it cannot read is
/// simply not a fact. One instance per review: manifests are read once per folder.
/// </summary>
public sealed class CargoManifests
{
    private const int MaxBytes = 256 * 1024;
    private const int MaxLevels = 12;

    private readonly ConcurrentDictionary<string, Manifest?> _byFolder = new(StringComparer.Ordinal);

    /// <summary>The facts for the Rust file at <paramref name="sourcePath"/> (a full path), or null when no manifest governs it.</summary>
    public CrateFacts? For(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        Manifest? crate = null;
        string? releaseLto = null;
        int? releaseUnits = null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(sourcePath));
        for (var level = 0; folder is not null && level < MaxLevels; level++, folder = Path.GetDirectoryName(folder))
        {
            if (_byFolder.GetOrAdd(folder, Read) is not { } manifest)
            {
                continue;
            }

            crate ??= manifest;
            releaseLto ??= manifest.Lto;
            releaseUnits ??= manifest.CodegenUnits;
            if (manifest.IsWorkspace)
            {
                break;
            }
        }

        return crate is null ? null : new CrateFacts(crate.Path, crate.CrateTypes, releaseLto, releaseUnits);
    }

    private static Manifest? Read(string folder)
    {
        var path = Path.Combine(folder, "Cargo.toml");
        try
        {
            if (!File.Exists(path) || RegularFile.Refusal(path) is not null || new FileInfo(path).Length > MaxBytes)
            {
                return null;
            }

            return Parse(path, File.ReadAllLines(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The keys the rules need, from the manifest's lines: tables, `key = value`, and arrays that may span lines.</summary>
    internal static Manifest Parse(string path, IReadOnlyList<string> lines)
    {
        var table = "";
        var crateTypes = new List<string>();
        string? lto = null;
        int? units = null;
        var workspace = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.StartsWith('[') && !line.StartsWith("[[", StringComparison.Ordinal))
            {
                table = line.Trim('[', ']', ' ');
                workspace |= table == "workspace";
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (table == "lib" && key is "crate-type" or "crate_type")
            {
                // An array may continue over the next lines until its closing bracket.
                while (!value.Contains(']', StringComparison.Ordinal) && i + 1 < lines.Count)
                {
                    value += " " + StripComment(lines[++i]).Trim();
                }

                crateTypes.AddRange(value.Trim('[', ']', ' ').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim('"', '\'')));
            }
            else if (table == "profile.release" && key == "lto")
            {
                lto = value.Trim('"', '\'');
            }
            else if (table == "profile.release" && key == "codegen-units" && int.TryParse(value, out var n))
            {
                units = n;
            }
        }

        return new Manifest(path, crateTypes, lto, units, workspace);
    }

    // A `#` starts a comment unless it sits inside a string.
    private static string StripComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                inString = !inString;
            }
            else if (line[i] == '#' && !inString)
            {
                return line[..i];
            }
        }

        return line;
    }

    internal sealed record Manifest(string Path, IReadOnlyList<string> CrateTypes, string? Lto, int? CodegenUnits, bool IsWorkspace);
}
