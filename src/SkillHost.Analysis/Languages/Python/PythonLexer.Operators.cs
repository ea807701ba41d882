using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Operators, brackets and indentation.</summary>
public sealed partial class PythonLexer
{
    private void LexOperator(int start, char c)
    {
        var n1 = _cursor.Peek();
        var n2 = _cursor.Peek(2);
        switch (c)
        {
            case '(' or '[' or '{':
                OpenBracket(start, c);
                return;
            case ')' or ']' or '}':
                CloseBracket(start, c);
                return;
            case ':':
                if (InFieldTopLevel())
                {
                    // The format spec starts; it is lexed as f-string text until the field's '}'.
                    Op(K.Colon, start, 1);
                    _frames[_frameCount - 1].InSpec = true;
                }
                else if (n1 == '=')
                {
                    Op(K.ColonEqual, start, 2);
                }
                else
                {
                    Op(K.Colon, start, 1);
                }

                return;
            case ',':
                Op(K.Comma, start, 1);
                return;
            case ';':
                Op(K.Semicolon, start, 1);
                return;
            case '~':
                Op(K.Tilde, start, 1);
                return;
            case '`':
                Op(K.Backtick, start, 1);
                return;
            case '+':
                Op(n1 == '=' ? K.PlusEqual : K.Plus, start, n1 == '=' ? 2 : 1);
                return;
            case '-':
                if (n1 == '>')
                {
                    Op(K.RightArrow, start, 2);
                }
                else
                {
                    Op(n1 == '=' ? K.MinusEqual : K.Minus, start, n1 == '=' ? 2 : 1);
                }

                return;
            case '*':
                if (n1 == '*')
                {
                    Op(n2 == '=' ? K.DoubleStarEqual : K.DoubleStar, start, n2 == '=' ? 3 : 2);
                }
                else
                {
                    Op(n1 == '=' ? K.StarEqual : K.Star, start, n1 == '=' ? 2 : 1);
                }

                return;
            case '/':
                if (n1 == '/')
                {
                    Op(n2 == '=' ? K.DoubleSlashEqual : K.DoubleSlash, start, n2 == '=' ? 3 : 2);
                }
                else
                {
                    Op(n1 == '=' ? K.SlashEqual : K.Slash, start, n1 == '=' ? 2 : 1);
                }

                return;
            case '|':
                Op(n1 == '=' ? K.VerticalBarEqual : K.VerticalBar, start, n1 == '=' ? 2 : 1);
                return;
            case '&':
                Op(n1 == '=' ? K.AmpersandEqual : K.Ampersand, start, n1 == '=' ? 2 : 1);
                return;
            case '^':
                Op(n1 == '=' ? K.CircumflexEqual : K.Circumflex, start, n1 == '=' ? 2 : 1);
                return;
            case '%':
                Op(n1 == '=' ? K.PercentEqual : K.Percent, start, n1 == '=' ? 2 : 1);
                return;
            case '@':
                Op(n1 == '=' ? K.AtEqual : K.At, start, n1 == '=' ? 2 : 1);
                return;
            case '=':
                Op(n1 == '=' ? K.EqualEqual : K.Equal, start, n1 == '=' ? 2 : 1);
                return;
            case '!':
                if (n1 == '=')
                {
                    Op(K.NotEqual, start, 2);
                }
                else if (InFieldTopLevel())
                {
                    Op(K.Exclamation, start, 1);
                }
                else
                {
                    Invalid(start, 1, "invalid character '!' outside an f-string conversion");
                }

                return;
            case '<':
                if (n1 == '<')
                {
                    Op(n2 == '=' ? K.LeftShiftEqual : K.LeftShift, start, n2 == '=' ? 3 : 2);
                }
                else if (n1 == '>')
                {
                    Op(K.LessGreater, start, 2);
                }
                else
                {
                    Op(n1 == '=' ? K.LessEqual : K.Less, start, n1 == '=' ? 2 : 1);
                }

                return;
            case '>':
                if (n1 == '>')
                {
                    Op(n2 == '=' ? K.RightShiftEqual : K.RightShift, start, n2 == '=' ? 3 : 2);
                }
                else
                {
                    Op(n1 == '=' ? K.GreaterEqual : K.Greater, start, n1 == '=' ? 2 : 1);
                }

                return;
            default:
                Invalid(start, 1, "invalid character '" + Describe(c) + "' in source");
                return;
        }
    }

    private void Op(PythonTokenKind kind, int start, int length)
    {
        _cursor.Position = start + length;
        Emit(kind, start, start + length);
    }

    private bool InFieldTopLevel()
    {
        if (_frameCount == 0)
        {
            return false;
        }

        ref var top = ref _frames[_frameCount - 1];
        return top.IsField && !top.InSpec && _bracketDepth == top.BracketDepth;
    }

    private void PushBracket(char kind, int start)
    {
        if (_bracketDepth == _brackets.Length)
        {
            Array.Resize(ref _brackets, _brackets.Length * 2);
            Array.Resize(ref _bracketStarts, _bracketStarts.Length * 2);
        }

        _brackets[_bracketDepth] = kind;
        _bracketStarts[_bracketDepth++] = start;
        if (_bracketDepth > MaxBracketDepth && !_reportedDepth)
        {
            _reportedDepth = true;
            Report("PY-LEX-011", "too many nested parentheses", start, 1);
        }
    }

    private void OpenBracket(int start, char c)
    {
        PushBracket(c, start);
        Op(c switch { '(' => K.LeftParen, '[' => K.LeftBracket, _ => K.LeftBrace }, start, 1);
    }

    private void CloseBracket(int start, char c)
    {
        var kind = c switch { ')' => K.RightParen, ']' => K.RightBracket, _ => K.RightBrace };
        if (c == '}' && InFieldTopLevel())
        {
            Op(K.ReplacementFieldEnd, start, 1);
            _bracketDepth--;
            _frameCount--;
            return;
        }

        var opener = c switch { ')' => '(', ']' => '[', _ => '{' };
        if (_bracketDepth > 0 && _brackets[_bracketDepth - 1] == opener)
        {
            _bracketDepth--;
            Op(kind, start, 1);
            return;
        }

        // Mismatched: close up to a matching opener if one is open (not across an f-string field), else ignore it.
        var floor = _frameCount > 0 && _frames[_frameCount - 1].IsField ? _frames[_frameCount - 1].BracketDepth : 0;
        var match = _bracketDepth - 1;
        while (match >= floor && _brackets[match] != opener)
        {
            match--;
        }

        if (match >= floor)
        {
            Report("PY-LEX-005", "closing '" + c + "' does not match opening '" + _brackets[_bracketDepth - 1] + "'", start, 1);
            _bracketDepth = match;
        }
        else
        {
            Report("PY-LEX-005", "unmatched '" + c + "'", start, 1);
        }

        Op(kind, start, 1);
    }

    private void HandleIndentation()
    {
        var text = _text;
        var lineStart = _cursor.Position;
        // Indentation is nearly always spaces alone: their run in one vectorised search, tabs and form feeds after it one by one.
        var spaces = text.AsSpan(lineStart).IndexOfAnyExcept(' ');
        var p = spaces < 0 ? text.Length : lineStart + spaces;
        int column = p - lineStart, altColumn = column;
        for (; p < text.Length; p++)
        {
            var c = text[p];
            if (c == ' ')
            {
                column++;
                altColumn++;
            }
            else if (c == '\t')
            {
                column = (column / 8 + 1) * 8;
                altColumn++;
            }
            else if (c == '\f')
            {
                column = altColumn = 0;
            }
            else
            {
                break;
            }
        }

        _cursor.Position = p;
        if (p >= text.Length || text[p] is '#' or '\n' or '\r')
        {
            // Blank and comment-only lines do not take part in indentation.
            return;
        }

        var current = _indents[_indentTop];
        if (column == current)
        {
            if (altColumn != _altIndents[_indentTop])
            {
                Warn("PY-LEX-009", "inconsistent use of tabs and spaces in indentation", lineStart, p - lineStart);
            }
        }
        else if (column > current)
        {
            if (altColumn <= _altIndents[_indentTop])
            {
                Warn("PY-LEX-009", "inconsistent use of tabs and spaces in indentation", lineStart, p - lineStart);
            }

            PushIndent(column, altColumn, phantom: false);
            Emit(K.Indent, lineStart, p);
        }
        else
        {
            while (_indentTop > 0 && column < _indents[_indentTop])
            {
                if (!_phantom[_indentTop])
                {
                    Emit(K.Dedent, p, p);
                }

                _indentTop--;
            }

            if (column != _indents[_indentTop])
            {
                Report("PY-LEX-003", "unindent does not match any outer indentation level", lineStart, p - lineStart);
                // Recover as if the level existed, without emitting an INDENT: INDENT/DEDENT stay balanced.
                PushIndent(column, altColumn, phantom: true);
            }
        }
    }

    private void PushIndent(int column, int altColumn, bool phantom)
    {
        if (++_indentTop == _indents.Length)
        {
            Array.Resize(ref _indents, _indents.Length * 2);
            Array.Resize(ref _altIndents, _altIndents.Length * 2);
            Array.Resize(ref _phantom, _phantom.Length * 2);
        }

        _indents[_indentTop] = column;
        _altIndents[_indentTop] = altColumn;
        _phantom[_indentTop] = phantom;
    }
}
