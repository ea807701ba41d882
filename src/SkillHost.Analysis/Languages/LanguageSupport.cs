using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages;

/// <summary>
/// Everything the host knows about one language, in one place: its extensions, the names a user may give it, how it is
/// shown, how it comments, and its parser. Discovery, detection, parsing, the rules' fixture names, the MCP tools' language
/// argument and the served MIME types all read it, so adding a language is one folder under <c>Languages/</c> plus one
/// entry in <see cref="All"/> (its rules and the per-file model parts that rules ask for come with its rules).
/// </summary>
public sealed class LanguageSupport
{
    private readonly Func<SourceText, bool, FileBudget?, SyntaxTree> _parse;

    private LanguageSupport(SourceLanguage language, string name, string displayName, string[] extensions, string[] aliases, string lineComment, string mimeType, Func<SourceText, bool, FileBudget?, SyntaxTree> parse)
    {
        Language = language;
        Name = name;
        DisplayName = displayName;
        Extensions = extensions;
        Aliases = aliases;
        LineComment = lineComment;
        MimeType = mimeType;
        _parse = parse;
    }

    public static LanguageSupport Python { get; } = new(
        SourceLanguage.Python, "python", "Python", [".py", ".pyi", ".pyw"], ["python", "py", "python3", "pyi"], "#", "text/x-python",
        static (text, forRules, budget) => PythonParser.Parse(text, keepTokens: forRules, budget));

    public static LanguageSupport Rust { get; } = new(
        SourceLanguage.Rust, "rust", "Rust", [".rs"], ["rust", "rs"], "//", "text/x-rust",
        static (text, forRules, budget) => RustParser.Parse(text, keepTokens: forRules, budget));

    /// <summary>Every supported language.</summary>
    public static IReadOnlyList<LanguageSupport> All { get; } = [Python, Rust];

    public SourceLanguage Language { get; }

    /// <summary>The canonical lower-case name: a code fence's language, an MCP tool's <c>language</c> value.</summary>
    public string Name { get; }

    public string DisplayName { get; }

    /// <summary>File extensions, lower case with the dot; the first is the one given to a snippet without a name.</summary>
    public IReadOnlyList<string> Extensions { get; }

    public string DefaultExtension => Extensions[0];

    /// <summary>The names a user may give the language (lower case).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>What starts a line comment ("#", "//").</summary>
    public string LineComment { get; }

    public string MimeType { get; }

    /// <summary>Parses <paramref name="text"/>; <paramref name="forRules"/> keeps what the checklist rules reuse (the parser's tokens).</summary>
    /// <exception cref="OperationCanceledException">The <paramref name="budget"/>'s token was cancelled.</exception>
    public SyntaxTree Parse(SourceText text, bool forRules = false, FileBudget? budget = null) => _parse(text, forRules, budget);

    /// <summary>The language of a known <paramref name="language"/>; an <see cref="ArgumentOutOfRangeException"/> for <see cref="SourceLanguage.Unknown"/>.</summary>
    public static LanguageSupport For(SourceLanguage language) =>
        All.FirstOrDefault(l => l.Language == language) ?? throw new ArgumentOutOfRangeException(nameof(language), language, $"only {string.Join(" and ", All.Select(l => l.DisplayName))} are supported");

    /// <summary>The language of a path's extension (any case), or null.</summary>
    public static LanguageSupport? ForPath(string? path)
    {
        var extension = path is null ? "" : System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension.Length == 0 ? null : All.FirstOrDefault(l => l.Extensions.Contains(extension));
    }

    /// <summary>The language a user named ("Python", "py", "rs"), or null when it names none.</summary>
    public static LanguageSupport? ForAlias(string? name)
    {
        var key = name?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(key) ? null : All.FirstOrDefault(l => l.Aliases.Contains(key));
    }
}
