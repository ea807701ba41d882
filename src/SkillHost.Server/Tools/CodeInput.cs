using System.Globalization;
using ModelContextProtocol;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary>
/// Turns the code a tool received inline (<c>code</c> with <c>language</c> or <c>filename</c>) into a parsed tree,
/// refusing with a message the model can act on: too long, binary, or a language that is neither Python nor Rust.
/// </summary>
internal static class CodeInput
{
    public const string LanguageHint = "Pass language 'python' or 'rust', or a filename ending in .py or .rs.";

    public static SyntaxTree Parse(string code, string? language, string? filename, ServerEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length > environment.MaxInlineCodeChars)
        {
            throw new McpException(string.Create(CultureInfo.InvariantCulture,
                $"'code' is {code.Length:N0} characters; the limit is {environment.MaxInlineCodeChars:N0}. Send one file or function at a time, or pass 'paths' to review files on disk."));
        }

        if (code.Contains('\0', StringComparison.Ordinal))
        {
            throw new McpException("'code' holds NUL characters, so it is binary data rather than source text. Send the Python or Rust source as text.");
        }

        var path = string.IsNullOrWhiteSpace(filename) ? null : filename.Trim();
        var text = SourceText.From(code, path ?? "<input>");
        var detected = ParseLanguage(language) ?? LanguageDetector.Detect(path, text).Language;
        if (detected == SourceLanguage.Unknown)
        {
            throw new McpException($"Cannot tell whether this code is Python or Rust. {LanguageHint}");
        }

        return SyntaxParsers.Parse(path is null ? SourceText.From(code, detected == SourceLanguage.Python ? "<input>.py" : "<input>.rs") : text, detected);
    }

    /// <summary>Null when <paramref name="language"/> is empty; an <see cref="McpException"/> when it names something else.</summary>
    public static SourceLanguage? ParseLanguage(string? language) =>
        language?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "python" or "py" or "python3" or "pyi" => SourceLanguage.Python,
            "rust" or "rs" => SourceLanguage.Rust,
            _ => throw new McpException($"Unsupported language '{language}'. {LanguageHint}"),
        };
}
