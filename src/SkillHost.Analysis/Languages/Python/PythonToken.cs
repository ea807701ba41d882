using System.Diagnostics;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>One Python token: its kind and where it is; the text stays in the source (no per-token strings).</summary>
[DebuggerDisplay("{Kind} {Start}..{End}")]
public readonly record struct PythonToken(PythonTokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public bool IsKeyword => Kind >= PythonTokenKind.FalseKeyword;
}

/// <summary>The tokens of one file and the lexical problems found in it.</summary>
public sealed class PythonTokenList
{
    private readonly PythonToken[] _tokens;

    internal PythonTokenList(PythonToken[] tokens, int count, IReadOnlyList<Diagnostic> diagnostics)
    {
        _tokens = tokens;
        Count = count;
        Diagnostics = diagnostics;
    }

    public int Count { get; }

    public PythonToken this[int index] => index < Count ? _tokens[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<PythonToken> Tokens => _tokens.AsSpan(0, Count);

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
