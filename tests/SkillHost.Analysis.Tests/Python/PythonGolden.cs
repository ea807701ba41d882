using System.Globalization;
using System.Text;
using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Python;

/// <summary>Golden files for the Python front end: inputs and expected dumps live in the source tree; UPDATE_GOLDEN=1 rewrites them.</summary>
internal static class PythonGolden
{
    private static readonly Lazy<string> Folder = new(() => FindFolder(ThisFile()));

    // Build output may live outside the repository (--artifacts-path), so the current directory and
    // this source file's compile-time path are tried as well as the binaries' folder.
    private static string FindFolder(string sourceFile)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "McpServer.sln")))
                {
                    return Path.Combine(dir.FullName, "tests", "SkillHost.Analysis.Tests", "Python");
                }
            }
        }

        throw new InvalidOperationException("McpServer.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

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

    /// <summary>Compares with the golden file (line endings normalised), or rewrites it when UPDATE_GOLDEN=1.</summary>
    public static void Verify(string goldenName, string actual)
    {
        var path = Path.Combine(Folder.Value, "Golden", goldenName);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {goldenName} is missing: run the tests with UPDATE_GOLDEN=1 and review the diff");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

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
