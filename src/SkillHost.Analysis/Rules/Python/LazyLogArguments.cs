using System.Text;
using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>
/// Rewrites a log message written as an f-string into logging's lazy form: <c>f"sent {n} to {host!r}"</c> becomes
/// <c>"sent %s to %r", n, host</c>, so the message is formatted only when a record is emitted. Null when the rewrite
/// could change the output: a concatenated string, a <c>=</c> field, a nested field, or a format spec that <c>%</c>
/// cannot express the same way.
/// </summary>
internal static class LazyLogArguments
{
    public static Replacement? Rewrite(SourceText source, PythonTokenList tokens, TextSpan message)
    {
        var text = source.Text;
        var all = tokens.Tokens;
        var first = PythonCode.FirstTokenAtOrAfter(tokens, message.Start);
        if (first >= all.Length || all[first].Kind != K.FStringStart)
        {
            return null;
        }

        var opener = text.Substring(all[first].Start, all[first].Length);
        var quoteAt = opener.IndexOfAny(['\'', '"']);
        if (quoteAt < 0)
        {
            return null;
        }

        // Literal runs and conversions in order: a conversion is a string starting with '%'.
        var parts = new List<(bool Literal, string Text)>();
        var arguments = new List<string>();
        var i = first + 1;
        for (; i < all.Length && all[i].Kind != K.FStringEnd; i++)
        {
            var token = all[i];
            if (token.Kind == K.FStringMiddle)
            {
                parts.Add((true, text.Substring(token.Start, token.Length)));
                continue;
            }

            if (token.Kind != K.ReplacementFieldStart || Field(text, all, ref i) is not { } field)
            {
                return null;
            }

            parts.Add((false, "%" + field.Conversion));
            arguments.Add(field.Expression);
        }

        // The f-string must be the whole message: no implicit concatenation with another literal.
        if (i >= all.Length || all[i].End != TrimmedEnd(text, message))
        {
            return null;
        }

        // Literal braces were doubled; a literal % must be doubled once logging formats (only when there are arguments).
        var body = new StringBuilder();
        foreach (var (isLiteral, part) in parts)
        {
            body.Append(!isLiteral ? part
                : part.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal)
                    .Replace("%", arguments.Count > 0 ? "%%" : "%", StringComparison.Ordinal));
        }

        var prefix = opener[..quoteAt].Replace("f", "", StringComparison.Ordinal).Replace("F", "", StringComparison.Ordinal);
        var quote = opener[quoteAt..];
        var result = new StringBuilder(prefix).Append(quote).Append(body).Append(quote);
        foreach (var argument in arguments)
        {
            result.Append(", ").Append(argument);
        }

        return new Replacement(TextSpan.FromBounds(all[first].Start, all[i].End), result.ToString());
    }

    private static int TrimmedEnd(string text, TextSpan span)
    {
        var end = span.End;
        while (end > span.Start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>One replacement field from its opening brace (<paramref name="i"/>) to its closing one, where <paramref name="i"/> is left.</summary>
    private static (string Expression, string Conversion)? Field(string text, ReadOnlySpan<PythonToken> all, ref int i)
    {
        var depth = 0;
        var expressionStart = i + 1;
        var expressionEnd = -1;
        string? conversion = null;
        string? spec = null;
        for (i++; i < all.Length; i++)
        {
            var kind = all[i].Kind;
            if (kind is K.LeftParen or K.LeftBracket or K.LeftBrace)
            {
                depth++;
            }
            else if (kind is K.RightParen or K.RightBracket or K.RightBrace)
            {
                depth--;
            }
            else if (kind is K.ReplacementFieldStart or K.FStringStart or K.Comment)
            {
                return null; // a nested field (in a spec or a nested f-string): not a plain value
            }
            else if (depth == 0 && kind == K.ReplacementFieldEnd)
            {
                expressionEnd = expressionEnd < 0 ? i : expressionEnd;
                break;
            }
            else if (depth == 0 && kind == K.Exclamation && expressionEnd < 0)
            {
                expressionEnd = i;
                if (i + 1 >= all.Length || all[i + 1].Kind != K.Name)
                {
                    return null;
                }

                conversion = text.Substring(all[i + 1].Start, all[i + 1].Length);
                i++;
            }
            else if (depth == 0 && kind == K.Colon)
            {
                expressionEnd = expressionEnd < 0 ? i : expressionEnd;
                if (i + 1 < all.Length && all[i + 1].Kind == K.FStringMiddle)
                {
                    spec = text.Substring(all[i + 1].Start, all[i + 1].Length);
                    i++;
                }
                else
                {
                    spec = "";
                }
            }
            else if (depth == 0 && kind == K.Equal && i + 1 < all.Length && all[i + 1].Kind is K.ReplacementFieldEnd or K.Exclamation or K.Colon)
            {
                return null; // `{x=}` prints the expression's text too
            }
        }

        if (i >= all.Length || expressionEnd <= expressionStart)
        {
            return null;
        }

        var expression = text[all[expressionStart].Start..all[expressionEnd - 1].End].Trim();
        var percent = (conversion, spec) switch
        {
            (null, null or "") => "s",
            ("r" or "s" or "a", null) => conversion,
            (null, { } s) when IsPercentSpec(s) => s,
            _ => null,
        };
        if (percent is null || expression.Length == 0)
        {
            return null;
        }

        // A bare tuple, a starred value or a lambda would read differently as a call argument.
        if (expression.Contains(',', StringComparison.Ordinal) || expression.StartsWith('*') || expression.StartsWith("lambda", StringComparison.Ordinal)
            || expression.StartsWith("yield", StringComparison.Ordinal) || expression.Contains(":=", StringComparison.Ordinal))
        {
            expression = "(" + expression + ")";
        }

        return (expression, percent);
    }

    // Specs that mean the same to format() and to %: [0][width][.precision] and one of d f e g x o (d, x and o need an int).
    private static bool IsPercentSpec(string spec)
    {
        if (spec.Length == 0 || spec[^1] is not ('d' or 'f' or 'F' or 'e' or 'E' or 'g' or 'G' or 'x' or 'X' or 'o'))
        {
            return false;
        }

        var digits = spec.AsSpan(0, spec.Length - 1);
        var dot = digits.IndexOf('.');
        var width = dot < 0 ? digits : digits[..dot];
        var precision = dot < 0 ? [] : digits[(dot + 1)..];
        return width.IndexOfAnyExceptInRange('0', '9') < 0 && precision.IndexOfAnyExceptInRange('0', '9') < 0
            && (dot < 0 || precision.Length > 0) && (precision.Length == 0 || spec[^1] is not ('d' or 'x' or 'X' or 'o'));
    }
}
