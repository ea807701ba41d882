using System.Globalization;
using System.Text;
using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Python;

/// <summary>Golden files for the Python front end: inputs and expected dumps live in the source tree; UPDATE_GOLDEN=1 rewrites them.</summary>
internal static class PythonGolden
{
    private static readonly Lazy<string> Folder = new(() => GoldenFile.SourceFolder("Python"));

    public static string InputPath(string name) => Path.Combine(Folder.Value, "Inputs", name);

    public static IEnumerable<string> InputNames() =>
        Directory.EnumerateFiles(Path.Combine(Folder.Value, "Inputs"), "*.py").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    // Loaded without a path so that diagnostics print "<input>", not a machine path.
    public static SourceText LoadInput(string name) => SourceText.From(File.ReadAllBytes(InputPath(name)));

    /// <summary>One token per line: <c>Kind start..end "text"</c>, then the diagnostics.</summary>
    public static string DumpTokens(SourceText text)
    {
        var tokens = PythonLexer.Tokenize(text);
        var builder = new StringBuilder();
        foreach (var token in tokens.Tokens)
        {
            builder.Append(token.Kind).Append(' ')
                .Append(token.Start.ToString(CultureInfo.InvariantCulture)).Append("..").Append(token.End.ToString(CultureInfo.InvariantCulture));
            if (token.Length > 0 && token.Kind is not (PythonTokenKind.Newline or PythonTokenKind.NonLogicalNewline or PythonTokenKind.Indent))
            {
                builder.Append(' ').Append(Quote(text.ToString(token.Span)));
            }

            builder.Append('\n');
        }

        foreach (var diagnostic in tokens.Diagnostics)
        {
            builder.Append("! ").Append(diagnostic.Format(text)).Append('\n');
        }

        return builder.ToString();
    }

    public static string DumpTree(SourceText text) => SyntaxTreePrinter.Print(PythonParser.Parse(text));

    /// <summary>Compares with the golden file, or rewrites it when UPDATE_GOLDEN=1.</summary>
    public static void Verify(string goldenName, string actual) => GoldenFile.Verify(Path.Combine(Folder.Value, "Golden", goldenName), actual);

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                < ' ' => builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
