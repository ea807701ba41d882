using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace SkillHost.Analysis.Configuration;

/// <summary>
/// Reads a project config with Tomlyn's syntax tree (so every error names its line): <c>[tool.skillhost]</c> of a
/// pyproject.toml, or the top level of any other file. Unknown keys and values of the wrong kind are errors.
/// </summary>
public static class ProjectConfigReader
{
    /// <summary>The config in <paramref name="path"/>, or null for a pyproject.toml without <c>[tool.skillhost]</c>.</summary>
    /// <param name="isKnownSelector">Says whether a rule selector names any rule (an unknown one is an error naming its line).</param>
    /// <exception cref="ProjectConfigException">Malformed TOML, an unknown key, a wrong value.</exception>
    public static ProjectConfig? Read(string path, string text, Func<string, bool>? isKnownSelector = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var document = SyntaxParser.Parse(text, path, validate: true);
        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } error)
        {
            throw new ProjectConfigException(path, error.Span.Start.Line + 1, $"not valid TOML: {error.Message}");
        }

        string[] prefix = Path.GetFileName(path).Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase) ? ["tool", "skillhost"] : [];
        var entries = Entries(document).Where(e => e.Key.Count > prefix.Length && e.Key.Take(prefix.Length).SequenceEqual(prefix)).ToList();
        var sectionSeen = prefix.Length == 0 || document.Tables.Any(t => t.Name is { } n && KeyPath(n).Take(2).SequenceEqual(prefix));
        if (!sectionSeen && entries.Count == 0)
        {
            return null;
        }

        var section = prefix.Length == 0 ? "" : " in [tool.skillhost]";
        var config = new ProjectConfig(Path.GetFullPath(path), Path.GetDirectoryName(Path.GetFullPath(path))!);
        var perFile = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (fullKey, value, line) in entries)
        {
            var key = fullKey[prefix.Length];
            var rest = fullKey.Skip(prefix.Length + 1).ToList();
            ProjectConfigException Wrong(string what) => new(path, line, $"'{key}'{section} {what}");
            IReadOnlyList<string> Selectors(ValueSyntax? v, string name)
            {
                var list = Strings(v) ?? throw new ProjectConfigException(path, line, $"'{name}'{section} must be a list of rule ids or slugs, e.g. [\"PY001\", \"rust/quadratic\"]");
                if (isKnownSelector is not null && list.FirstOrDefault(s => !isKnownSelector(s)) is { } unknown)
                {
                    throw new ProjectConfigException(path, line, $"'{name}'{section} names no rule: '{unknown}'; use an id (PY001), id prefix (PY, RS, PYO), slug (python/quadratic) or group (python, rust, pyo3)");
                }

                return list;
            }

            switch (key)
            {
                case "select" when rest.Count == 0:
                    config = config with { Select = Selectors(value, key) };
                    break;
                case "ignore" when rest.Count == 0:
                    config = config with { Ignore = Selectors(value, key) };
                    break;
                case "extend-select" when rest.Count == 0:
                    config = config with { ExtendSelect = Selectors(value, key) };
                    break;
                case "exclude" when rest.Count == 0:
                    config = config with { Exclude = Strings(value) ?? throw Wrong("must be a list of globs, e.g. [\"docs/\", \"benches/**\"]") };
                    break;
                case "extend-exclude" when rest.Count == 0:
                    config = config with { ExtendExclude = Strings(value) ?? throw Wrong("must be a list of globs, e.g. [\"docs/\", \"benches/**\"]") };
                    break;
                case "assume-n" when rest.Count == 0:
                    config = config with { AssumeN = Positive(value, 1, int.MaxValue) ?? throw Wrong("must be a positive whole number (the loop count to assume where the code states none)") };
                    break;
                case "max-issues" when rest.Count == 0:
                    config = config with { MaxIssues = Positive(value, 1, 100) ?? throw Wrong("must be a whole number from 1 to 100") };
                    break;
                case "per-file-ignores" when rest.Count == 0 && value is InlineTableSyntax table:
                    foreach (var item in table.Items)
                    {
                        if (item.KeyValue is { Key: { } glob } pair)
                        {
                            perFile.Add(new(string.Join('.', KeyPath(glob)), Selectors(pair.Value, key)));
                        }
                    }

                    break;
                case "per-file-ignores" when rest.Count == 0 && value is null:
                    break;
                case "per-file-ignores" when rest.Count > 0:
                    perFile.Add(new(string.Join('.', rest), Selectors(value, key)));
                    break;
                case "per-file-ignores":
                    throw Wrong("must be a table of glob = [rule ids or slugs], e.g. [tool.skillhost.per-file-ignores] \"tests/*\" = [\"PY001\"]");
                default:
                    throw new ProjectConfigException(path, line, $"unknown key '{string.Join('.', fullKey.Skip(prefix.Length))}'{section}; valid keys: {string.Join(", ", ProjectConfig.Keys)}");
            }
        }

        return config with { PerFileIgnores = perFile };
    }

    // Every key = value of the document with its full dotted key (table name + key) and 1-based line.
    private static IEnumerable<(IReadOnlyList<string> Key, ValueSyntax? Value, int Line)> Entries(DocumentSyntax document)
    {
        foreach (var pair in document.KeyValues)
        {
            yield return (KeyPath(pair.Key!), pair.Value, pair.Span.Start.Line + 1);
        }

        foreach (var table in document.Tables)
        {
            var name = table.Name is null ? [] : KeyPath(table.Name);
            if (table.Items.ChildrenCount == 0)
            {
                // An empty [tool.skillhost.per-file-ignores] or a table with a misspelt name: still checked.
                yield return (name, null, table.Span.Start.Line + 1);
            }

            foreach (var pair in table.Items)
            {
                yield return ([.. name, .. KeyPath(pair.Key!)], pair.Value, pair.Span.Start.Line + 1);
            }
        }
    }

    private static List<string> KeyPath(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key) };
        parts.AddRange(key.DotKeys.Select(d => Part(d.Key)));
        return parts;
    }

    private static string Part(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };

    private static List<string>? Strings(ValueSyntax? value)
    {
        if (value is not ArraySyntax array)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var item in array.Items)
        {
            if (item.Value is not StringValueSyntax { Value: { } text })
            {
                return null;
            }

            list.Add(text);
        }

        return list;
    }

    private static int? Positive(ValueSyntax? value, int least, int most) =>
        value is IntegerValueSyntax { Value: var n } && n >= least && n <= most ? (int)n : null;
}
