using System.Globalization;
using ModelContextProtocol;
using SkillHost.Analysis.Languages;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary>
/// Checks the code a tool received inline (<c>code</c> with <c>language</c> or <c>filename</c>) before anything
/// parses it, refusing with a message the model can act on: too long, binary, or neither Python nor Rust.
/// </summary>
internal static class CodeInput
{
    public const string LanguageHint = "Pass language 'python' or 'rust', or a filename ending in .py or .rs.";

    /// <summary>The checked input, its language settled ("python" or "rust").</summary>
    public static SourceInput Validate(string code, string? language, string? filename, ServerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(environment);
        if (code.Length > environment.MaxInlineCodeChars)
        {
            throw new McpException(string.Create(CultureInfo.InvariantCulture,
                $"'code' is {code.Length:N0} characters; the limit is {environment.MaxInlineCodeChars:N0}. Send one file or function at a time, or pass 'paths' to review files on disk."));
        }

        if (code.Contains('\0', StringComparison.Ordinal))
        {
            throw new McpException("'code' holds NUL characters, so it is binary data rather than source text. Send the Python or Rust source as text.");
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            throw new McpException("'code' is empty. Send the Python or Rust source to review.");
        }

        var path = string.IsNullOrWhiteSpace(filename) ? null : filename.Trim();
        var detected = ParseLanguage(language) ?? LanguageDetector.Detect(path, SourceText.From(code, path)).Language;
        return detected == SourceLanguage.Unknown
            ? throw new McpException($"Cannot tell whether this code is Python or Rust. {LanguageHint}")
            : new SourceInput(code, path, LanguageSupport.For(detected).Name);
    }

    /// <summary>Validates and parses inline code into one tree.</summary>
    public static SyntaxTree Parse(string code, string? language, string? filename, ServerEnvironment environment)
    {
        var (trees, skipped) = PerformanceWorkflow.Parse([Validate(code, language, filename, environment)]);
        return trees.Count == 1 ? trees[0] : throw new McpException($"The code cannot be reviewed: {skipped[0].Describe()}.");
    }

    /// <summary>Null when <paramref name="language"/> is empty; an <see cref="McpException"/> when it names something else.</summary>
    public static SourceLanguage? ParseLanguage(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null
            : LanguageSupport.ForAlias(language)?.Language ?? throw new McpException($"Unsupported language '{language}'. {LanguageHint}");
}
