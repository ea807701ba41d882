namespace SkillHost.Analysis;

/// <summary>Placeholder so the project builds until the analysis core lands.</summary>
public static class AnalysisMarker
{
    public const string Name = "analysis";
}
