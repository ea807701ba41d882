using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>
/// A hand-written, never-throwing Python tokenizer modelled on CPython's: INDENT/DEDENT (tabs to the
/// next multiple of 8), NEWLINE vs NL, implicit and explicit line joining, every string and f-string
/// form (PEP 701 nesting), Python 2 forms (backticks, <c>&lt;&gt;</c>, <c>ur''</c>, <c>10L</c>). Problems become
/// diagnostics with a precise span; lexing always reaches the end of the text in one linear pass.
/// </summary>
public sealed partial class PythonLexer
{
    /// <summary>CPython refuses deeper bracket nesting ("too many nested parentheses").</summary>
    private const int MaxBracketDepth = 200;

    private readonly string _text;
    private readonly bool _includeTrivia;
    private readonly List<Diagnostic> _diagnostics;
    private Cursor _cursor;
    private PythonToken[] _tokens;
    private int _count;
    private bool _pooled;

    // Indentation stack: column, column with tabs counted as 1 (CPython's consistency check), and
    // whether the level was pushed only to recover from a bad dedent (no INDENT/DEDENT emitted for it).
    private int[] _indents = new int[16];
    private int[] _altIndents = new int[16];
    private bool[] _phantom = new bool[16];
    private int _indentTop;

    // Open brackets: '(' '[' '{', or 'F' for an f-string replacement field; with their positions.
    private char[] _brackets = new char[16];
    private int[] _bracketStarts = new int[16];
    private int _bracketDepth;

    private FStringFrame[] _frames = new FStringFrame[4];
    private int _frameCount;

    private bool _atLineStart = true;
    private bool _lineHasContent;
    private bool _reportedDepth;

    // Where the last comment ended: a 3.12 f-string field may go on after a comment's line break.
    private int _commentEnd = -1;

    private PythonLexer(string text, bool includeTrivia, List<Diagnostic> diagnostics, PythonToken[] buffer)
    {
        _text = text;
        _includeTrivia = includeTrivia;
        _diagnostics = diagnostics;
        _cursor = new Cursor(text);
        _tokens = buffer;
    }

    /// <summary>Tokenizes a whole file. With <paramref name="includeTrivia"/> comments and NL tokens are kept.</summary>
    public static PythonTokenList Tokenize(SourceText text, bool includeTrivia = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var lexer = new PythonLexer(text.Text, includeTrivia, diagnostics, new PythonToken[text.Length / 4 + 16]);
        lexer.Run();
        return new PythonTokenList(lexer._tokens, lexer._count, diagnostics);
    }

    /// <summary>The parser's entry: tokens go into a pooled array that the caller returns to <see cref="ArrayPool{T}.Shared"/>.</summary>
    internal static PythonToken[] TokenizePooled(string text, List<Diagnostic> diagnostics, out int count)
    {
        var lexer = new PythonLexer(text, includeTrivia: false, diagnostics, ArrayPool<PythonToken>.Shared.Rent(text.Length / 5 + 16)) { _pooled = true };
        lexer.Run();
        count = lexer._count;
        return lexer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            if (_frameCount > 0)
            {
                ref var top = ref _frames[_frameCount - 1];
                if (!top.IsField || top.InSpec)
                {
                    LexFStringText();
                    continue;
                }
            }
            else if (_atLineStart)
            {
                _atLineStart = false;
                if (_bracketDepth == 0)
                {
                    HandleIndentation();
                }
            }

            if (_frameCount == 0)
            {
                LexSimpleRun();
            }

            if (_cursor.IsAtEnd)
            {
                Finish();
                return;
            }

            LexToken();
        }
    }

    /// <summary>
    /// The common case in one tight loop with locals: spaces, ASCII names and keywords, plain
    /// integers, matching brackets and simple punctuation. Anything else (line breaks, strings,
    /// comments, other numbers and operators, non-ASCII, mismatched brackets) is left to <see cref="LexToken"/>.
    /// </summary>
    private void LexSimpleRun()
    {
        var text = _text;
        var pos = _cursor.Position;
        var tokens = _tokens;
        var count = _count;
        var emitted = false;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == ' ')
            {
                pos++;
                continue;
            }

            PythonTokenKind kind;
            var end = pos + 1;
            if (c < 128 && IsAsciiIdentifierPart(c) && !char.IsAsciiDigit(c))
            {
                while (end < text.Length && text[end] < 128 && IsAsciiIdentifierPart(text[end]))
                {
                    end++;
                }

                if (end < text.Length && (text[end] >= 128 || (text[end] is '\'' or '"' && end - pos <= 2)))
                {
                    break; // a non-ASCII identifier part, or a string prefix: the general path decides
                }

                kind = Keywords.Classify(text.AsSpan(pos, end - pos));
            }
            else
            {
                var next = end < text.Length ? text[end] : '\0';
                switch (c)
                {
                    case ',':
                        kind = K.Comma;
                        break;
                    case '.' when next != '.' && !char.IsAsciiDigit(next):
                        kind = K.Dot;
                        break;
                    case '=' when next != '=':
                        kind = K.Equal;
                        break;
                    case '+' when next != '=':
                        kind = K.Plus;
                        break;
                    case '-' when next is not ('=' or '>'):
                        kind = K.Minus;
                        break;
                    case ';':
                        kind = K.Semicolon;
                        break;
                    case ':':
                        kind = next == '=' ? K.ColonEqual : K.Colon;
                        end += next == '=' ? 1 : 0;
                        break;
                    case '*' when next is not ('*' or '='):
                        kind = K.Star;
                        break;
                    case '(' or '[' or '{':
                        PushBracket(c, pos);
                        kind = c == '(' ? K.LeftParen : c == '[' ? K.LeftBracket : K.LeftBrace;
                        break;
                    case ')' or ']' or '}' when _bracketDepth > 0 && _brackets[_bracketDepth - 1] == (c == ')' ? '(' : c == ']' ? '[' : '{'):
                        _bracketDepth--;
                        kind = c == ')' ? K.RightParen : c == ']' ? K.RightBracket : K.RightBrace;
                        break;
                    case >= '0' and <= '9':
                        while (end < text.Length && char.IsAsciiDigit(text[end]))
                        {
                            end++;
                        }

                        if (end < text.Length && (text[end] == '.' || (text[end] < 128 && IsAsciiIdentifierPart(text[end]))))
                        {
                            goto Done; // floats, exponents, prefixes, suffixes and underscores: the general path
                        }

                        kind = K.Number;
                        break;
                    default:
                        goto Done;
                }
            }

            if (count == tokens.Length)
            {
                _count = count;
                Grow();
                tokens = _tokens;
            }

            tokens[count++] = new PythonToken(kind, pos, end - pos);
            emitted = true;
            pos = end;
        }

    Done:
        _cursor.Position = pos;
        _count = count;
        if (emitted)
        {
            _lineHasContent = true;
        }
    }

    private void LexToken()
    {
        var text = _text;
        var start = _cursor.Position;
        var c = text[start];
        while (c is ' ' or '\t' or '\f')
        {
            if (++start == text.Length)
            {
                _cursor.Position = start;
                return;
            }

            c = text[start];
        }

        _cursor.Position = start;
        if (char.IsAsciiLetter(c) || c == '_')
        {
            // Most tokens are names: test for a string prefix only when a quote follows closely.
            if ((c | 0x20) is 'r' or 'u' or 'b' or 'f' or 't' && _cursor.Peek() is '\'' or '"' or (>= 'A' and <= 'z') && TryLexPrefixedString(start))
            {
                return;
            }

            LexName(start);
            return;
        }

        switch (c)
        {
            case '\n' or '\r':
                LexLineBreak(start);
                return;
            case '#':
                {
                    var length = _cursor.Rest.IndexOfAny('\n', '\r');
                    var end = length < 0 ? _text.Length : start + length;
                    _cursor.Position = end;
                    _commentEnd = end;
                    EmitTrivia(K.Comment, start, end);
                    return;
                }

            case '\\':
                LexBackslash(start);
                return;
            case '\'' or '"':
                LexString(start, 0, raw: false);
                return;
            case >= '0' and <= '9':
                LexNumber(start);
                return;
            case '.':
                if (char.IsAsciiDigit(_cursor.Peek()))
                {
                    LexNumber(start);
                }
                else if (_cursor.Peek() == '.' && _cursor.Peek(2) == '.')
                {
                    Op(K.Ellipsis, start, 3);
                }
                else
                {
                    Op(K.Dot, start, 1);
                }

                return;
            default:
                break;
        }

        if (c < 128)
        {
            LexOperator(start, c);
        }
        else if (IsIdentifierStart(c))
        {
            LexName(start);
        }
        else
        {
            Invalid(start, 1, "invalid character '" + Describe(c) + "' in source");
        }
    }

    private void LexLineBreak(int start)
    {
        if (_frameCount > 0)
        {
            ref var top = ref _frames[_frameCount - 1];
            // A single-quoted f-string may break lines only inside brackets of a replacement field, or
            // after a comment in it (3.12); anywhere else the string is taken as unterminated.
            if (top.IsField && !top.Triple && _bracketDepth == top.BracketDepth && _commentEnd != start)
            {
                AbandonFString(start);
                return;
            }
        }

        var length = _cursor.EatLineBreak();
        if (_bracketDepth == 0 && _lineHasContent)
        {
            Emit(K.Newline, start, start + length);
            _lineHasContent = false;
        }
        else
        {
            EmitTrivia(K.NonLogicalNewline, start, start + length);
        }

        _atLineStart = true;
    }

    private void LexBackslash(int start)
    {
        var next = _cursor.Peek();
        if (next is '\n' or '\r')
        {
            // Explicit line joining: the logical line goes on, no token.
            _cursor.Advance();
            _cursor.EatLineBreak();
            return;
        }

        if (_cursor.Position + 1 >= _text.Length)
        {
            _cursor.Advance();
            Report("PY-LEX-008", "unexpected end of file after line continuation character", start, 1);
            return;
        }

        Invalid(start, 1, "unexpected character after line continuation character");
    }

    private void LexName(int start)
    {
        var text = _text;
        var end = start + 1;
        while (end < text.Length)
        {
            var c = text[end];
            if (c < 128 ? IsAsciiIdentifierPart(c) : IsIdentifierPart(c))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        _cursor.Position = end;
        Emit(Keywords.Classify(text.AsSpan(start, end - start)), start, end);
    }

    private void LexNumber(int start)
    {
        var text = _text;
        var p = start;
        if (text[p] == '0' && p + 1 < text.Length && (text[p + 1] | 0x20) is 'x' or 'o' or 'b')
        {
            p += 2;
            while (p < text.Length && (char.IsAsciiHexDigit(text[p]) || text[p] == '_'))
            {
                p++;
            }
        }
        else
        {
            p = SkipDigits(text, p);
            if (p < text.Length && text[p] == '.')
            {
                p = SkipDigits(text, p + 1);
            }

            if (p < text.Length && (text[p] | 0x20) == 'e')
            {
                var q = p + 1;
                if (q < text.Length && text[q] is '+' or '-')
                {
                    q++;
                }

                if (q < text.Length && char.IsAsciiDigit(text[q]))
                {
                    p = SkipDigits(text, q);
                }
            }
        }

        // Imaginary "j", or a Python 2 long "L".
        if (p < text.Length && (text[p] | 0x20) is 'j' or 'l')
        {
            p++;
        }

        _cursor.Position = p;
        Emit(K.Number, start, p);
    }

    private static int SkipDigits(string text, int p)
    {
        while (p < text.Length && (char.IsAsciiDigit(text[p]) || text[p] == '_'))
        {
            p++;
        }

        return p;
    }

    private void Finish()
    {
        var end = _text.Length;
        if (_frameCount > 0)
        {
            Report("PY-LEX-001", "unterminated f-string at end of file", _frames[0].Start, end - _frames[0].Start);
            _frameCount = 0;
        }

        if (_bracketDepth > 0)
        {
            var at = _bracketStarts[0];
            Report("PY-LEX-006", "'" + _brackets[0] + "' was never closed", at, 1);
            _bracketDepth = 0;
        }

        if (_lineHasContent)
        {
            Emit(K.Newline, end, end);
        }

        for (; _indentTop > 0; _indentTop--)
        {
            if (!_phantom[_indentTop])
            {
                Emit(K.Dedent, end, end);
            }
        }

        Emit(K.EndOfFile, end, end);
    }

    private void Emit(PythonTokenKind kind, int start, int end)
    {
        if (_count == _tokens.Length)
        {
            Grow();
        }

        _tokens[_count++] = new PythonToken(kind, start, end - start);
        if (kind > K.Comment)
        {
            _lineHasContent = true;
        }
    }

    private void EmitTrivia(PythonTokenKind kind, int start, int end)
    {
        if (_includeTrivia)
        {
            Emit(kind, start, end);
        }
    }

    private void Grow()
    {
        // A pooled buffer goes back to the pool; the caller returns whichever array it finally gets.
        var bigger = _pooled ? ArrayPool<PythonToken>.Shared.Rent(_tokens.Length * 2) : new PythonToken[_tokens.Length * 2];
        _tokens.AsSpan().CopyTo(bigger);
        if (_pooled)
        {
            ArrayPool<PythonToken>.Shared.Return(_tokens);
        }

        _tokens = bigger;
    }

    private void Invalid(int start, int length, string message)
    {
        _cursor.Position = start + length;
        Emit(K.Error, start, start + length);
        Report("PY-LEX-004", message, start, length);
    }

    private void Report(string code, string message, int start, int length) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, new TextSpan(start, length)));

    private void Warn(string code, string message, int start, int length) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, new TextSpan(start, length)));

    private static string Describe(char c) => c switch
    {
        '\0' => "\\0",
        < ' ' or (>= '\u007f' and <= '\u00a0') => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };

    private static readonly bool[] AsciiIdentifierPart = BuildAsciiIdentifierPart();

    /// <summary>For c &lt; 128 only (the table has 128 entries; callers test first, so no bounds check here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiIdentifierPart(char c) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(AsciiIdentifierPart), c);

    private static bool[] BuildAsciiIdentifierPart()
    {
        var table = new bool[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = char.IsAsciiLetterOrDigit((char)c) || c == '_';
        }

        return table;
    }

    private static bool IsIdentifierStart(char c) =>
        char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsIdentifierPart(char c) =>
        IsIdentifierStart(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
}
