using System.Runtime.CompilerServices;
using System.Buffers;
using System.Numerics;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>
/// A full-fidelity, hand-written Rust lexer. It never throws: unterminated literals and comments run
/// to the end of the file and stray characters become <see cref="RustTokenKind.Unknown"/> tokens, each
/// with an error diagnostic. Whitespace is skipped; comments are tokens unless the caller drops them.
/// </summary>
public static class RustLexer
{
    /// <summary>Diagnostics past this many per file are dropped: a non-Rust file must not drown the caller.</summary>
    internal const int MaxDiagnostics = 100;

    /// <summary>Every token of <paramref name="text"/> (comments included), without the end-of-file token.</summary>
    public static IReadOnlyList<RustToken> Tokenize(SourceText text, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Diagnostic>();
        var buffer = ArrayPool<RustToken>.Shared.Rent(Math.Max(16, text.Length / 4));
        try
        {
            var count = Tokenize(text.Text, ref buffer, includeComments: true, found);
            diagnostics = found;
            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<RustToken>.Shared.Return(buffer);
        }
    }

    /// <summary>Fills <paramref name="tokens"/> (grown through the pool when too small) and returns the count; the caller owns the final array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Tokenize(string text, ref RustToken[] tokens, bool includeComments, List<Diagnostic> diagnostics)
    {
        var lexer = new Lexer(text, diagnostics);
        var count = 0;
        while (true)
        {
            var token = lexer.Next();
            if (token.Kind == RustTokenKind.EndOfFile)
            {
                return count;
            }

            if (!includeComments && token.IsTrivia)
            {
                continue;
            }

            if (count == tokens.Length)
            {
                var bigger = ArrayPool<RustToken>.Shared.Rent(Math.Max(16, tokens.Length * 2));
                tokens.AsSpan().CopyTo(bigger);

                // Only pool-shaped arrays go back to the pool; a caller's own array is simply dropped.
                if (BitOperations.IsPow2(tokens.Length) && tokens.Length >= 16)
                {
                    ArrayPool<RustToken>.Shared.Return(tokens);
                }

                tokens = bigger;
            }

            tokens[count++] = token;
        }
    }

    internal static void Report(List<Diagnostic> diagnostics, string code, string message, TextSpan span)
    {
        if (diagnostics.Count < MaxDiagnostics)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, span));
        }
    }

    /// <summary>The lexer proper: one token per call to <see cref="Next"/>.</summary>
    private ref struct Lexer(string text, List<Diagnostic> diagnostics)
    {
        private RustCursor _cursor = new(text);
        private readonly List<Diagnostic> _diagnostics = diagnostics;
        private RustTokenKind _previous = RustTokenKind.EndOfFile;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public RustToken Next()
        {
            if (_cursor.Position == 0 && TryShebang(out var shebang))
            {
                return shebang;
            }

            SkipWhitespace();
            var start = _cursor.Position;
            if (_cursor.IsAtEnd)
            {
                return new RustToken(RustTokenKind.EndOfFile, start, 0);
            }

            var kind = Scan(start);
            if (kind is not (RustTokenKind.LineComment or RustTokenKind.BlockComment or RustTokenKind.OuterDocComment or RustTokenKind.InnerDocComment))
            {
                _previous = kind;
            }

            return new RustToken(kind, start, _cursor.Position - start);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void SkipWhitespace() => _cursor.SkipWhitespace();

        // `#!` on the first line is a shebang unless what follows (past blanks and comments) is `[`: then it is an inner attribute.
        private bool TryShebang(out RustToken token)
        {
            token = default;
            if (_cursor.First != '#' || _cursor.Second != '!')
            {
                return false;
            }

            var rest = _cursor.Rest[2..];
            var i = 0;
            while (i < rest.Length)
            {
                if (RustChars.IsWhitespace(rest[i]))
                {
                    i++;
                }
                else if (rest[i..].StartsWith("//", StringComparison.Ordinal))
                {
                    var end = rest[i..].IndexOfAny('\n', '\r');
                    i = end < 0 ? rest.Length : i + end;
                }
                else if (rest[i..].StartsWith("/*", StringComparison.Ordinal))
                {
                    var end = rest[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                    i = end < 0 ? rest.Length : i + 2 + end + 2;
                }
                else
                {
                    break;
                }
            }

            if (i < rest.Length && rest[i] == '[')
            {
                return false;
            }

            _cursor.SkipToLineEnd();
            token = new RustToken(RustTokenKind.Shebang, 0, _cursor.Position);
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RustTokenKind Scan(int start)
        {
            var c = _cursor.First;
            switch (c)
            {
                case '/':
                    return _cursor.Second switch
                    {
                        '/' => LineComment(),
                        '*' => BlockComment(start),
                        '=' => Punct(2, RustTokenKind.SlashEq),
                        _ => Punct(1, RustTokenKind.Slash),
                    };
                case 'r':
                    if (_cursor.Second == '#' && RustChars.IdentifierStartWidth(_cursor.Rest[2..]) > 0)
                    {
                        _cursor.Bump(2);
                        _cursor.EatIdentifierContinue();
                        return RustTokenKind.RawIdentifier;
                    }

                    if (_cursor.Second is '"' or '#')
                    {
                        _cursor.Bump();
                        return RawString(start, RustTokenKind.RawStringLiteral);
                    }

                    return Identifier(start);
                case 'b':
                    if (_cursor.Second == '\'')
                    {
                        _cursor.Bump();
                        return CharOrLifetime(start, RustTokenKind.ByteLiteral);
                    }

                    if (_cursor.Second == '"')
                    {
                        _cursor.Bump();
                        return QuotedString(start, RustTokenKind.ByteStringLiteral);
                    }

                    if (_cursor.Second == 'r' && _cursor.Third is '"' or '#')
                    {
                        _cursor.Bump(2);
                        return RawString(start, RustTokenKind.RawByteStringLiteral);
                    }

                    return Identifier(start);
                case 'c':
                    if (_cursor.Second == '"')
                    {
                        _cursor.Bump();
                        return QuotedString(start, RustTokenKind.CStringLiteral);
                    }

                    if (_cursor.Second == 'r' && _cursor.Third is '"' or '#')
                    {
                        _cursor.Bump(2);
                        return RawString(start, RustTokenKind.RawCStringLiteral);
                    }

                    return Identifier(start);
                case '"':
                    return QuotedString(start, RustTokenKind.StringLiteral);
                case '\'':
                    return CharOrLifetime(start, RustTokenKind.CharLiteral);
                case >= '0' and <= '9':
                    return Number();
                case '(': return Punct(1, RustTokenKind.OpenParen);
                case ')': return Punct(1, RustTokenKind.CloseParen);
                case '[': return Punct(1, RustTokenKind.OpenBracket);
                case ']': return Punct(1, RustTokenKind.CloseBracket);
                case '{': return Punct(1, RustTokenKind.OpenBrace);
                case '}': return Punct(1, RustTokenKind.CloseBrace);
                case ';': return Punct(1, RustTokenKind.Semicolon);
                case ',': return Punct(1, RustTokenKind.Comma);
                case '#': return Punct(1, RustTokenKind.Pound);
                case '$': return Punct(1, RustTokenKind.Dollar);
                case '?': return Punct(1, RustTokenKind.Question);
                case '@': return Punct(1, RustTokenKind.At);
                case '~': return Punct(1, RustTokenKind.Tilde);
                case '.':
                    if (_cursor.Second == '.')
                    {
                        return _cursor.Third switch
                        {
                            '.' => Punct(3, RustTokenKind.DotDotDot),
                            '=' => Punct(3, RustTokenKind.DotDotEq),
                            _ => Punct(2, RustTokenKind.DotDot),
                        };
                    }

                    return Punct(1, RustTokenKind.Dot);
                case ':': return _cursor.Second == ':' ? Punct(2, RustTokenKind.ColonColon) : Punct(1, RustTokenKind.Colon);
                case '-':
                    return _cursor.Second switch
                    {
                        '>' => Punct(2, RustTokenKind.Arrow),
                        '=' => Punct(2, RustTokenKind.MinusEq),
                        _ => Punct(1, RustTokenKind.Minus),
                    };
                case '=':
                    return _cursor.Second switch
                    {
                        '>' => Punct(2, RustTokenKind.FatArrow),
                        '=' => Punct(2, RustTokenKind.EqEq),
                        _ => Punct(1, RustTokenKind.Eq),
                    };
                case '!': return _cursor.Second == '=' ? Punct(2, RustTokenKind.Ne) : Punct(1, RustTokenKind.Bang);
                case '<':
                    if (_cursor.Second == '<')
                    {
                        return _cursor.Third == '=' ? Punct(3, RustTokenKind.ShlEq) : Punct(2, RustTokenKind.Shl);
                    }

                    return _cursor.Second == '=' ? Punct(2, RustTokenKind.Le) : Punct(1, RustTokenKind.Lt);
                case '>':
                    if (_cursor.Second == '>')
                    {
                        return _cursor.Third == '=' ? Punct(3, RustTokenKind.ShrEq) : Punct(2, RustTokenKind.Shr);
                    }

                    return _cursor.Second == '=' ? Punct(2, RustTokenKind.Ge) : Punct(1, RustTokenKind.Gt);
                case '&':
                    return _cursor.Second switch
                    {
                        '&' => Punct(2, RustTokenKind.AndAnd),
                        '=' => Punct(2, RustTokenKind.AndEq),
                        _ => Punct(1, RustTokenKind.And),
                    };
                case '|':
                    return _cursor.Second switch
                    {
                        '|' => Punct(2, RustTokenKind.OrOr),
                        '=' => Punct(2, RustTokenKind.OrEq),
                        _ => Punct(1, RustTokenKind.Or),
                    };
                case '+': return _cursor.Second == '=' ? Punct(2, RustTokenKind.PlusEq) : Punct(1, RustTokenKind.Plus);
                case '*': return _cursor.Second == '=' ? Punct(2, RustTokenKind.StarEq) : Punct(1, RustTokenKind.Star);
                case '%': return _cursor.Second == '=' ? Punct(2, RustTokenKind.PercentEq) : Punct(1, RustTokenKind.Percent);
                case '^': return _cursor.Second == '=' ? Punct(2, RustTokenKind.CaretEq) : Punct(1, RustTokenKind.Caret);
                default:
                    if (RustChars.IdentifierStartWidth(_cursor.Rest) > 0)
                    {
                        return Identifier(start);
                    }

                    return UnknownRun(start);
            }
        }

        private RustTokenKind Punct(int length, RustTokenKind kind)
        {
            _cursor.Bump(length);
            return kind;
        }

        // A run of characters that start no token becomes one token and one diagnostic, not one per byte.
        private RustTokenKind UnknownRun(int start)
        {
            _cursor.Bump(char.IsHighSurrogate(_cursor.First) && char.IsLowSurrogate(_cursor.Second) ? 2 : 1);
            while (!_cursor.IsAtEnd && IsUnknownStart())
            {
                _cursor.Bump();
            }

            Report(_diagnostics, "RS-LEX-005", "unknown character", TextSpan.FromBounds(start, _cursor.Position));
            return RustTokenKind.Unknown;
        }

        private readonly bool IsUnknownStart()
        {
            var c = _cursor.First;
            return c >= 0x80 && !RustChars.IsWhitespace(c) && RustChars.IdentifierStartWidth(_cursor.Rest) == 0
                || c is '\0' or '\\' or '`' or '\u007F' || (c < ' ' && !RustChars.IsWhitespace(c));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RustTokenKind Identifier(int start)
        {
            _cursor.EatIdentifierContinue();
            return RustKeywords.Classify(_cursor.Slice(start));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RustTokenKind LineComment()
        {
            // `///` (but not `////`) and `//!` are doc comments.
            var kind = _cursor.Third switch
            {
                '/' when _cursor.Peek(3) != '/' => RustTokenKind.OuterDocComment,
                '!' => RustTokenKind.InnerDocComment,
                _ => RustTokenKind.LineComment,
            };
            _cursor.SkipToLineEnd();
            return kind;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RustTokenKind BlockComment(int start)
        {
            // `/**` (but not `/***` nor the empty `/**/`) and `/*!` are doc comments.
            var kind = _cursor.Third switch
            {
                '*' when _cursor.Peek(3) is not '*' and not '/' => RustTokenKind.OuterDocComment,
                '!' => RustTokenKind.InnerDocComment,
                _ => RustTokenKind.BlockComment,
            };
            _cursor.Bump(2);
            var depth = 1;
            while (depth > 0)
            {
                var rest = _cursor.Rest;
                var index = rest.IndexOfAny('*', '/');
                if (index < 0)
                {
                    _cursor.Bump(rest.Length);
                    Report(_diagnostics, "RS-LEX-003", "unterminated block comment", TextSpan.FromBounds(start, start + 2));
                    return kind;
                }

                _cursor.Bump(index);
                if (_cursor.First == '*' && _cursor.Second == '/')
                {
                    _cursor.Bump(2);
                    depth--;
                }
                else if (_cursor.First == '/' && _cursor.Second == '*')
                {
                    _cursor.Bump(2);
                    depth++;
                }
                else
                {
                    _cursor.Bump();
                }
            }

            return kind;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RustTokenKind QuotedString(int start, RustTokenKind kind)
        {
            _cursor.Bump(); // the opening quote
            while (true)
            {
                var rest = _cursor.Rest;
                var index = rest.IndexOfAny('"', '\\');
                if (index < 0)
                {
                    _cursor.Bump(rest.Length);
                    Report(_diagnostics, "RS-LEX-001", "unterminated string literal", TextSpan.FromBounds(start, _cursor.Position));
                    return kind;
                }

                _cursor.Bump(index);
                if (_cursor.First == '\\')
                {
                    _cursor.Bump(2);
                    continue;
                }

                _cursor.Bump();
                EatSuffix();
                return kind;
            }
        }

        // The cursor is on the `#`s or the quote after the prefix (`r`, `br`, `cr`).
        private RustTokenKind RawString(int start, RustTokenKind kind)
        {
            var hashes = 0;
            while (_cursor.Eat('#'))
            {
                hashes++;
            }

            if (!_cursor.Eat('"'))
            {
                Report(_diagnostics, "RS-LEX-006", "expected '\"' after the '#'s of a raw string", TextSpan.FromBounds(start, _cursor.Position));
                return RustTokenKind.Unknown;
            }

            while (true)
            {
                var rest = _cursor.Rest;
                var index = rest.IndexOf('"');
                if (index < 0)
                {
                    _cursor.Bump(rest.Length);
                    Report(_diagnostics, "RS-LEX-002", "unterminated raw string literal", TextSpan.FromBounds(start, _cursor.Position));
                    return kind;
                }

                _cursor.Bump(index + 1);
                var closing = 0;
                while (closing < hashes && _cursor.First == '#')
                {
                    _cursor.Bump();
                    closing++;
                }

                if (closing == hashes)
                {
                    EatSuffix();
                    return kind;
                }
            }
        }

        // The cursor is on the quote (after a `b` prefix for byte literals).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RustTokenKind CharOrLifetime(int start, RustTokenKind charKind)
        {
            var second = _cursor.Second;
            if (second == '\\')
            {
                // An escape: `'\n'`, `'\''`, `'\x7f'`, `'\u{1F600}'`; the closing quote is near, on this line.
                _cursor.Bump(3);
                for (var i = 0; i < 12 && !_cursor.IsAtEnd && _cursor.First is not ('\n' or '\r'); i++)
                {
                    if (_cursor.Eat('\''))
                    {
                        EatSuffix();
                        return charKind;
                    }

                    _cursor.Bump();
                }

                Report(_diagnostics, "RS-LEX-004", "unterminated character literal", TextSpan.FromBounds(start, _cursor.Position));
                return charKind;
            }

            var width = char.IsHighSurrogate(second) && char.IsLowSurrogate(_cursor.Third) ? 2 : 1;
            if (_cursor.Peek(1 + width) == '\'' && !(second == '\'' && width == 1) && !(_cursor.Position + 1 >= _cursor.Length))
            {
                _cursor.Bump(2 + width);
                EatSuffix();
                return charKind;
            }

            if (charKind == RustTokenKind.CharLiteral && RustChars.IdentifierStartWidth(_cursor.Rest[1..]) > 0)
            {
                _cursor.Bump();
                _cursor.EatIdentifierContinue();
                return RustTokenKind.Lifetime;
            }

            if (charKind == RustTokenKind.CharLiteral && char.IsAsciiDigit(second))
            {
                // `'1a` is no lifetime, but lex it as one token so the rest of the line is not thrown off.
                _cursor.Bump();
                _cursor.EatIdentifierContinue();
                Report(_diagnostics, "RS-LEX-004", "a lifetime cannot start with a digit", TextSpan.FromBounds(start, _cursor.Position));
                return RustTokenKind.Lifetime;
            }

            _cursor.Bump();
            Report(_diagnostics, "RS-LEX-004", "unterminated character literal", TextSpan.FromBounds(start, _cursor.Position));
            return RustTokenKind.Unknown;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private RustTokenKind Number()
        {
            var isFloat = false;
            if (_cursor.First == '0' && _cursor.Second is 'x' or 'o' or 'b')
            {
                var hex = _cursor.Second == 'x';
                _cursor.Bump(2);
                _cursor.EatDigits(hex);
                EatSuffix();
                return RustTokenKind.IntegerLiteral;
            }

            _cursor.EatDigits(hex: false);

            // `1.5` and `1.` are floats; `1..2` is a range, `1.foo()` a method call, `t.0.1` two tuple indexes.
            if (_cursor.First == '.' && _cursor.Second != '.' && RustChars.IdentifierStartWidth(_cursor.Rest[1..]) == 0
                && _previous != RustTokenKind.Dot)
            {
                _cursor.Bump();
                _cursor.EatDigits(hex: false);
                isFloat = true;
            }

            if (_cursor.First is 'e' or 'E'
                && (char.IsAsciiDigit(_cursor.Second) || _cursor.Second == '_'
                    || (_cursor.Second is '+' or '-' && (char.IsAsciiDigit(_cursor.Third) || _cursor.Third == '_'))))
            {
                _cursor.Bump(2);
                _cursor.EatDigits(hex: false);
                isFloat = true;
            }

            var suffixStart = _cursor.Position;
            EatSuffix();
            var suffix = _cursor.Slice(suffixStart);
            return isFloat || suffix is "f32" or "f64" or "f16" or "f128" ? RustTokenKind.FloatLiteral : RustTokenKind.IntegerLiteral;
        }

        private void EatSuffix()
        {
            if (RustChars.IdentifierStartWidth(_cursor.Rest) > 0)
            {
                _cursor.EatIdentifierContinue();
            }
        }
    }
}
