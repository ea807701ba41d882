using SkillHost.Analysis.Classification;

namespace SkillHost.Analysis.Profiles;

/// <summary>
/// Maps a profile's file paths and function names onto the reviewed files: paths by their longest common suffix of
/// segments (profiles record absolute paths from the machine that ran the code), names by their last segment
/// ("app::Store::get" → "get") when a frame names no file (perf on native code, FlameGraph's plain stacks).
/// </summary>
internal sealed class SourceMap
{
    private readonly IReadOnlyList<FileClassification> _files;
    private readonly Dictionary<string, FileClassification?> _byProfilePath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(FileClassification File, FunctionClassification Function)>> _byName = new(StringComparer.Ordinal);

    public SourceMap(IReadOnlyList<FileClassification> files)
    {
        _files = files;
        foreach (var file in files)
        {
            foreach (var function in file.Functions)
            {
                var name = ProfileFrame.ShortName(function.Name);
                if (!_byName.TryGetValue(name, out var list))
                {
                    _byName[name] = list = [];
                }

                list.Add((file, function));
            }
        }
    }

    /// <summary>The reviewed file a profile's path names, or null when none (or more than one equally well) does.</summary>
    public FileClassification? File(string? profilePath)
    {
        if (string.IsNullOrEmpty(profilePath))
        {
            return null;
        }

        if (_byProfilePath.TryGetValue(profilePath, out var known))
        {
            return known;
        }

        var segments = Segments(profilePath);
        FileClassification? best = null;
        var bestScore = 0;
        var tie = false;
        foreach (var file in _files)
        {
            var score = CommonSuffix(segments, Segments(file.Path));
            if (score > bestScore)
            {
                (best, bestScore, tie) = (file, score, false);
            }
            else if (score == bestScore && score > 0)
            {
                tie = true;
            }
        }

        var found = tie ? null : best;
        _byProfilePath[profilePath] = found;
        return found;
    }

    /// <summary>The reviewed function a profile function stands for: in its file when it names one, else by name alone.</summary>
    public (FileClassification File, FunctionClassification Function)? Function(ProfileFunction function)
    {
        var name = ProfileFrame.ShortName(function.Name);
        if (function.File is not null)
        {
            if (File(function.File) is not { } file)
            {
                return null;
            }

            var candidates = file.Functions.Where(f => ProfileFrame.ShortName(f.Name) == name).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            // Same name twice in a file (methods of two classes): the definition line decides; decorators sit a few lines above.
            var chosen = function.Line > 0
                ? candidates.OrderBy(f => function.Line >= f.Line - 5 && function.Line <= f.EndLine ? 0 : 1).ThenBy(f => Math.Abs(f.Line - function.Line)).First()
                : candidates[0];
            return (file, chosen);
        }

        if (!_byName.TryGetValue(name, out var matches) || name == FunctionClassification.ModuleLevel)
        {
            return null;
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        // "app::store::get": the file whose stem is a segment of the qualified name wins.
        var qualified = function.Name.Split("::");
        var byStem = matches.Where(m => qualified.Contains(Path.GetFileNameWithoutExtension(m.File.Path), StringComparer.Ordinal)).ToList();
        return byStem.Count == 1 ? byStem[0] : null;
    }

    private static string[] Segments(string path) =>
        path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static int CommonSuffix(string[] a, string[] b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && string.Equals(a[^(n + 1)], b[^(n + 1)], StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
