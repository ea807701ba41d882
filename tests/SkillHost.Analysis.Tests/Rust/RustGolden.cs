using System.Globalization;
using System.Text;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rust;

/// <summary>
/// Golden files for the Rust front end: inputs and expected dumps live in the source tree, so
/// <c>UPDATE_GOLDEN=1</c> rewrites them where a reviewer sees the diff.
/// </summary>
internal static class RustGolden
{
    private static readonly Lazy<string> Folder = new(() => GoldenFile.SourceFolder("Rust"));

    public static string InputPath(string name) => Path.Combine(Folder.Value, "Inputs", name);

    // The bare file name as the path keeps machine paths out of golden diagnostics.
    public static SourceText LoadInput(string name) => SourceText.From(File.ReadAllBytes(InputPath(name)), name);

    /// <summary>Compares with the golden file, or rewrites it under UPDATE_GOLDEN=1.</summary>
    public static void Verify(string goldenName, string actual) => GoldenFile.Verify(Path.Combine(Folder.Value, "Golden", goldenName), actual);

    /// <summary>One token per line: <c>Kind start..end "text"</c>, then the diagnostics.</summary>
    public static string DumpTokens(SourceText text)
    {
        var tokens = RustLexer.Tokenize(text, out var diagnostics);
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            builder.Append(token.Kind).Append(' ')
                .Append(token.Start.ToString(CultureInfo.InvariantCulture)).Append("..")
                .Append(token.End.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(Quote(text.ToString(token.Span))).Append('\n');
        }

        foreach (var diagnostic in diagnostics)
        {
            builder.Append("! ").Append(diagnostic.Code).Append(' ').Append(diagnostic.Span).Append(' ').Append(diagnostic.Message).Append('\n');
        }

        return builder.ToString();
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                < ' ' or '\u007F' => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        var oneLine = builder.ToString();
        return "\"" + (oneLine.Length > 60 ? oneLine[..57] + "..." : oneLine) + "\"";
    }
}
