using System.Buffers;
using System.Runtime.InteropServices;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>String literals and f-strings (PEP 701: replacement fields are lexed as tokens, nesting included).</summary>
public sealed partial class PythonLexer
{
    private static readonly SearchValues<char> SingleQuoteStops = SearchValues.Create("'\\\n\r");
    private static readonly SearchValues<char> DoubleQuoteStops = SearchValues.Create("\"\\\n\r");
    private static readonly SearchValues<char> FSingleQuoteStops = SearchValues.Create("'\\\n\r{}");
    private static readonly SearchValues<char> FDoubleQuoteStops = SearchValues.Create("\"\\\n\r{}");

    /// <summary>An open f-string (literal part) or one of its replacement fields.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct FStringFrame
    {
        public bool IsField;
        public char Quote;
        public bool Triple;
        public bool Raw;
        public bool IsTemplate;

        /// <summary>For a string: the bracket depth outside it; for a field: the depth just inside its '{'.</summary>
        public int BracketDepth;

        /// <summary>A field whose format spec (after the top-level ':') is being read.</summary>
        public bool InSpec;
        public int Start;
    }

    /// <summary>At a name start: a string prefix (r, b, u, f, t, rb, br, fr, rf, tr, rt, ur; any case) followed by a quote.</summary>
    private bool TryLexPrefixedString(int start)
    {
        var c1 = (char)(_text[start] | 0x20);
        if (c1 is not ('r' or 'u' or 'b' or 'f' or 't'))
        {
            return false;
        }

        var n1 = _cursor.Peek();
        int prefixLength;
        char c2 = '\0';
        if (n1 is '\'' or '"')
        {
            prefixLength = 1;
        }
        else if (_cursor.Peek(2) is '\'' or '"')
        {
            c2 = (char)(n1 | 0x20);
            var valid = (c1, c2) is ('r', 'b' or 'f' or 't') or ('b' or 'f' or 't', 'r') or ('u', 'r');
            if (!valid)
            {
                return false;
            }

            prefixLength = 2;
        }
        else
        {
            return false;
        }

        var raw = c1 == 'r' || c2 == 'r';
        if (c1 is 'f' or 't' || c2 is 'f' or 't')
        {
            StartFString(start, prefixLength, raw, isTemplate: c1 == 't' || c2 == 't');
        }
        else
        {
            LexString(start, prefixLength, raw);
        }

        return true;
    }

    private void LexString(int start, int prefixLength, bool raw)
    {
        _ = raw; // A backslash escapes the next character for tokenizing, raw or not.
        var text = _text;
        var quoteAt = start + prefixLength;
        var quote = text[quoteAt];
        int end;
        if (quoteAt + 2 < text.Length && text[quoteAt + 1] == quote && text[quoteAt + 2] == quote)
        {
            end = ScanTripleQuoted(start, quoteAt + 3, quote);
        }
        else
        {
            var stops = quote == '\'' ? SingleQuoteStops : DoubleQuoteStops;
            var p = quoteAt + 1;
            while (true)
            {
                var index = p < text.Length ? text.AsSpan(p).IndexOfAny(stops) : -1;
                if (index < 0)
                {
                    end = text.Length;
                    Report("PY-LEX-001", "unterminated string literal", start, end - start);
                    break;
                }

                p += index;
                var c = text[p];
                if (c == quote)
                {
                    end = p + 1;
                    break;
                }

                if (c == '\\')
                {
                    p = SkipEscape(p);
                    continue;
                }

                end = p;
                Report("PY-LEX-001", "unterminated string literal", start, end - start);
                break;
            }
        }

        _cursor.Position = end;
        Emit(K.StringLiteral, start, end);
    }

    private int ScanTripleQuoted(int start, int p, char quote)
    {
        var text = _text;
        while (true)
        {
            var index = p < text.Length ? text.AsSpan(p).IndexOfAny(quote, '\\') : -1;
            if (index < 0)
            {
                Report("PY-LEX-002", "unterminated triple-quoted string literal", start, text.Length - start);
                return text.Length;
            }

            p += index;
            if (text[p] == '\\')
            {
                p = SkipEscape(p);
            }
            else if (p + 2 < text.Length && text[p + 1] == quote && text[p + 2] == quote)
            {
                return p + 3;
            }
            else
            {
                p++;
            }
        }
    }

    /// <summary>Past a backslash and the character it escapes (a \r\n pair counts as one).</summary>
    private int SkipEscape(int backslash)
    {
        var p = backslash + 1;
        if (p >= _text.Length)
        {
            return _text.Length;
        }

        return _text[p] == '\r' && p + 1 < _text.Length && _text[p + 1] == '\n' ? p + 2 : p + 1;
    }

    private void StartFString(int start, int prefixLength, bool raw, bool isTemplate)
    {
        var text = _text;
        var quoteAt = start + prefixLength;
        var quote = text[quoteAt];
        var triple = quoteAt + 2 < text.Length && text[quoteAt + 1] == quote && text[quoteAt + 2] == quote;
        var bodyStart = quoteAt + (triple ? 3 : 1);
        _cursor.Position = bodyStart;
        Emit(isTemplate ? K.TStringStart : K.FStringStart, start, bodyStart);
        PushFrame(new FStringFrame { Quote = quote, Triple = triple, Raw = raw, IsTemplate = isTemplate, BracketDepth = _bracketDepth, Start = start });
    }

    private void PushFrame(FStringFrame frame)
    {
        if (_frameCount == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_frameCount++] = frame;
    }

    /// <summary>Literal text of an f-string, or of a format spec, up to the next field, the end of the field or the closing quote.</summary>
    private void LexFStringText()
    {
        var text = _text;
        var frame = _frames[_frameCount - 1];
        var inSpec = frame.IsField;
        var middle = frame.IsTemplate ? K.TStringMiddle : K.FStringMiddle;
        var stops = frame.Quote == '\'' ? FSingleQuoteStops : FDoubleQuoteStops;
        var start = _cursor.Position;
        var p = start;
        while (true)
        {
            var index = p < text.Length ? text.AsSpan(p).IndexOfAny(stops) : -1;
            if (index < 0)
            {
                EmitMiddle(middle, start, text.Length);
                _cursor.Position = text.Length;
                AbandonFString(text.Length);
                return;
            }

            p += index;
            var c = text[p];
            switch (c)
            {
                case '\\':
                    {
                        var next = p + 1 < text.Length ? text[p + 1] : '\0';
                        if (next is '{' or '}')
                        {
                            // The brace still opens or closes a field; the backslash is just text.
                            p++;
                        }
                        else if (!frame.Raw && next == 'N' && p + 2 < text.Length && text[p + 2] == '{')
                        {
                            var close = text.AsSpan(p + 3).IndexOfAny('}', frame.Quote, '\n');
                            p = close < 0 ? text.Length : p + 3 + close + (text[p + 3 + close] == '}' ? 1 : 0);
                        }
                        else
                        {
                            p = SkipEscape(p);
                        }

                        continue;
                    }

                case '{':
                    if (!inSpec && p + 1 < text.Length && text[p + 1] == '{')
                    {
                        p += 2;
                        continue;
                    }

                    EmitMiddle(middle, start, p);
                    _cursor.Position = p;
                    PushBracket('F', p);
                    Op(K.ReplacementFieldStart, p, 1);
                    PushFrame(frame with { IsField = true, InSpec = false, BracketDepth = _bracketDepth, Start = p });
                    return;
                case '}':
                    if (inSpec)
                    {
                        EmitMiddle(middle, start, p);
                        Op(K.ReplacementFieldEnd, p, 1);
                        _bracketDepth--;
                        _frameCount--;
                        return;
                    }

                    if (p + 1 < text.Length && text[p + 1] == '}')
                    {
                        p += 2;
                        continue;
                    }

                    Report("PY-LEX-010", "f-string: single '}' is not allowed", p, 1);
                    p++;
                    continue;
                case '\n' or '\r':
                    if (frame.Triple)
                    {
                        p++;
                        continue;
                    }

                    EmitMiddle(middle, start, p);
                    _cursor.Position = p;
                    AbandonFString(p);
                    return;
                default:
                    // The quote character.
                    if (frame.Triple && !(p + 2 < text.Length && text[p + 1] == c && text[p + 2] == c))
                    {
                        p++;
                        continue;
                    }

                    EmitMiddle(middle, start, p);
                    if (inSpec)
                    {
                        Report("PY-LEX-007", "f-string: expecting '}'", frame.Start, p - frame.Start);
                        _cursor.Position = p;
                        _bracketDepth--;
                        _frameCount--;
                        return;
                    }

                    Op(frame.IsTemplate ? K.TStringEnd : K.FStringEnd, p, frame.Triple ? 3 : 1);
                    _frameCount--;
                    return;
            }
        }
    }

    private void EmitMiddle(PythonTokenKind kind, int start, int end)
    {
        if (end > start)
        {
            Emit(kind, start, end);
        }
    }

    /// <summary>Recovers from an unterminated f-string: closes its open fields and the string itself at <paramref name="at"/>.</summary>
    private void AbandonFString(int at)
    {
        while (_frameCount > 0)
        {
            var frame = _frames[--_frameCount];
            if (!frame.IsField)
            {
                Report("PY-LEX-001", "unterminated f-string literal", frame.Start, at - frame.Start);
                _bracketDepth = frame.BracketDepth;
                Emit(frame.IsTemplate ? K.TStringEnd : K.FStringEnd, at, at);
                return;
            }
        }
    }
}
