using System.Text;

namespace SkillHost.Installer.Jsonc;

/// <summary>
/// A small JSON / JSONC reader that keeps positions instead of values, so an editor can change one member's text
/// and leave every other byte alone. Comments and trailing commas are accepted only when the dialect allows them.
/// </summary>
internal sealed class JsoncParser
{
    private const int MaxDepth = 256;

    private readonly string _text;
    private readonly bool _jsonc;
    private int _position;

    private JsoncParser(string text, bool jsonc)
    {
        _text = text;
        _jsonc = jsonc;
    }

    /// <summary>Parses <paramref name="text"/>; <c>null</c> when it holds nothing but whitespace (and comments, for JSONC).</summary>
    /// <exception cref="JsoncException">The text is not valid in the dialect.</exception>
    public static JsoncNode? Parse(string text, bool jsonc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new JsoncParser(text, jsonc);
        parser.SkipTrivia();
        if (parser._position == text.Length)
        {
            return null;
        }

        var root = parser.ParseValue(0);
        parser.SkipTrivia();
        if (parser._position != text.Length)
        {
            throw parser.Error("unexpected text after the end of the document");
        }

        return root;
    }

    private JsoncNode ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth} levels");
        }

        var start = _position;
        switch (Peek())
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                ReadString();
                return new JsoncScalar(start, _position);
            case 't':
                Expect("true");
                return new JsoncScalar(start, _position);
            case 'f':
                Expect("false");
                return new JsoncScalar(start, _position);
            case 'n':
                Expect("null");
                return new JsoncScalar(start, _position);
            case '-' or (>= '0' and <= '9'):
                ReadNumber();
                return new JsoncScalar(start, _position);
            case '\0' when _position >= _text.Length:
                throw Error("unexpected end of the file: a value was expected");
            default:
                throw Error($"unexpected character '{_text[_position]}': a value was expected");
        }
    }

    private JsoncObject ParseObject(int depth)
    {
        var start = _position++;
        var members = new List<JsoncMember>();
        SkipTrivia();
        while (Peek() != '}')
        {
            if (Peek() != '"')
            {
                throw Error(members.Count == 0 ? "expected a member name in double quotes or '}'" : "expected a member name in double quotes");
            }

            var keyStart = _position;
            var name = ReadString();
            SkipTrivia();
            if (Peek() != ':')
            {
                throw Error($"expected ':' after the member name \"{name}\"");
            }

            _position++;
            SkipTrivia();
            var value = ParseValue(depth + 1);
            SkipTrivia();
            var comma = -1;
            if (Peek() == ',')
            {
                comma = _position++;
                SkipTrivia();
                if (Peek() == '}' && !_jsonc)
                {
                    throw Error("a trailing comma before '}' is not allowed in JSON");
                }
            }
            else if (Peek() != '}')
            {
                throw Error("expected ',' or '}' after a member");
            }

            members.Add(new JsoncMember(name, keyStart, value, comma));
        }

        _position++;
        return new JsoncObject(start, _position, members);
    }

    private JsoncArray ParseArray(int depth)
    {
        var start = _position++;
        SkipTrivia();
        while (Peek() != ']')
        {
            ParseValue(depth + 1);
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
                SkipTrivia();
                if (Peek() == ']' && !_jsonc)
                {
                    throw Error("a trailing comma before ']' is not allowed in JSON");
                }
            }
            else if (Peek() != ']')
            {
                throw Error("expected ',' or ']' in an array");
            }
        }

        _position++;
        return new JsoncArray(start, _position);
    }

    private string ReadString()
    {
        var builder = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            switch (c)
            {
                case '"':
                    return builder.ToString();
                case '\\':
                    ReadEscape(builder);
                    break;
                case < ' ':
                    _position--;
                    throw Error("a control character (such as a raw line break) inside a string");
                default:
                    builder.Append(c);
                    break;
            }
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        if (_position >= _text.Length)
        {
            throw Error("unterminated string");
        }

        var c = _text[_position++];
        switch (c)
        {
            case '"' or '\\' or '/':
                builder.Append(c);
                break;
            case 'b': builder.Append('\b'); break;
            case 'f': builder.Append('\f'); break;
            case 'n': builder.Append('\n'); break;
            case 'r': builder.Append('\r'); break;
            case 't': builder.Append('\t'); break;
            case 'u':
                if (_position + 4 > _text.Length || !ushort.TryParse(_text.AsSpan(_position, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
                {
                    throw Error("'\\u' must be followed by four hexadecimal digits");
                }

                builder.Append((char)code);
                _position += 4;
                break;
            default:
                _position--;
                throw Error($"unknown escape '\\{c}' in a string");
        }
    }

    private void ReadNumber()
    {
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!Digits())
        {
            throw Error("a number needs digits");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!Digits())
            {
                throw Error("a number needs digits after '.'");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!Digits())
            {
                throw Error("a number needs digits in its exponent");
            }
        }
    }

    private bool Digits()
    {
        var start = _position;
        while (Peek() is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private void Expect(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error($"unexpected word: '{word}' or another value was expected");
        }

        _position += word.Length;
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] is '/' or '*')
            {
                if (!_jsonc)
                {
                    throw Error("comments are not allowed in this file (the client reads it as plain JSON)");
                }

                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipComment()
    {
        if (_text[_position + 1] == '/')
        {
            var end = _text.IndexOf('\n', _position);
            _position = end < 0 ? _text.Length : end;
            return;
        }

        var close = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("unterminated block comment");
        }

        _position = close + 2;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private JsoncException Error(string message)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(_position, _text.Length);
        for (var i = 0; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new JsoncException(message, line, end - lineStart + 1);
    }
}
