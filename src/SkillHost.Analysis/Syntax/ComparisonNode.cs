using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>A membership test (<c>x in xs</c>, <c>x not in xs</c>) or an equality between two operands (<c>a.key == b.key</c>).</summary>
public sealed class ComparisonNode(TextSpan span) : SyntaxNode(span)
{
    public override SyntaxKind Kind => SyntaxKind.Comparison;

    /// <summary>"in", "not in", "==", "!=".</summary>
    public required string Operator { get; init; }

    public TextSpan LeftSpan { get; init; }

    public TextSpan RightSpan { get; init; }

    public ExpressionShape LeftShape { get; init; }

    public ExpressionShape RightShape { get; init; }
}
