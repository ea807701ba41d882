using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>
/// The significant tokens of one Rust file (comments dropped) with bracket matching, lexed once per
/// tree and shared by the Rust rules. The structural model has no node for a plain name, so the rules
/// that follow a binding (what happens to a clone, a box, a guard) read the tokens around it.
/// </summary>
internal sealed class RustTokens
{
    private readonly RustToken[] _tokens;
    private readonly int[] _match;
    private readonly int[] _enclosingOpen;
    private readonly string _text;

    // The parser's own tokens when it kept them for the rules (comments are never among them), else a fresh lex.
    internal RustTokens(SyntaxTree tree)
    {
        _text = tree.Source.Text;
        _tokens = tree.TakeTokens<RustToken[]>() ?? [.. RustLexer.Tokenize(tree.Source, out _).Where(t => !t.IsTrivia)];
        _match = new int[_tokens.Length];
        _enclosingOpen = new int[_tokens.Length];
        var stack = new Stack<int>();
        for (var i = 0; i < _tokens.Length; i++)
        {
            _match[i] = -1;
            _enclosingOpen[i] = stack.Count > 0 ? stack.Peek() : -1;
            switch (_tokens[i].Kind)
            {
                case RustTokenKind.OpenParen or RustTokenKind.OpenBracket or RustTokenKind.OpenBrace:
                    stack.Push(i);
                    break;
                case RustTokenKind.CloseParen or RustTokenKind.CloseBracket or RustTokenKind.CloseBrace:
                    // Broken code can close what it never opened: ignore such a closer rather than unwind everything.
                    if (stack.Count > 0 && Pairs(_tokens[stack.Peek()].Kind, _tokens[i].Kind))
                    {
                        var open = stack.Pop();
                        _match[open] = i;
                        _match[i] = open;
                        _enclosingOpen[i] = stack.Count > 0 ? stack.Peek() : -1;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    public static RustTokens Of(SyntaxTree tree) => tree.Model.RustTokens;

    public int Count => _tokens.Length;

    public RustTokenKind Kind(int i) => i >= 0 && i < _tokens.Length ? _tokens[i].Kind : RustTokenKind.EndOfFile;

    public RustToken this[int i] => _tokens[i];

    public string Text(int i) => i >= 0 && i < _tokens.Length ? _text.Substring(_tokens[i].Start, _tokens[i].Length) : "";

    public bool IsIdentifier(int i, string name) =>
        Kind(i) == RustTokenKind.Identifier && _tokens[i].Length == name.Length && string.CompareOrdinal(_text, _tokens[i].Start, name, 0, name.Length) == 0;

    /// <summary>The matching bracket of the bracket at <paramref name="i"/>, or -1.</summary>
    public int Match(int i) => i >= 0 && i < _match.Length ? _match[i] : -1;

    /// <summary>The innermost open bracket around token <paramref name="i"/>, or -1.</summary>
    public int EnclosingOpen(int i) => i >= 0 && i < _enclosingOpen.Length ? _enclosingOpen[i] : -1;

    /// <summary>The index of the first token starting at or after <paramref name="position"/>.</summary>
    public int IndexAt(int position)
    {
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_tokens[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The end (exclusive, a source position) of the innermost <c>{ }</c> block around <paramref name="position"/>, or the file end.</summary>
    public int EnclosingBlockEnd(int position)
    {
        for (var open = EnclosingOpen(IndexAt(position)); open >= 0; open = EnclosingOpen(open))
        {
            if (Kind(open) == RustTokenKind.OpenBrace)
            {
                var close = Match(open);
                return close < 0 ? _text.Length : _tokens[close].Start;
            }
        }

        return _text.Length;
    }

    private static bool Pairs(RustTokenKind open, RustTokenKind close) => (open, close) switch
    {
        (RustTokenKind.OpenParen, RustTokenKind.CloseParen) => true,
        (RustTokenKind.OpenBracket, RustTokenKind.CloseBracket) => true,
        (RustTokenKind.OpenBrace, RustTokenKind.CloseBrace) => true,
        _ => false,
    };
}
