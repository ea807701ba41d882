using System.Buffers;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

using SkillHost.Analysis.Review;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Python source to structural model: <see cref="PythonLexer"/> then <see cref="PythonStructureBuilder"/>; never throws on any input.</summary>
public static class PythonParser
{
    public static SyntaxTree Parse(SourceText text) => Parse(text, keepTokens: false);

    /// <summary>
    /// With <paramref name="keepTokens"/> the tree keeps a copy of the tokens for the checklist rules, which ask
    /// token-level questions and would otherwise lex the file again; a parse that runs no rules does not pay for it.
    /// </summary>
    public static SyntaxTree Parse(SourceText text, bool keepTokens) => Parse(text, keepTokens, budget: null);

    /// <summary>As <see cref="Parse(SourceText, bool)"/>, checking the <paramref name="budget"/>'s token between phases and every few thousand statements.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (a review cancelled, or the file's time budget spent).</exception>
    public static SyntaxTree Parse(SourceText text, bool keepTokens, FileBudget? budget)
    {
        var cancellationToken = budget?.Token ?? CancellationToken.None;
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var tokens = PythonLexer.TokenizePooled(text.Text, diagnostics, out var count);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = PythonStructureBuilder.Build(text, tokens, count, diagnostics, cancellationToken);
            diagnostics.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
            var tree = new SyntaxTree(text, SourceLanguage.Python, root, diagnostics);
            if (keepTokens)
            {
                // The rules need exactly these tokens (no trivia); a copy of the right size saves them a second lex.
                tree.KeepTokens(new PythonTokenList(tokens.AsSpan(0, count).ToArray(), count, diagnostics));
            }

            return tree;
        }
        finally
        {
            ArrayPool<PythonToken>.Shared.Return(tokens);
        }
    }
}
