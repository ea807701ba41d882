namespace SkillHost.Analysis.Text;

/// <summary>A 1-based line and 1-based column (in UTF-16 code units) of a position in a source file.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
