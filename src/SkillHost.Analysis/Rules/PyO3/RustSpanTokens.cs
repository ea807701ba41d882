using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.PyO3;

/// <summary>
/// The tokens of a piece of a Rust file (comments dropped, positions relative to the file): what the
/// PyO3 rules read where the structural model stops, such as every use of a parameter in a body.
/// </summary>
internal sealed class RustSpanTokens
{
    private readonly string _text;

    private RustSpanTokens(string text, IReadOnlyList<RustToken> tokens)
    {
        _text = text;
        Tokens = tokens;
    }

    public IReadOnlyList<RustToken> Tokens { get; }

    public static RustSpanTokens Of(SyntaxTree tree, TextSpan span)
    {
        var piece = tree.Source.ToString(span);
        var tokens = RustLexer.Tokenize(SourceText.From(piece), out _)
            .Where(t => !t.IsTrivia && t.Kind != RustTokenKind.EndOfFile)
            .Select(t => t with { Start = t.Start + span.Start })
            .ToList();
        return new RustSpanTokens(tree.Source.Text, tokens);
    }

    public string TextOf(RustToken token) => _text.Substring(token.Start, token.Length);

    public bool IsIdentifier(int index, string name) =>
        index >= 0 && index < Tokens.Count && Tokens[index].Kind == RustTokenKind.Identifier && TextOf(Tokens[index]) == name;

    public RustTokenKind KindAt(int index) => index >= 0 && index < Tokens.Count ? Tokens[index].Kind : RustTokenKind.EndOfFile;

    /// <summary>Identifiers in the piece, as strings.</summary>
    public IEnumerable<string> Identifiers() =>
        Tokens.Where(t => t.Kind == RustTokenKind.Identifier).Select(TextOf);
}
