using System.Diagnostics;

namespace SkillHost.Analysis.Text;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a <see cref="SourceText"/>.</summary>
[DebuggerDisplay("{Start}..{End}")]
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span (an empty span at End counts).</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public override string ToString() => $"{Start}..{End}";
}
