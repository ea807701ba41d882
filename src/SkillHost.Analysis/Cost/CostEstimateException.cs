namespace SkillHost.Analysis.Cost;

/// <summary>
/// An estimate request that cannot be answered as asked: an unknown or ambiguous operation, a bad count
/// or concurrency. The message says what to do; <see cref="Suggestions"/> lists cost-table rows that might be meant.
/// </summary>
public sealed class CostEstimateException : Exception
{
    public CostEstimateException()
    {
    }

    public CostEstimateException(string message)
        : base(message)
    {
    }

    public CostEstimateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CostEstimateException(string message, IReadOnlyList<string> suggestions)
        : base(message) => Suggestions = suggestions;

    /// <summary>Operations of the skill's cost tables close to what was asked, best first; empty when none.</summary>
    public IReadOnlyList<string> Suggestions { get; } = [];
}
