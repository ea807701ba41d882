using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Suppressions;

/// <summary>
/// Finds the suppression comments of one file with the language's own lexer, so text inside strings
/// (<c>"# skillhost: ignore"</c>) is never taken for a comment. Files without the words are not lexed at all.
/// </summary>
public static class SuppressionScanner
{
    public static IReadOnlyList<SuppressionComment> Scan(SourceText source, SourceLanguage language)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Text;
        var python = language == SourceLanguage.Python;
        if (!text.Contains("skillhost:", StringComparison.OrdinalIgnoreCase) && !(python && text.Contains("noqa", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        // (comment span, text after its marker) and the starts of the code tokens, in file order.
        var comments = new List<(TextSpan Span, string Body)>();
        var code = new List<int>();
        if (python)
        {
            foreach (var token in PythonLexer.Tokenize(source, includeTrivia: true).Tokens)
            {
                if (token.Kind == PythonTokenKind.Comment)
                {
                    comments.Add((token.Span, text.Substring(token.Start + 1, token.Length - 1)));
                }
                else if (token.Kind is not (PythonTokenKind.Newline or PythonTokenKind.NonLogicalNewline or PythonTokenKind.Indent or PythonTokenKind.Dedent or PythonTokenKind.EndOfFile))
                {
                    code.Add(token.Start);
                }
            }
        }
        else if (language == SourceLanguage.Rust)
        {
            foreach (var token in RustLexer.Tokenize(source, out _))
            {
                switch (token.Kind)
                {
                    case RustTokenKind.LineComment:
                        comments.Add((token.Span, text.Substring(token.Start + 2, token.Length - 2)));
                        break;
                    case RustTokenKind.BlockComment when token.Length >= 4:
                        comments.Add((token.Span, text.Substring(token.Start + 2, token.Length - 4)));
                        break;
                    case RustTokenKind.EndOfFile:
                        break;
                    default:
                        if (!token.IsTrivia)
                        {
                            code.Add(token.Start);
                        }

                        break;
                }
            }
        }

        var firstCode = code.Count > 0 ? code[0] : int.MaxValue;
        var found = new List<SuppressionComment>();
        foreach (var (span, body) in comments)
        {
            if (SuppressionParser.Parse(body, allowNoqa: python) is not { } directive)
            {
                continue;
            }

            var at = source.GetLinePosition(span.Start);
            var path = source.Path ?? "";
            if (directive.WholeFile)
            {
                // Honoured only in the first comment block (before any code); elsewhere it silences nothing and is reported unused.
                found.Add(new SuppressionComment(path, at, span.Start < firstCode ? 0 : -1, SuppressionScope.File, directive.Selectors, directive.Reason, directive.IsNoqa));
                continue;
            }

            var lineStart = span.Start - (at.Column - 1);
            var alone = text.AsSpan(lineStart, span.Start - lineStart).IsWhiteSpace();
            var target = at.Line;
            if (alone)
            {
                // The next line holding code: suppression comments may be stacked above it.
                var index = code.BinarySearch(span.End);
                index = index < 0 ? ~index : index;
                target = index < code.Count ? source.GetLinePosition(code[index]).Line : -1;
            }

            found.Add(new SuppressionComment(path, at, target, alone ? SuppressionScope.NextLine : SuppressionScope.Line, directive.Selectors, directive.Reason, directive.IsNoqa));
        }

        return found;
    }
}
