using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SkillHost.Skills.Parsing;

/// <summary>Finds the <c>---</c> delimited YAML at the top of a SKILL.md and reads it into a <see cref="FrontmatterMap"/>.</summary>
internal static class FrontmatterReader
{
    // Aliases can expand a few lines of YAML into millions of nodes ("billion laughs"); real frontmatter is tiny.
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 64;

    /// <summary>The frontmatter's YAML and the 0-based index of its closing line, or null when the file has none.</summary>
    public static (string Yaml, int ClosingLine)? Locate(string text, string? source, List<Diagnostic> diagnostics)
    {
        var lines = new LineReader(text);
        if (!lines.TryNext(out var first) || first.TrimEnd() is not "---")
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.NoFrontmatter,
                "No YAML frontmatter: the file must start with a '---' line, then 'name:' and 'description:', then a closing '---' line.",
                1, source));
            return null;
        }

        var start = lines.Position;
        var index = 1;
        while (lines.TryNext(out var line))
        {
            var trimmed = line.TrimEnd();
            if (trimmed is "---" or "...")
            {
                return (text[start..lines.LineStart], index);
            }

            index++;
        }

        diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.FrontmatterNotClosed,
            "The frontmatter opened on line 1 is never closed: add a '---' line after the last YAML field.", 1, source));
        return null;
    }

    /// <summary>Parses <paramref name="yaml"/> (which starts on file line 2) into a map, or reports why not.</summary>
    public static FrontmatterMap? Read(string yaml, string? source, List<Diagnostic> diagnostics)
    {
        const int firstLine = 2;
        YamlStream stream = new();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var line = (int)Math.Max(1, e.Start.Line) + firstLine - 1;
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.InvalidYaml,
                $"The frontmatter is not valid YAML: {FirstSentence(e)}. Quote values that contain ': ' or start with a special character.",
                line, source));
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet may throw other exception types on hostile input; a parser must report, not crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // YamlDotNet 18.1 throws InvalidOperationException on some malformed flow collections; the parser's position still says where.
            var line = (int)Math.Max(1, parser.Current?.Start.Line ?? 1) + firstLine - 1;
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.InvalidYaml,
                $"The frontmatter is not valid YAML near here ({e.GetType().Name}). Check brackets and quotes.", line, source));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return new FrontmatterMap([], firstLine);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.FrontmatterNotMap,
                "The frontmatter must be a YAML map of 'key: value' lines, not a list or a single value.", firstLine, source));
            return null;
        }

        var budget = MaxNodes;
        var map = Convert(root, 0, ref budget) as FrontmatterMap;
        if (budget < 0)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, DiagnosticCodes.FrontmatterTooComplex,
                $"The frontmatter expands to more than {MaxNodes} YAML nodes or nests deeper than {MaxDepth} levels; keep it to simple fields.",
                firstLine, source));
            return null;
        }

        return map;

        FrontmatterValue Convert(YamlNode node, int depth, ref int remaining)
        {
            var line = (int)node.Start.Line + firstLine - 1;
            if (--remaining < 0 || depth > MaxDepth)
            {
                remaining = -1;
                return new FrontmatterScalar(string.Empty, false, line);
            }

            switch (node)
            {
                case YamlMappingNode mapping:
                    var entries = ImmutableArray.CreateBuilder<FrontmatterEntry>(mapping.Children.Count);
                    foreach (var (key, value) in mapping.Children)
                    {
                        var keyText = key is YamlScalarNode k ? k.Value ?? string.Empty : key.ToString();
                        entries.Add(new(keyText, Convert(value, depth + 1, ref remaining), (int)key.Start.Line + firstLine - 1));
                    }

                    return new FrontmatterMap(entries.MoveToImmutable(), line);
                case YamlSequenceNode sequence:
                    var items = ImmutableArray.CreateBuilder<FrontmatterValue>(sequence.Children.Count);
                    foreach (var item in sequence.Children)
                    {
                        items.Add(Convert(item, depth + 1, ref remaining));
                    }

                    return new FrontmatterList(items.MoveToImmutable(), line);
                case YamlScalarNode scalar:
                    return new FrontmatterScalar(scalar.Value ?? string.Empty, scalar.Style is not ScalarStyle.Plain, line);
                default:
                    return new FrontmatterScalar(string.Empty, false, line);
            }
        }
    }

    private static string FirstSentence(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the line is reported separately.
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.');
    }
}
